import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../server/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { code, connectDb, rawPost } from './helpers.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ REQUEST_TIMEOUT_MS: '2000' });
  token = await server.login('gddt');
});
afterAll(() => server?.close());

const LIMIT_MESSAGES: Record<string, RegExp> = {
  depth: /lồng quá sâu/,
  aliases: /bí danh \(alias\)/,
  directives: /chỉ thị \(directive\)/,
  cost: /quá tốn kém/,
};

/** A 400 with graphql-js's validation code and the limit named: never a 500. */
function expectRefused(res: Awaited<ReturnType<TestServer['gql']>>, limit: string) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  expect(res.errors![0].message).toMatch(LIMIT_MESSAGES[limit]);
  return res.errors![0].message;
}

/** A query n fields deep, built from the schema's own cycle (assignment → history → assignment …), one row per list. */
function nested(levels: number): string {
  let body = 'id';
  for (let depth = levels - 1; depth >= 2; depth--) body = `${depth % 2 === 0 ? 'history(last: 1)' : 'assignment'} { ${body} }`;
  return `{ allAssignments(perPage: 1) { ${body} } }`;
}

describe('limits on what one GraphQL request may ask', () => {
  it('the defaults are the documented ones', () => {
    expect(loadConfig({}).limits).toMatchObject({
      maxDepth: 10, maxAliases: 15, maxDirectives: 5, maxTokens: 1000,
      loginFailuresPerAccountAddress: 10, loginAccountAddressWindowSeconds: 900, loginFailuresPerAccount: 100, loginFailuresPerAddress: 500,
      loginFailureWindowSeconds: 3600, loginThrottleSeconds: 60, loginKnownAddressSeconds: 30 * 86_400,
    });
    expect(() => loadConfig({ LOGIN_THROTTLE_SECONDS: '0' })).toThrow(/LOGIN_THROTTLE_SECONDS/);
    expect(() => loadConfig({ LOGIN_KNOWN_ADDRESS_DAYS: 'mot-thang' })).toThrow(/LOGIN_KNOWN_ADDRESS_DAYS/);
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_COST: '800' }).limits).toMatchObject({ maxDepth: 12, maxCost: 800 });
    expect(() => loadConfig({ GRAPHQL_MAX_ALIASES: 'nhieu' })).toThrow(/GRAPHQL_MAX_ALIASES/);
    expect([loadConfig({}).trustProxy, loadConfig({ TRUST_PROXY: '1' }).trustProxy, loadConfig({ TRUST_PROXY: 'false' }).trustProxy])
      .toEqual(['loopback', 1, false]);
  });

  it('a query 10 levels deep runs; 11 levels is refused with a clear message', async () => {
    const ok = await server.gql(nested(10), {}, token);
    expect(ok.errors).toBeUndefined();
    const message = expectRefused(await server.gql(nested(11), {}, token), 'depth');
    expect(message).toBe('Truy vấn lồng quá sâu: tối đa 10 cấp.');
  });

  it('depth counts through fragments', async () => {
    const query = `fragment Deep on StatusChange { assignment { history(last: 1) { assignment { history(last: 1) { assignment { history(last: 1) { assignment { history(last: 1) { id } } } } } } } } }
      { allAssignments(perPage: 1) { history(last: 1) { ...Deep } } }`;
    expectRefused(await server.gql(query, {}, token), 'depth');
  });

  it('15 aliases run; 16 are refused, and __typename aliases count too', async () => {
    const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    expect((await server.gql(`{ ${aliases(15, '__typename')} }`, {}, token)).errors).toBeUndefined();
    const message = expectRefused(await server.gql(`{ ${aliases(16, '__typename')} }`, {}, token), 'aliases');
    expect(message).toContain('tối đa 15');
    expectRefused(await server.gql(`{ ${aliases(101, '__typename')} }`, {}, token), 'aliases');
    expectRefused(await server.gql(`{ ${aliases(16, 'allPlans(perPage: 1) { id }')} }`, {}, token), 'aliases');
  });

  it('5 directives run; 6 are refused', async () => {
    const fields = ['id', 'code', 'title', 'issuingBody', 'number', 'status'];
    const directives = (n: number) => fields.map((f, i) => (i < n ? `${f} @include(if: true)` : f)).join(' ');
    expect((await server.gql(`{ allPlans(perPage: 1) { ${directives(5)} } }`, {}, token)).errors).toBeUndefined();
    expectRefused(await server.gql(`{ allPlans(perPage: 1) { ${directives(6)} } }`, {}, token), 'directives');
    // Directives in fragments and on spreads count too.
    expectRefused(
      await server.gql(`{ allPlans(perPage: 1) @skip(if: false) { ...P @include(if: true) } } fragment P on Plan { ${directives(4)} }`, {}, token),
      'directives',
    );
  });

  it('a document of more than 1000 tokens is refused by the parser with a 400, not a 500', async () => {
    const fields = Array.from({ length: 1001 }, () => 'id').join(' ');
    const res = await server.gql(`{ allPlans(perPage: 1) { ${fields} } }`, {}, token);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors![0].message).toMatch(/1000 tokens/);
  });

  it('list fan-out is costed before running: nested lists multiply their page sizes', async () => {
    const small = await server.gql('{ allPlans(perPage: 2) { tasks { subtasks { id } } } }', {}, token);
    expect(small.errors).toBeUndefined();
    const fanOut = '{ allPlans(perPage: 100) { tasks { subtasks { assignments { history { id } } } } } }';
    const message = expectRefused(await server.gql(fanOut, {}, token), 'cost');
    expect(message).toMatch(/Truy vấn quá tốn kém/);
    // Page sizes sent as variables count the same.
    const withVariables = 'query($n: Int) { assignments(first: $n) { edges { node { history { id } task { assignments { history { id } } } } } } }';
    expect((await server.gql(withVariables, { n: 2 }, token)).errors).toBeUndefined();
    expectRefused(await server.gql(withVariables, { n: 100 }, token), 'cost');
    // The same query text again: what the server remembers of it must not let a larger page through.
    expect((await server.gql(withVariables, { n: 2 }, token)).errors).toBeUndefined();
    expectRefused(await server.gql(withVariables, { n: 100 }, token), 'cost');
    // A page size left to the variable's default counts as that default.
    const byDefault = 'query($n: Int = 100) { assignments(first: $n) { edges { node { history { id } task { assignments { history { id } } } } } } }';
    expectRefused(await server.gql(byDefault, {}, token), 'cost');
    expect((await server.gql(byDefault, { n: 2 }, token)).errors).toBeUndefined();
  });

  it('a page larger than 100 is refused as bad input', async () => {
    expect(code(await server.gql('{ allAssignments(perPage: 101) { id } }', {}, token))).toBe('BAD_USER_INPUT');
    expect(code(await server.gql('{ assignments(first: 101) { totalCount } }', {}, token))).toBe('BAD_USER_INPUT');
  });

  it('batched HTTP requests (a JSON array of operations) are refused', async () => {
    const res = await rawPost(server, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('"data"');
  });

  it('the introspection query the admin runs at start-up stays within the limits', async () => {
    const res = await server.gql(getIntrospectionQuery(), {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.__schema.queryType.name).toBe('Query');
  });

  it('a body over 1 MB gets a 413 in GraphQL error shape', async () => {
    const res = await rawPost(server, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.json.errors[0]).toMatchObject({ message: 'Yêu cầu quá lớn.', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('cross-site request forgery', () => {
  it('a plain-text POST, as a form on another site could send, is refused', async () => {
    const res = await rawPost(server, JSON.stringify({ query: 'mutation { logout }' }), { 'content-type': 'text/plain', authorization: `Bearer ${token}` });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF|preflight/i);
    expect((await server.gql('{ me { username } }', {}, token)).data!.me.username).toBe('gddt');
  });

  it('a mutation sent as GET is refused, even with the preflight header', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    const simple = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(simple.status).toBe(400);
    expect((await server.gql('{ me { username } }', {}, token)).data!.me.username).toBe('gddt');
  });
});

describe('HTTP hardening', () => {
  it('every response carries the security headers, the API, health checks and unknown paths alike', async () => {
    for (const path of ['/graphql', '/healthz', '/readyz']) {
      const res = await fetch(`${server.url}${path}`, { method: path === '/graphql' ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: path === '/graphql' ? '{"query":"{ __typename }"}' : undefined });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('a request still running at the time limit gets a 503 JSON answer', async () => {
    // A real stall: another connection holds a lock the query needs.
    const db: pg.Client = await connectDb(server);
    try {
      await db.query('begin');
      await db.query('lock table plan in access exclusive mode');
      const res = await server.gql('{ allPlans { id } }', {}, token);
      expect(res.status).toBe(503);
      expect(res.errors![0]).toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
      expect(res.errors![0].message).toMatch(/quá lâu/);
    } finally {
      await db.query('rollback');
      await db.end();
    }
    expect((await server.gql('{ allPlans { id } }', {}, token)).errors).toBeUndefined();
  });
});
