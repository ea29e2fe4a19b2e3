import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { findAssignment, step } from '../helpers/queries.js';
import { CREATE_TOKEN, code, connectDb, unitId } from '../security/helpers.js';
import { inboxSql } from '../../server/modules/notifications/notification.service.js';

let server: TestServer;
let db: pg.Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['gddt', 'vanphong', 'vhtt', 'admin', 'xa-hason']) tokens[user] = await server.login(user);
  db = await connectDb(server);
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

const INBOX = `query($first: Int, $after: String) { myNotifications(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id kind title body read readAt link assignmentId assignment { id status task { number } unit { code } } escalationId letterId } } } }`;
const UNREAD = '{ unreadCount }';
const ONE = 'query($id: ID!) { notification(id: $id) { id title read } }';
const MARK = 'mutation($id: ID!) { markRead(id: $id) { id read readAt } }';
const MARK_ALL = 'mutation { markAllRead }';

async function userId(username: string): Promise<string> {
  const { rows } = await db.query('select id from app_user where username = $1', [username]);
  return rows[0].id;
}

/** Notifications written as the sweeps write them, at chosen times, for ordering tests. */
async function insertNotifications(username: string, items: Array<{ title: string; minutesAgo: number; read?: boolean }>) {
  const user = await userId(username);
  for (const item of items) {
    await db.query(
      `insert into notification (id, created_at, updated_at, user_id, kind, title, body, day, dedupe_key, read_at)
       values (gen_random_uuid(), now() - make_interval(mins => $2), now(), $1, 'REMINDER', $3, 'Nội dung', current_date, $4,
               case when $5 then now() else null end)`,
      [user, item.minutesAgo, item.title, `test:${item.title}`, item.read ?? false],
    );
  }
}

describe('notifications from the review of work', () => {
  it('the coordinator hears of submitted work, the officer hears it was returned with the comment, and no one else hears anything', async () => {
    let a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '4');
    for (const action of ['START', 'SUBMIT']) a = await step(server, tokens.gddt, a, action);

    const reviewer = (await server.gql(INBOX, {}, tokens.vhtt)).data!.myNotifications;
    expect(reviewer.edges.map((e: any) => e.node.kind)).toEqual(['SUBMITTED']);
    expect(reviewer.edges[0].node).toMatchObject({ read: false, assignmentId: a.id, link: `/Assignment/${a.id}/show` });

    // A unit's officer cannot return its own work, and trying sends nothing.
    const refused = await server.gql(
      'mutation($id: ID!, $v: Int!) { transitionAssignment(id: $id, action: RETURN, version: $v, comment: "Tự trả") { id } }',
      { id: a.id, v: a.version },
      tokens.gddt,
    );
    expect(code(refused)).toBe('FORBIDDEN');
    expect((await server.gql(UNREAD, {}, tokens.gddt)).data!.unreadCount).toBe(0);

    a = await step(server, tokens.vhtt, a, 'RETURN', 'Thiếu danh sách trường đã tập huấn');
    const inbox = (await server.gql(INBOX, {}, tokens.gddt)).data!.myNotifications;
    expect(inbox.totalCount).toBe(1);
    expect(inbox.edges[0].node).toMatchObject({
      kind: 'RETURNED',
      read: false,
      readAt: null,
      assignmentId: a.id,
      assignment: { id: a.id, status: 'IN_PROGRESS', task: { number: '4' }, unit: { code: 'PHONG-GDDT' } },
      escalationId: null,
      letterId: null,
      link: `/Assignment/${a.id}/show`,
    });
    expect(inbox.edges[0].node.body).toContain('Thiếu danh sách trường đã tập huấn');
    expect(inbox.edges[0].node.body).toContain('Cán bộ Phòng Văn hóa và Thông tin');
    expect((await server.gql(UNREAD, {}, tokens.gddt)).data!.unreadCount).toBe(1);
    // Another unit's officer and the reviewer who returned it get nothing new.
    expect((await server.gql(UNREAD, {}, tokens.vanphong)).data!.unreadCount).toBe(0);
    expect((await server.gql(UNREAD, {}, tokens.vhtt)).data!.unreadCount).toBe(1);

    for (const action of ['SUBMIT']) a = await step(server, tokens.gddt, a, action);
    a = await step(server, tokens.vhtt, a, 'VERIFY');
    const kinds = (await server.gql(INBOX, {}, tokens.gddt)).data!.myNotifications.edges.map((e: any) => e.node.kind);
    expect(kinds).toEqual(['VERIFIED', 'RETURNED']);
  });

  it('a notification is one per step and person: the unique key is the recorded step', async () => {
    const { rows } = await db.query(
      `select dedupe_key, count(*)::int as n from notification group by user_id, dedupe_key having count(*) > 1`,
    );
    expect(rows).toEqual([]);
    const keys = await db.query(`select dedupe_key from notification where kind = 'RETURNED'`);
    expect(keys.rows[0].dedupe_key).toMatch(/^status-change:[0-9a-f-]{36}$/);
  });
});

describe('each user sees only their own inbox', () => {
  it('another user’s notification answers NOT_FOUND, to reading and to marking it read, and stays unread', async () => {
    await insertNotifications('gddt', [{ title: 'Riêng của gddt', minutesAgo: 1 }]);
    const edges = (await server.gql(INBOX, {}, tokens.gddt)).data!.myNotifications.edges;
    const mine = edges.find((e: any) => e.node.title === 'Riêng của gddt').node;

    for (const other of ['vanphong', 'vhtt', 'admin']) {
      expect(code(await server.gql(ONE, { id: mine.id }, tokens[other]))).toBe('NOT_FOUND');
      expect(code(await server.gql(MARK, { id: mine.id }, tokens[other]))).toBe('NOT_FOUND');
    }
    expect(code(await server.gql(ONE, { id: 'not-an-id' }, tokens.gddt))).toBe('NOT_FOUND');
    expect((await server.gql(ONE, { id: mine.id }, tokens.gddt)).data!.notification).toEqual({ id: mine.id, title: 'Riêng của gddt', read: false });
    const before = await db.query('select read_at, version from notification where id = $1', [mine.id]);
    expect(before.rows[0].read_at).toBeNull();

    // Marking all read for another user touches nothing of this one's.
    expect((await server.gql(MARK_ALL, {}, tokens.vanphong)).data!.markAllRead).toBe(0);
    expect((await server.gql(ONE, { id: mine.id }, tokens.gddt)).data!.notification.read).toBe(false);
  });

  it('signed out, the inbox is UNAUTHENTICATED; an API token has no inbox and is FORBIDDEN', async () => {
    expect(code(await server.gql(UNREAD))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(MARK_ALL))).toBe('UNAUTHENTICATED');
    const created = await server.gql(CREATE_TOKEN, { name: 'Cổng tỉnh', unitId: await unitId(server, tokens.admin, 'PHONG-GDDT'), scope: 'READ_WRITE' }, tokens.admin);
    const secret = created.data!.createApiToken.secret as string;
    for (const query of [UNREAD, INBOX, MARK_ALL]) {
      const res = await server.gql(query, {}, secret);
      expect(code(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(/Mã API không có hộp thông báo/);
    }
  });
});

describe('the inbox order and reading', () => {
  it('lists unread first, newest first, pages by cursor, and reading moves a notification behind the unread ones', async () => {
    await insertNotifications('xa-hason', [
      { title: 'A cũ đã đọc', minutesAgo: 50, read: true },
      { title: 'B chưa đọc', minutesAgo: 40 },
      { title: 'C mới đã đọc', minutesAgo: 5, read: true },
      { title: 'D chưa đọc', minutesAgo: 30 },
      { title: 'E mới nhất chưa đọc', minutesAgo: 1 },
    ]);
    const token = tokens['xa-hason'];
    const all = (await server.gql(INBOX, {}, token)).data!.myNotifications;
    expect(all.edges.map((e: any) => e.node.title)).toEqual(['E mới nhất chưa đọc', 'D chưa đọc', 'B chưa đọc', 'C mới đã đọc', 'A cũ đã đọc']);
    expect(all.totalCount).toBe(5);
    expect((await server.gql(UNREAD, {}, token)).data!.unreadCount).toBe(3);

    const first = (await server.gql(INBOX, { first: 2 }, token)).data!.myNotifications;
    expect(first.edges.map((e: any) => e.node.title)).toEqual(['E mới nhất chưa đọc', 'D chưa đọc']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // Reading one already seen does not make the next page skip or repeat anything.
    const read = await server.gql(MARK, { id: first.edges[0].node.id }, token);
    expect(read.data!.markRead).toMatchObject({ read: true });
    const again = await server.gql(MARK, { id: first.edges[0].node.id }, token);
    expect(again.data!.markRead.readAt).toBe(read.data!.markRead.readAt);

    const rest = (await server.gql(INBOX, { first: 10, after: first.pageInfo.endCursor }, token)).data!.myNotifications;
    expect(rest.edges.map((e: any) => e.node.title)).toEqual(['B chưa đọc', 'E mới nhất chưa đọc', 'C mới đã đọc', 'A cũ đã đọc']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(code(await server.gql(INBOX, { after: 'bm90LWEtY3Vyc29y' }, token))).toBe('BAD_USER_INPUT');
    expect(code(await server.gql(INBOX, { first: 101 }, token))).toBe('BAD_USER_INPUT');

    expect((await server.gql(UNREAD, {}, token)).data!.unreadCount).toBe(2);
    expect((await server.gql(MARK_ALL, {}, token)).data!.markAllRead).toBe(2);
    expect((await server.gql(UNREAD, {}, token)).data!.unreadCount).toBe(0);
    expect((await server.gql(MARK_ALL, {}, token)).data!.markAllRead).toBe(0);
    const after = (await server.gql(INBOX, {}, token)).data!.myNotifications;
    expect(after.edges.every((e: any) => e.node.read)).toBe(true);
    // All read: newest first.
    expect(after.edges.map((e: any) => e.node.title)).toEqual(['E mới nhất chưa đọc', 'C mới đã đọc', 'D chưa đọc', 'B chưa đọc', 'A cũ đã đọc']);
  });

  it('a page of an inbox is read from notification_inbox_index in its order, with no sort, first page and after a cursor', async () => {
    const user = await userId('xa-hason');
    const positional = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    await db.query('begin');
    try {
      // The test inbox is tiny; at this size PostgreSQL would rightly read the table instead.
      await db.query('set local enable_seqscan = off');
      for (const [sql, params] of [
        [inboxSql(false), [user, 26]],
        [inboxSql(true), [user, true, '1764000000000000', '00000000-0000-0000-0000-000000000000', 26]],
      ] as const) {
        const plan = (await db.query(`explain ${positional(sql)}`, [...params])).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain('Index Scan using notification_inbox_index');
        expect(plan).not.toMatch(/\bSort\b/);
      }
    } finally {
      await db.query('rollback');
    }
  });
});

describe('no query per notification', () => {
  const NESTED = `query($first: Int) { myNotifications(first: $first) { totalCount edges { node {
    id title link assignment { id status task { number } unit { code } } escalation { id } letter { id } } } } }`;

  it('an inbox page with each notification’s assignment, task and unit costs the same statements for 2 rows as for 30', async () => {
    const user = await userId('vanphong');
    const assignments = await db.query(`select id from assignment order by id limit 30`);
    for (const [i, row] of assignments.rows.entries()) {
      await db.query(
        `insert into notification (id, created_at, updated_at, user_id, kind, title, body, day, dedupe_key, assignment_id)
         values (gen_random_uuid(), now() - make_interval(mins => $2), now(), $1, 'REMINDER', 'Sắp đến hạn', 'Nội dung', current_date, $3, $4)`,
        [user, i, `count:${i}`, row.id],
      );
    }
    await server.gql(NESTED, { first: 1 }, tokens.vanphong);
    const small = await server.countQueries(() => server.gql(NESTED, { first: 2 }, tokens.vanphong));
    const large = await server.countQueries(() => server.gql(NESTED, { first: 30 }, tokens.vanphong));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.myNotifications.edges).toHaveLength(30);
    expect(new Set(large.result.data!.myNotifications.edges.map((e: any) => e.node.assignment.unit.code)).size).toBeGreaterThan(1);
    expect(large.count).toBe(small.count);
    // the page, the count, then one batch each for assignments, tasks and units
    expect(large.count).toBeLessThanOrEqual(5);
  });
});
