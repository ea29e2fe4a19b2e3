import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ADMIN_DIST = path.resolve(import.meta.dirname, '../../admin/dist');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they crossed the wire, not decoded. */
  body: Buffer;
}

/** One request through node:http, which, unlike fetch, hands back the body exactly as it was sent. */
function rawRequest(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(res: RawResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body);
  if (encoding === 'gzip') return zlib.gunzipSync(res.body);
  return res.body;
}

const CHROME = 'gzip, deflate, br, zstd';

describe('on a slow provincial link', () => {
  let token: string;
  const unitList = (acceptEncoding?: string) =>
    rawRequest(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      body: JSON.stringify({ query: '{ allUnits(perPage: 100) { code name shortName kind } }' }),
    });

  beforeAll(async () => {
    token = await server.login('gddt');
  });

  it('a GraphQL answer comes Brotli-compressed to a browser, gzip to a client that only knows gzip, plain to one that asks for neither', async () => {
    const plain = await unitList();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const units = JSON.parse(plain.body.toString('utf8'));
    expect(units.data.allUnits.length).toBeGreaterThan(20);

    const br = await unitList(CHROME);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(decoded(br).toString('utf8'))).toEqual(units);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);

    const gzip = await unitList('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gzip).toString('utf8'))).toEqual(units);
  });

  it('the admin’s hashed scripts come precompressed and may be kept a year; the page naming them is asked for again every time', async () => {
    const page = await rawRequest(`${server.url}/`, { headers: { 'accept-encoding': CHROME } });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = decoded(page).toString('utf8');
    const entry = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)">/.exec(html)![1];
    const onDisk = readFileSync(path.join(ADMIN_DIST, entry));

    const br = await rawRequest(`${server.url}${entry}`, { headers: { 'accept-encoding': CHROME } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(decoded(br).equals(onDisk)).toBe(true);
    // Compressed at build time at Brotli's best, well below what gzip makes of it.
    expect(br.body.length).toBeLessThan(zlib.gzipSync(onDisk).length * 0.9);

    const gzip = await rawRequest(`${server.url}${entry}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).equals(onDisk)).toBe(true);
    const identity = await rawRequest(`${server.url}${entry}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(onDisk)).toBe(true);
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const route of ['/index.html', '/some/client/route']) {
      const other = await rawRequest(`${server.url}${route}`, { headers: { 'accept-encoding': CHROME } });
      expect(other.status, route).toBe(200);
      expect(other.headers['cache-control'], route).toBe('no-cache');
      expect(decoded(other).toString('utf8'), route).toBe(html);
    }
  });

  it('a script of an older build is a 404, not the page in its place', async () => {
    const gone = await rawRequest(`${server.url}/assets/index-0ld8uild.js`, { headers: { 'accept-encoding': CHROME } });
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type'] ?? '').not.toMatch(/html/);
  });
});

describe('HTTP surface', () => {
  it('/healthz says the process is alive and /readyz that the database and Redis answer', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('malformed JSON gets a 400 in GraphQL error shape, with no stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('a query for a field that does not exist is a 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const token = await server.login('gddt');
    const res = await server.gql('{ allAssignments { id secretField } }', {}, token);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('login with a wrong password or unknown user gives the same UNAUTHENTICATED answer', async () => {
    const wrong = await server.gql('mutation { login(username: "gddt", password: "sai-mat-khau") { token } }');
    const unknown = await server.gql('mutation { login(username: "khong-co", password: "sai-mat-khau") { token } }');
    expect(wrong.errors![0]).toMatchObject({ message: 'Tên đăng nhập hoặc mật khẩu không đúng.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('logout ends the session: the same token is refused afterwards', async () => {
    const token = await server.login('vanphong');
    expect((await server.gql('{ me { username unitId } }', {}, token)).data!.me.username).toBe('vanphong');
    expect((await server.gql('mutation { logout }', {}, token)).data!.logout).toBe(true);
    expect((await server.gql('{ me { username } }', {}, token)).data!.me).toBeNull();
    expect((await server.gql('{ allPlans { id } }', {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('the browser cookie is HttpOnly and SameSite', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "gddt", password: "tiendo-demo") { token } }' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tiendo_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaCookie = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect((await viaCookie.json()).data.me.username).toBe('gddt');
  });

  it('/readyz answers 503 when Redis is gone', async () => {
    server.app.redis.disconnect();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'ok', redis: 'unavailable' });
  });
});
