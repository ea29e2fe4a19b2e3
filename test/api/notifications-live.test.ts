import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import { REDIS_URL } from '../helpers/redis.js';
import { subscribe } from '../helpers/subscriptions.js';
import { CREATE_TOKEN, code, unitId } from '../security/helpers.js';

let cluster: Replicas;
let a: Replica;
let b: Replica;
let db: pg.Client;
let prefix: string;

beforeAll(async () => {
  cluster = await startReplicas('live', { runWorker: false });
  ({ a, b, db, prefix } = cluster);
}, 180_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

const LIVE = 'subscription { notificationsChanged { unreadCount notification { kind title body read link assignment { id status } } } }';
const RETURN = `mutation($id: ID!, $v: Int!, $comment: String) {
  transitionAssignment(id: $id, action: RETURN, version: $v, comment: $comment) { id status } }`;

/** Work of the unit waiting for review, as if its officer had submitted it with evidence. */
async function submittedWork(unitCode: string): Promise<{ id: string; version: number }> {
  const { rows } = await db.query(
    `update assignment set status = 'SUBMITTED', submitted_at = now(), started_at = now(), version = version + 1
      where id = (select a.id from assignment a join unit u on u.id = a.unit_id where u.code = $1 and a.status = 'NOT_STARTED' order by a.id limit 1)
      returning id, version`,
    [unitCode],
  );
  return rows[0];
}

describe('live notifications across API processes', () => {
  it('the officer subscribed on one server hears at once that the reviewer returned their work on the other', async () => {
    const officer = await b.login('gddt');
    const live = subscribe<{ notificationsChanged: any }>(b.url, LIVE, { token: officer });
    try {
      // On subscribing, the current state.
      expect((await live.next()).data!.notificationsChanged).toEqual({ unreadCount: 0, notification: null });

      const work = await submittedWork('PHONG-GDDT');
      // Another unit's officer may not return it, and that tells nobody anything.
      const other = await a.login('vanphong');
      expect(code(await a.gql(RETURN, { id: work.id, v: work.version, comment: 'Thử' }, other))).toBe('FORBIDDEN');

      const reviewer = await a.login('vhtt');
      const returned = await a.gql(RETURN, { id: work.id, v: work.version, comment: 'Bổ sung biên bản họp' }, reviewer);
      expect(returned.data!.transitionAssignment.status).toBe('IN_PROGRESS');

      const event = (await live.next()).data!.notificationsChanged;
      expect(event.unreadCount).toBe(1);
      expect(event.notification).toMatchObject({
        kind: 'RETURNED',
        read: false,
        link: `/Assignment/${work.id}/show`,
        assignment: { id: work.id, status: 'IN_PROGRESS' },
      });
      expect(event.notification.body).toContain('Bổ sung biên bản họp');

      // Reading it on server A is pushed by server B too.
      const inbox = await a.gql('{ myNotifications(first: 1) { edges { node { id } } } }', {}, officer);
      await a.gql('mutation($id: ID!) { markRead(id: $id) { id } }', { id: inbox.data!.myNotifications.edges[0].node.id }, officer);
      expect((await live.next()).data!.notificationsChanged).toMatchObject({ unreadCount: 0, notification: { kind: 'RETURNED', read: true } });
    } finally {
      await live.close();
    }
  });

  it('a worker-side publish on the shared channel reaches a subscriber on either server', async () => {
    const officer = await a.login('xa-habac');
    const live = subscribe<{ notificationsChanged: any }>(a.url, LIVE, { token: officer });
    try {
      expect((await live.next()).data!.notificationsChanged.unreadCount).toBe(0);
      const { rows } = await db.query(
        `insert into notification (id, created_at, updated_at, user_id, kind, title, body, day, dedupe_key, urgent)
         select gen_random_uuid(), now(), now(), id, 'ESCALATION', 'Quá hạn 5 ngày làm việc', 'Nội dung', current_date, 'sweep:1', true
           from app_user where username = 'xa-habac' returning user_id`,
      );
      const { Redis } = await import('ioredis');
      const { publishNotificationsChanged } = await import('../../server/modules/notifications/notification.events.js');
      const publisher = new Redis(REDIS_URL);
      try {
        await publishNotificationsChanged(publisher, prefix, [rows[0].user_id]);
      } finally {
        publisher.disconnect();
      }
      expect((await live.next()).data!.notificationsChanged).toMatchObject({
        unreadCount: 1,
        notification: { kind: 'ESCALATION', title: 'Quá hạn 5 ngày làm việc', read: false },
      });
    } finally {
      await live.close();
    }
  });
});

describe('who may subscribe', () => {
  it('a connection without a credential, or with an unknown one, is closed as forbidden', async () => {
    const anonymous = subscribe(b.url, LIVE);
    expect(await anonymous.ended).toEqual({ code: 4403, reason: 'Forbidden' });
    const unknown = subscribe(b.url, LIVE, { token: 'not-a-session' });
    expect(await unknown.ended).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  it('a session cookie signs a socket in from the site’s own pages, never from another site', async () => {
    const token = await b.login('gddt');
    const host = new URL(b.url).host;
    const own = subscribe<{ notificationsChanged: any }>(b.url, LIVE, { headers: { cookie: `tiendo_session=${token}`, origin: b.url } });
    try {
      expect((await own.next()).data!.notificationsChanged.unreadCount).toBeGreaterThanOrEqual(0);
    } finally {
      await own.close();
    }
    const foreign = subscribe(b.url, LIVE, { headers: { cookie: `tiendo_session=${token}`, origin: 'https://evil.example', host } });
    expect(await foreign.ended).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  it('an API token has no inbox: its subscription is refused as FORBIDDEN', async () => {
    const admin = await a.login('admin');
    const created = await a.gql(CREATE_TOKEN, { name: 'Cổng tỉnh', unitId: await unitId(a, admin, 'PHONG-GDDT'), scope: 'READ' }, admin);
    const live = subscribe(b.url, LIVE, { token: created.data!.createApiToken.secret });
    const refused = await live.next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/Mã API không có hộp thông báo/);
    expect(await live.ended).toEqual({ completed: true });
    await live.close();
  });

  it('queries and mutations are not taken over the socket, and the depth limit applies to subscriptions', async () => {
    const token = await b.login('gddt');
    const query = subscribe(b.url, '{ unreadCount }', { token });
    const refused = (await query.ended) as { error?: Array<{ extensions?: { code?: string } }> };
    expect(refused.error?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    await query.close();

    const deep = subscribe(
      b.url,
      'subscription { notificationsChanged { notification { assignment { task { plan { tasks { assignments { unit { parent { parent { parent { parent { code } } } } } } } } } } } } }',
      { token },
    );
    const tooDeep = (await deep.ended) as { error?: Array<{ message: string }> };
    expect(tooDeep.error?.length).toBeGreaterThan(0);
    await deep.close();
  });
});
