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

async function loginResponse(target: TestServer, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { res, json: (await res.json()) as { data?: any; errors?: any[] } };
}

/** A sign-in from a client at `address`, forwarded by the proxy the server trusts (loopback, TRUST_PROXY). */
async function loginFrom(target: TestServer, address: string, username: string, password: string) {
  const body = JSON.stringify({ query: LOGIN, variables: { u: username, p: password } });
  return (await loginResponse(target, body, { 'x-forwarded-for': address })).json;
}

/** The SIGN_IN_LOCKED events of an account: from which address, refused by which limit. */
async function lockedEvents(target: TestServer, adminToken: string, username: string) {
  const res = await target.gql<{ allAuditEvents: Array<{ address: string; details: string }> }>(
    'query($q: String) { allAuditEvents(filter: { q: $q, action: [SIGN_IN_LOCKED] }, sortField: "at", sortOrder: "ASC") { address details } }',
    { q: username },
    adminToken,
  );
  return res.data!.allAuditEvents.map((e) => ({ address: e.address, ...JSON.parse(e.details) }));
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
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, password: "hoa-sen-no-ben-ao-lang") { id } }',
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

  it('a guesser at one address is locked out of the account from there after 10 failures, each counted; its holder still signs in from elsewhere', async () => {
    const attacker = '203.0.113.50';
    const passwords = Array.from({ length: 15 }, (_, i) => `sai-mat-khau-${i}`);
    const guesses = JSON.stringify({ query: aliasedLogins('xa-habac', passwords) });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const { json } = await loginResponse(server, guesses, { 'x-forwarded-for': attacker });
      expect(json.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
    const { json } = await loginResponse(server, guesses, { 'x-forwarded-for': attacker });
    const locked = json.errors![0];
    expect(locked.extensions.code).toBe('ACCOUNT_LOCKED');
    expect(locked.extensions.limit).toBe('ACCOUNT_AND_ADDRESS');
    expect(locked.message).toMatch(/^Tài khoản tạm khóa đối với địa chỉ này vì đăng nhập sai 10 lần\. Hãy thử lại sau khoảng \d+ phút/);
    expect(locked.extensions.retryAfterSeconds).toBeGreaterThan(0);

    // From the guesser's address even the right password is refused while the lock lasts, however the name is typed.
    expect(code(await loginFrom(server, attacker, 'xa-habac', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(code(await loginFrom(server, attacker, 'Xa-HaBac ', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    // The holder, at the commune office or on their phone, is not locked out; the lock is this account's only.
    expect((await loginFrom(server, '198.51.100.20', 'xa-habac', DEMO_PASSWORD)).data.login.token).toBeTruthy();
    expect(code(await server.gql(LOGIN, { u: 'xa-habac', p: DEMO_PASSWORD }))).toBeUndefined();
    expect((await loginFrom(server, attacker, 'tt-hatrung', DEMO_PASSWORD)).data.login.token).toBeTruthy();

    const failed = await server.gql('{ _allAuditEventsMeta(filter: { q: "xa-habac", action: [SIGN_IN_FAILED] }) { count } }', {}, admin);
    expect(failed.data!._allAuditEventsMeta.count).toBe(10);
    expect(await lockedEvents(server, admin, 'xa-habac')).toEqual(Array(3).fill({ address: attacker, limit: 'ACCOUNT_AND_ADDRESS' }));
  });

  it('an account failing from many addresses is slowed, not locked: one attempt per period from new addresses, none held back from an address it signed in from', async () => {
    const slowed = await startTestServer({
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '3',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '6',
      LOGIN_THROTTLE_SECONDS: '3600',
    });
    try {
      // The coordinator signs in at the office: that address is known to the account from now on.
      const office = '198.51.100.7';
      expect((await loginFrom(slowed, office, 'vhtt', DEMO_PASSWORD)).data.login.token).toBeTruthy();
      // Guessers at three addresses, each staying under its own lock, fail six times in all.
      for (const bot of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
        for (const guess of ['doan-bua-1', 'doan-bua-2']) expect(code(await loginFrom(slowed, bot, 'vhtt', guess))).toBe('UNAUTHENTICATED');
      }
      // The account is slowed: the period's one attempt from an unknown address goes to whoever asks first…
      expect(code(await loginFrom(slowed, '203.0.113.4', 'vhtt', 'doan-bua-3'))).toBe('UNAUTHENTICATED');
      // …and the next one waits, right password or not.
      const waiting = await loginFrom(slowed, '192.0.2.9', 'vhtt', DEMO_PASSWORD);
      expect(waiting.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'ACCOUNT' });
      expect(waiting.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(waiting.errors![0].message).toMatch(/chỉ nhận một lần đăng nhập mỗi 3600 giây từ nơi chưa đăng nhập gần đây/);
      // From the office the coordinator signs in as usual, and other accounts are not slowed.
      expect((await loginFrom(slowed, office, 'vhtt', DEMO_PASSWORD)).data.login.token).toBeTruthy();
      expect((await loginFrom(slowed, '192.0.2.9', 'gddt', DEMO_PASSWORD)).data.login.token).toBeTruthy();
      // A known address is spared the slowing, not the lock: three failures there lock the account there too.
      for (const guess of ['doan-bua-4', 'doan-bua-5', 'doan-bua-6']) expect(code(await loginFrom(slowed, office, 'vhtt', guess))).toBe('UNAUTHENTICATED');
      expect((await loginFrom(slowed, office, 'vhtt', DEMO_PASSWORD)).errors![0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', limit: 'ACCOUNT_AND_ADDRESS' });

      const slowedAdmin = await slowed.login('admin');
      expect(await lockedEvents(slowed, slowedAdmin, 'vhtt')).toEqual([
        { address: '192.0.2.9', limit: 'ACCOUNT' },
        { address: office, limit: 'ACCOUNT_AND_ADDRESS' },
      ]);
    } finally {
      await slowed.close();
    }
  });

  it('while Redis is unreachable, sign-in still works and failures are still counted, in the process', async () => {
    const isolated = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '2' });
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
