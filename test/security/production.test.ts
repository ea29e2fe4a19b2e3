import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { getIntrospectionQuery } from 'graphql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { code, connectDb } from './helpers.js';

/** The production build of the server: a real DATABASE_URL is required by the config, the test passes its own database. */
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused' };

let prod: TestServer;
let dev: TestServer;
let db: pg.Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [prod, dev] = await Promise.all([startTestServer(PRODUCTION), startTestServer()]);
  db = await connectDb(prod);
  for (const user of ['admin', 'gddt', 'phochutich']) tokens[user] = await prod.login(user);
});
afterAll(async () => {
  await db?.end();
  await Promise.all([prod?.close(), dev?.close()]);
});

describe('in production', () => {
  it('introspection is answered for ADMIN only', async () => {
    for (const token of [undefined, tokens.gddt, tokens.phochutich]) {
      const res = await prod.gql(getIntrospectionQuery(), {}, token);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(res.errors![0].message).toContain('schema/schema.graphql');
      const single = await prod.gql('{ __type(name: "User") { fields { name } } }', {}, token);
      expect(single.status).toBe(400);
      const hidden = await prod.gql('fragment F on Query { __schema { types { name } } } { ...F }', {}, token);
      expect(hidden.status).toBe(400);
    }
    const admin = await prod.gql(getIntrospectionQuery(), {}, tokens.admin);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.__schema.queryType.name).toBe('Query');
    // __typename is not introspection of the schema and stays available to every client.
    expect((await prod.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('error messages suggest no field names (development still does, so the check can tell)', async () => {
    const typo = '{ allPlan { id } }';
    const devAnswer = await dev.gql(typo, {}, await dev.login('gddt'));
    expect(devAnswer.errors![0].message).toMatch(/Did you mean/);
    const prodAnswer = await prod.gql(typo, {}, tokens.gddt);
    expect(prodAnswer.status).toBe(400);
    expect(prodAnswer.errors![0].message).not.toMatch(/Did you mean|allPlans/);
    const argTypo = await prod.gql('{ allPlans(perPag: 1) { id } }', {}, tokens.gddt);
    expect(argTypo.errors![0].message).not.toMatch(/Did you mean|perPage/);
  });

  it('the query editor page is served to ADMIN only', async () => {
    const open = (token?: string) =>
      fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    for (const token of [undefined, tokens.gddt, tokens.phochutich]) {
      const res = await open(token);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(await res.text()).not.toMatch(/<html|sandbox/i);
    }
    const cookie = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html', cookie: `tiendo_session=${tokens.gddt}` } });
    expect(cookie.status).toBe(404);

    const admin = await open(tokens.admin);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toMatch(/text\/html/);
    // The page carries its own policy (a nonce and Apollo's CDN) instead of the app-wide one.
    expect(admin.headers.get('content-security-policy')).toBeNull();
    expect(await admin.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    // Every other response keeps the app-wide policy.
    expect((await prod.gql('{ __typename }')).headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('an unexpected failure is masked: a generic message and a request id, the details only in the log', async () => {
    const canary = `CANARY-${randomBytes(12).toString('hex')}`;
    // A real failure inside the database, nothing planted in the product's code.
    await db.query(`create function fail_with_canary() returns trigger language plpgsql as $$
      begin raise exception '${canary} secret' using detail = '${canary} detail', hint = '${canary} hint'; end $$`);
    await db.query('create trigger canary before insert on status_change for each row execute function fail_with_canary()');

    const a = await findAssignment(prod, tokens.gddt, 'PHONG-GDDT', '4');
    const response = await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.gddt}` },
      body: JSON.stringify({ query: TRANSITION, variables: { id: a.id, action: 'START', version: a.version } }),
    });
    const raw = await response.text();
    expect(raw).not.toContain(canary);
    expect(raw).not.toMatch(/status_change|insert into|at .*\.(ts|js):\d+/i);
    const body = JSON.parse(raw);
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = body.errors[0].extensions.requestId as string;
    expect(body.errors[0].message).toBe(`Lỗi hệ thống. Mã tham chiếu: ${requestId}`);
    // Nothing was half-written.
    expect((await findAssignment(prod, tokens.gddt, 'PHONG-GDDT', '4')).version).toBe(a.version);
    // The operator finds the cause in the log by the id the user reads out.
    const logged = prod.logs.find((line) => line.includes(requestId));
    expect(logged).toContain(canary);
  });

  it('the session cookie is HttpOnly, SameSite=Lax and Secure', async () => {
    const res = await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "gddt", password: "tiendo-demo") { token } }' }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tiendo_session='))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('logout clears the session cookie as it was set: HttpOnly, SameSite=Lax and Secure', async () => {
    const token = await prod.login('gddt');
    const res = await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tiendo_session=${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tiendo_session='))!;
    expect(cookie.split(';')[0]).toBe('tiendo_session=');
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
  });

  it('a bad request still gets its real message and code, not the generic one', async () => {
    const res = await prod.gql('{ Assignment(id: "khong-phai-id") { id } }', {}, tokens.gddt);
    expect(code(res)).toBe('NOT_FOUND');
  });
});
