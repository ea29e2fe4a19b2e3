import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

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
