import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { CREATE_TOKEN, code, connectDb, createToken, sha256, unitId } from './helpers.js';

let server: TestServer;
let db: pg.Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  db = await connectDb(server);
  for (const user of ['admin', 'gddt', 'vhtt', 'phochutich']) tokens[user] = await server.login(user);
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

const ASSIGNMENTS = '{ assignments(first: 5) { totalCount edges { node { id unit { code } } } } }';

describe('integrators’ API tokens', () => {
  it('ADMIN issues a token whose secret is shown once, has 256 random bits and is stored only as its SHA-256', async () => {
    const gddtUnit = await unitId(server, tokens.admin, 'PHONG-GDDT');
    const res = await server.gql(CREATE_TOKEN, { name: 'Cổng dữ liệu tỉnh', unitId: gddtUnit, scope: 'READ' }, tokens.admin);
    expect(res.errors).toBeUndefined();
    const created = res.data!.createApiToken;
    expect(created.secret).toMatch(/^tdk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.secret.slice(4), 'base64url')).toHaveLength(32);
    expect(created).toMatchObject({ name: 'Cổng dữ liệu tỉnh', scope: 'READ', active: true, unit: { code: 'PHONG-GDDT' }, createdByUsername: 'admin' });
    expect(created.prefix).toBe(created.secret.slice(0, 12));

    const again = await server.gql('query($id: ID!) { ApiToken(id: $id) { id secret } allApiTokens { id secret } }', { id: created.id }, tokens.admin);
    expect(again.data!.ApiToken.secret).toBeNull();
    expect(again.data!.allApiTokens.every((t: { secret: string | null }) => t.secret === null)).toBe(true);

    const { rows } = await db.query('select * from api_token where id = $1', [created.id]);
    expect(rows[0].token_hash).toBe(sha256(created.secret));
    expect(JSON.stringify(rows[0])).not.toContain(created.secret.slice(4));
  });

  it('only ADMIN may issue, list or revoke tokens', async () => {
    const gddtUnit = await unitId(server, tokens.admin, 'PHONG-GDDT');
    for (const user of ['gddt', 'vhtt', 'phochutich']) {
      const res = await server.gql(CREATE_TOKEN, { name: 'Tự cấp', unitId: gddtUnit, scope: 'READ_WRITE' }, tokens[user]);
      expect(code(res)).toBe('FORBIDDEN');
      expect(code(await server.gql('{ allApiTokens { id } }', {}, tokens[user]))).toBe('FORBIDDEN');
    }
    const anonymous = await server.gql(CREATE_TOKEN, { name: 'Ẩn danh', unitId: gddtUnit, scope: 'READ' });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ');
    const revoke = await server.gql('mutation($id: ID!) { deleteApiToken(id: $id) { id } }', { id: token.id }, tokens.gddt);
    expect(code(revoke)).toBe('FORBIDDEN');
    const { rows } = await db.query('select count(*)::int as n from api_token where name like $1', ['Tự cấp%']);
    expect(rows[0].n).toBe(0);
  });

  it('a READ token reads the plan but cannot change anything, not even its own unit’s work', async () => {
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ');
    const read = await server.gql(ASSIGNMENTS, {}, token.secret);
    expect(read.errors).toBeUndefined();
    expect(read.data!.assignments.totalCount).toBeGreaterThan(0);

    const own = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4');
    const start = await server.gql(TRANSITION, { id: own.id, action: 'START', version: own.version }, token.secret);
    expect(code(start)).toBe('FORBIDDEN');
    expect((await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4')).version).toBe(own.version);
  });

  it('a READ_WRITE token works on its own unit’s assignments like an officer, and never on another unit’s or as a reviewer', async () => {
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ_WRITE');
    const own = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4');
    const started = await server.gql(TRANSITION, { id: own.id, action: 'START', version: own.version }, token.secret);
    expect(started.errors).toBeUndefined();
    expect(started.data!.transitionAssignment).toMatchObject({ status: 'IN_PROGRESS', allowedActions: ['SUBMIT', 'BLOCK', 'UPDATE_PROGRESS'] });
    // The history names no user: a token is not an account.
    expect(started.data!.transitionAssignment.history[0]).toMatchObject({ action: 'START', actorUsername: null });

    const other = await findAssignment(server, tokens.gddt, 'XA-HASON', '1.2');
    const forged = await server.gql(TRANSITION, { id: other.id, action: 'START', version: other.version }, token.secret);
    expect(code(forged)).toBe('FORBIDDEN');
    expect((await findAssignment(server, tokens.gddt, 'XA-HASON', '1.2')).version).toBe(other.version);

    // The token's role is OFFICER-like even though ADMIN issued it: no catalogue, users, tokens or audit.
    for (const query of ['{ allUsers { id } }', '{ allApiTokens { id } }', '{ allAuditEvents { id } }', '{ me { id } }']) {
      const res = await server.gql(query, {}, token.secret);
      if (query.includes('me')) expect(res.data!.me).toBeNull();
      else expect(code(res)).toBe('FORBIDDEN');
    }
    const plan = await server.gql('mutation { createPlan(code: "KH-GIA", title: "Kế hoạch giả", issuingBody: "UBND") { id } }', {}, token.secret);
    expect(code(plan)).toBe('FORBIDDEN');
    expect((await db.query(`select count(*)::int as n from plan where code = 'KH-GIA'`)).rows[0].n).toBe(0);
  });

  it('a revoked token is refused on the very next request, and revocation is recorded', async () => {
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ');
    expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
    const revoked = await server.gql('mutation($id: ID!) { deleteApiToken(id: $id) { id active revokedAt } }', { id: token.id }, tokens.admin);
    expect(revoked.data!.deleteApiToken).toMatchObject({ id: token.id, active: false });
    expect(revoked.data!.deleteApiToken.revokedAt).not.toBeNull();
    expect(code(await server.gql(ASSIGNMENTS, {}, token.secret))).toBe('UNAUTHENTICATED');

    const audit = await server.gql(
      'query($id: ID) { allAuditEvents(filter: { subjectTokenId: $id }) { action actorUsername subjectTokenId } }',
      { id: token.id },
      tokens.admin,
    );
    expect(audit.data!.allAuditEvents.map((e: { action: string }) => e.action).sort()).toEqual(['TOKEN_CREATED', 'TOKEN_REVOKED']);
    expect(audit.data!.allAuditEvents.every((e: { actorUsername: string }) => e.actorUsername === 'admin')).toBe(true);
  });

  it('a token is refused from the moment it expires, even one the server remembers, and the last-used time is kept', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const created = await server.gql(
      CREATE_TOKEN,
      { name: 'Hết hạn ngày mai', unitId: await unitId(server, tokens.admin, 'PHONG-GDDT'), scope: 'READ', expiresAt: expiresAt.toISOString() },
      tokens.admin,
    );
    const token = created.data!.createApiToken;
    expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
    const used = await server.gql('query($id: ID!) { ApiToken(id: $id) { lastUsedAt } }', { id: token.id }, tokens.admin);
    expect(used.data!.ApiToken.lastUsedAt).not.toBeNull();
    // The server's own clock moves to the expiry: the database and the cache must both see it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(expiresAt.getTime() - 1);
      expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
      vi.setSystemTime(expiresAt);
      expect(code(await server.gql(ASSIGNMENTS, {}, token.secret))).toBe('UNAUTHENTICATED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a token used again within a minute is not written to again, and one used later is', async () => {
    const token = await createToken(server, tokens.admin, 'PHONG-GDDT', 'READ');
    expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
    const lastUsed = async () => (await db.query('select last_used_at from api_token where id = $1', [token.id])).rows[0].last_used_at as Date;
    const first = await lastUsed();
    expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
    expect(await lastUsed()).toEqual(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(first.getTime() + 61_000);
      expect((await server.gql(ASSIGNMENTS, {}, token.secret)).errors).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    expect((await lastUsed()).getTime()).toBe(first.getTime() + 61_000);
  });

  it('a token that was never issued, or a session token dressed as one, is UNAUTHENTICATED', async () => {
    expect(code(await server.gql(ASSIGNMENTS, {}, `tdk_${'A'.repeat(43)}`))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(ASSIGNMENTS, {}, `tdk_${tokens.gddt}`))).toBe('UNAUTHENTICATED');
  });

  it('bad expiry dates are refused with a clear message and nothing is stored', async () => {
    const gddtUnit = await unitId(server, tokens.admin, 'PHONG-GDDT');
    const before = (await db.query('select count(*)::int as n from api_token')).rows[0].n;
    const past = await server.gql(CREATE_TOKEN, { name: 'Quá khứ', unitId: gddtUnit, scope: 'READ', expiresAt: '2020-01-01T00:00:00Z' }, tokens.admin);
    expect(code(past)).toBe('BAD_USER_INPUT');
    const tooLong = await server.gql(CREATE_TOKEN, { name: 'Quá dài', unitId: gddtUnit, scope: 'READ', expiresAt: '2099-01-01T00:00:00Z' }, tokens.admin);
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].message).toContain('tối đa');
    const noUnit = await server.gql(CREATE_TOKEN, { name: 'Không đơn vị', unitId: '00000000-0000-0000-0000-000000000001', scope: 'READ' }, tokens.admin);
    expect(code(noUnit)).toBe('BAD_USER_INPUT');
    expect((await db.query('select count(*)::int as n from api_token')).rows[0].n).toBe(before);
  });
});

describe('the security audit log', () => {
  it('records sign-ins, failures, disabling and role changes, and only ADMIN reads it', async () => {
    await server.gql('mutation { login(username: "gddt", password: "sai-mat-khau") { token } }');
    const vanphong = await server.login('vanphong');
    const users = await server.gql('{ allUsers(filter: { q: "vanphong" }) { id version role } }', {}, tokens.admin);
    const user = users.data!.allUsers[0];
    const changed = await server.gql(
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, role: VIEWER, active: false) { id role active } }',
      { id: user.id, v: user.version },
      tokens.admin,
    );
    expect(changed.errors).toBeUndefined();
    expect(code(await server.gql('{ me { id } }', {}, vanphong)) ?? 'signed out').toBe('signed out');

    const events = await server.gql(
      '{ allAuditEvents(perPage: 100) { action username actorUsername subjectUsername address details } }',
      {},
      tokens.admin,
    );
    expect(events.errors).toBeUndefined();
    const list = events.data!.allAuditEvents as Array<Record<string, string | null>>;
    expect(list).toContainEqual(expect.objectContaining({ action: 'SIGN_IN_FAILED', username: 'gddt', subjectUsername: 'gddt' }));
    expect(list).toContainEqual(expect.objectContaining({ action: 'SIGN_IN', subjectUsername: 'vanphong' }));
    expect(list).toContainEqual(expect.objectContaining({ action: 'USER_DISABLED', actorUsername: 'admin', subjectUsername: 'vanphong' }));
    const role = list.find((e) => e.action === 'ROLE_CHANGED')!;
    expect(JSON.parse(role.details!)).toEqual({ from: 'OFFICER', to: 'VIEWER' });
    expect(list.find((e) => e.action === 'SIGN_IN')!.address).toBeTruthy();

    for (const user of ['gddt', 'vhtt', 'phochutich']) {
      expect(code(await server.gql('{ allAuditEvents { id } }', {}, tokens[user]))).toBe('FORBIDDEN');
      expect(code(await server.gql('{ _allAuditEventsMeta { count } }', {}, tokens[user]))).toBe('FORBIDDEN');
    }
    expect(code(await server.gql('{ auditEvents(first: 1) { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('is append-only in the database itself: UPDATE and DELETE are refused', async () => {
    const count = (await db.query('select count(*)::int as n from audit_event')).rows[0].n;
    expect(count).toBeGreaterThan(0);
    await expect(db.query(`update audit_event set username = 'xoa-dau-vet'`)).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_event')).rejects.toThrow(/append-only/);
    expect((await db.query('select count(*)::int as n from audit_event')).rows[0].n).toBe(count);
  });
});
