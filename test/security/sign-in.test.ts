import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/server.js';
import { code, unitId } from './helpers.js';

let server: TestServer;
let strict: TestServer;
let admin: string;

beforeAll(async () => {
  // The default limits, and a server with small ones so that the address limit can be reached quickly.
  [server, strict] = await Promise.all([
    startTestServer(),
    startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' }),
  ]);
  admin = await server.login('admin');
});
afterAll(() => Promise.all([server?.close(), strict?.close()]));

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/** Up to 15 sign-in attempts in one request, as aliases: each must count. */
function aliasedLogins(username: string, passwords: string[]): string {
  const fields = passwords.map((p, i) => `a${i}: login(username: ${JSON.stringify(username)}, password: ${JSON.stringify(p)}) { token }`);
  return `mutation { ${fields.join(' ')} }`;
}

async function loginResponse(target: TestServer, body: string) {
  const res = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { res, json: (await res.json()) as { data?: any; errors?: any[] } };
}

describe('browser sessions', () => {
  it('each sign-in creates a new session id, set in an HttpOnly, SameSite cookie (not Secure outside production)', async () => {
    const first = await loginResponse(server, JSON.stringify({ query: LOGIN, variables: { u: 'gddt', p: DEMO_PASSWORD } }));
    const cookie = first.res.headers.getSetCookie().find((c) => c.startsWith('tiendo_session='))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const id = cookie.split(';')[0].split('=')[1];
    expect(id).toBe(first.json.data.login.token);

    // Signing in again, even while presenting the old session, never keeps or reuses its id.
    const again = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tiendo_session=${id}` },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'gddt', p: DEMO_PASSWORD } }),
    });
    const second = again.headers.getSetCookie().find((c) => c.startsWith('tiendo_session='))!.split(';')[0].split('=')[1];
    expect(second).not.toBe(id);
    expect(second).toHaveLength(43);
  });

  it('logout clears the cookie with the attributes it was set with: HttpOnly, SameSite=Lax, path /, expired', async () => {
    const token = await server.login('vanphong');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tiendo_session=${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tiendo_session='))!;
    expect(cookie.split(';')[0]).toBe('tiendo_session=');
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(new Date(cookie.match(/Expires=([^;]+)/i)![1]).getTime()).toBeLessThan(Date.now());
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('the cookie alone signs the browser in, and logout ends that session at once', async () => {
    const token = await server.login('vanphong');
    const asCookie = (query: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `tiendo_session=${token}` },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<{ data?: any; errors?: any[] }>);
    expect((await asCookie('{ me { username } }')).data.me.username).toBe('vanphong');
    expect((await asCookie('mutation { logout }')).data.logout).toBe(true);
    expect((await asCookie('{ allPlans { id } }')).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(code(await server.gql('{ allPlans { id } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('an ADMIN disabling a user ends every session of that user on the next request', async () => {
    const phone = await server.login('agribank');
    const laptop = await server.login('agribank');
    expect(code(await server.gql('{ allPlans { id } }', {}, phone))).toBeUndefined();
    const found = await server.gql('{ allUsers(filter: { q: "agribank" }) { id version } }', {}, admin);
    const user = found.data!.allUsers[0];
    // Another officer may not do it.
    const officer = await server.login('gddt');
    const refused = await server.gql('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { id } }', { id: user.id, v: user.version }, officer);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(code(await server.gql('{ allPlans { id } }', {}, phone))).toBeUndefined();

    const disabled = await server.gql('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { active } }', { id: user.id, v: user.version }, admin);
    expect(disabled.data!.updateUser.active).toBe(false);
    expect(code(await server.gql('{ allPlans { id } }', {}, phone))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql('{ allPlans { id } }', {}, laptop))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(LOGIN, { u: 'agribank', p: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('a new role or a new password ends the user’s sessions on the next request', async () => {
    const before = await server.login('xa-halai');
    expect(code(await server.gql('{ allPlans { id } }', {}, before))).toBeUndefined();
    const found = await server.gql('{ allUsers(filter: { q: "xa-halai" }) { id version } }', {}, admin);
    const user = found.data!.allUsers[0];
    const viewer = await server.gql('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, role: VIEWER) { version } }', { id: user.id, v: user.version }, admin);
    expect(code(await server.gql('{ allPlans { id } }', {}, before))).toBe('UNAUTHENTICATED');

    const again = await server.login('xa-halai');
    expect(code(await server.gql('{ allPlans { id } }', {}, again))).toBeUndefined();
    const changed = await server.gql(
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, password: "Mat-khau-moi-2024!") { id } }',
      { id: user.id, v: viewer.data!.updateUser.version },
      admin,
    );
    expect(changed.errors).toBeUndefined();
    expect(code(await server.gql('{ allPlans { id } }', {}, again))).toBe('UNAUTHENTICATED');
  });

  it('a signed-in user’s next request is answered without reading the session again', async () => {
    const token = await server.login('xa-hatan');
    expect((await server.gql('{ me { username unit { code } } }', {}, token)).data!.me).toEqual({ username: 'xa-hatan', unit: { code: 'XA-HATAN' } });
    const { result, statements } = await server.countQueries(() => server.gql('{ allPlans { code } }', {}, token));
    expect(result.errors).toBeUndefined();
    expect(statements.filter((sql) => /from "session"/.test(sql))).toEqual([]);
  });

  it('a session ends at its expiry, to the millisecond, even while the server remembers it', async () => {
    const res = await server.gql<{ login: { token: string; expiresAt: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }',
      { u: 'xa-hatan', p: DEMO_PASSWORD },
    );
    const { token, expiresAt } = res.data!.login;
    expect(code(await server.gql('{ allPlans { id } }', {}, token))).toBeUndefined();
    // The server's own clock moves to the expiry: the database and the cache must both see it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(expiresAt).getTime() - 1);
      expect(code(await server.gql('{ allPlans { id } }', {}, token))).toBeUndefined();
      vi.setSystemTime(new Date(expiresAt));
      expect(code(await server.gql('{ allPlans { id } }', {}, token))).toBe('UNAUTHENTICATED');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('failed sign-in limits', () => {
  it('aliased attempts in one request are not a batch: graphql runs mutations in order and stops at the first refusal', async () => {
    const passwords = Array.from({ length: 15 }, (_, i) => `sai-mat-khau-${i}`);
    const { json } = await loginResponse(server, JSON.stringify({ query: aliasedLogins('xa-hason', passwords) }));
    expect(json.data).toBeNull();
    expect(json.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const events = await server.gql('{ _allAuditEventsMeta(filter: { q: "xa-hason", action: [SIGN_IN_FAILED] }) { count } }', {}, admin);
    expect(events.data!._allAuditEventsMeta.count).toBe(1);
  });

  it('an account takes at most 100 failed attempts an hour, each counted, then is locked with a clear Vietnamese message', async () => {
    const passwords = Array.from({ length: 15 }, (_, i) => `sai-mat-khau-${i}`);
    for (let attempt = 1; attempt <= 100; attempt++) {
      const { json } = await loginResponse(server, JSON.stringify({ query: aliasedLogins('xa-habac', passwords) }));
      expect(json.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
    const { json } = await loginResponse(server, JSON.stringify({ query: aliasedLogins('xa-habac', passwords) }));
    const locked = json.errors![0];
    expect(locked.extensions.code).toBe('ACCOUNT_LOCKED');
    expect(locked.message).toMatch(/^Tài khoản tạm khóa vì đăng nhập sai quá 100 lần\. Hãy thử lại sau khoảng \d+ phút/);
    expect(locked.extensions.retryAfterSeconds).toBeGreaterThan(0);

    // Even the right password is refused while the lock lasts; other accounts are untouched.
    expect(code(await server.gql(LOGIN, { u: 'xa-habac', p: DEMO_PASSWORD }))).toBe('ACCOUNT_LOCKED');
    expect(code(await server.gql(LOGIN, { u: 'Xa-HaBac ', p: DEMO_PASSWORD }))).toBe('ACCOUNT_LOCKED');
    expect(code(await server.gql(LOGIN, { u: 'tt-hatrung', p: DEMO_PASSWORD }))).toBeUndefined();
    const events = await server.gql(
      '{ _allAuditEventsMeta(filter: { q: "xa-habac", action: [SIGN_IN_FAILED] }) { count } locked: _allAuditEventsMeta(filter: { q: "xa-habac", action: [SIGN_IN_LOCKED] }) { count } }',
      {},
      admin,
    );
    expect(events.data).toEqual({ _allAuditEventsMeta: { count: 100 }, locked: { count: 3 } });
  });

  it('while Redis is unreachable, sign-in still works and failures are still counted, in the process', async () => {
    const isolated = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' });
    try {
      isolated.app.redis.disconnect();
      expect(code(await isolated.gql(LOGIN, { u: 'gddt', p: 'sai-mat-khau' }))).toBe('UNAUTHENTICATED');
      expect(code(await isolated.gql(LOGIN, { u: 'vhtt', p: DEMO_PASSWORD }))).toBeUndefined();
      expect(code(await isolated.gql(LOGIN, { u: 'gddt', p: 'sai-mat-khau' }))).toBe('UNAUTHENTICATED');
      expect(code(await isolated.gql(LOGIN, { u: 'gddt', p: DEMO_PASSWORD }))).toBe('ACCOUNT_LOCKED');
    } finally {
      await isolated.close();
    }
  });

  it('one address gets a limited number of failures across accounts', async () => {
    const users = ['gddt', 'vhtt', 'vanphong', 'agribank', 'xa-habac', 'xa-hason', 'tt-hatrung', 'khong-co'];
    for (const u of users) expect(code(await strict.gql(LOGIN, { u, p: 'sai-mat-khau' }))).toBe('UNAUTHENTICATED');
    const limited = await strict.gql(LOGIN, { u: 'phochutich', p: 'sai-mat-khau' });
    expect(code(limited)).toBe('TOO_MANY_REQUESTS');
    expect(limited.errors![0].message).toMatch(/quá nhiều lần đăng nhập sai từ địa chỉ này/);
    expect(code(await strict.gql(LOGIN, { u: 'admin', p: DEMO_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
    // Behind the trusted proxy (loopback by default, TRUST_PROXY), each forwarded client has its own count.
    const forwarded = await fetch(`${strict.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } }),
    });
    expect(((await forwarded.json()) as { data: any }).data.login.token).toBeTruthy();
  });
});

describe('password rules for new and changed passwords', () => {
  const CREATE = `mutation($username: String!, $password: String!, $unitId: ID!) {
    createUser(username: $username, fullName: "Cán bộ mới", role: OFFICER, unitId: $unitId, password: $password) { id username }
  }`;

  it('too short, too long, common or one repeated character is refused with a Vietnamese reason, and no account is made', async () => {
    const unit = await unitId(server, admin, 'PHONG-GDDT');
    const cases: Array<[string, RegExp]> = [
      ['ngan7ky', /ít nhất 8 ký tự/],
      ['x'.repeat(129), /tối đa 128 ký tự/],
      ['matkhau123', /quá phổ biến/],
      ['Password123', /quá phổ biến/],
      ['12345678', /quá phổ biến/],
      ['aaaaaaaaaa', /lặp lại/],
    ];
    for (const [password, reason] of cases) {
      const res = await server.gql(CREATE, { username: 'can-bo-moi', password, unitId: unit }, admin);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields[0].problems.join(' ')).toMatch(reason);
    }
    expect((await server.gql('{ allUsers(filter: { q: "can-bo-moi" }) { id } }', {}, admin)).data!.allUsers).toEqual([]);
  });

  it('a long passphrase of 64 characters or more is accepted; only ADMIN may create accounts', async () => {
    const unit = await unitId(server, admin, 'PHONG-GDDT');
    const passphrase = 'mùa lúa chín vàng trên cánh đồng hà trung năm hai nghìn hai mươi hai';
    expect([...passphrase].length).toBeGreaterThanOrEqual(64);
    const officer = await server.login('gddt');
    expect(code(await server.gql(CREATE, { username: 'cau-mat-khau', password: passphrase, unitId: unit }, officer))).toBe('FORBIDDEN');
    const res = await server.gql(CREATE, { username: 'cau-mat-khau', password: passphrase, unitId: unit }, admin);
    expect(res.errors).toBeUndefined();
    expect(await server.login('cau-mat-khau', passphrase)).toBeTruthy();
  });

  it('changing a password follows the same rules', async () => {
    const found = await server.gql('{ allUsers(filter: { q: "tt-hatrung" }) { id version } }', {}, admin);
    const user = found.data!.allUsers[0];
    const res = await server.gql('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, password: "qwerty123") { id } }', { id: user.id, v: user.version }, admin);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(await server.login('tt-hatrung')).toBeTruthy();
  });
});
