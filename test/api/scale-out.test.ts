import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import type pg from 'pg';
import { startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import type { Redis } from 'ioredis';
import { producerConnection } from '../../jobs/connection.js';
import { createQueues, type Queues } from '../../jobs/queues.js';
import { JobName, QueueName } from '../../jobs/registry.js';
import { REDIS_URL } from '../helpers/redis.js';
import { UPDATE_ASSIGNMENT, TRANSITION } from '../helpers/queries.js';
import { CREATE_TOKEN, code, unitId } from '../security/helpers.js';

let cluster: Replicas;
let a: Replica;
let b: Replica;
let db: pg.Client;
let prefix: string;

beforeAll(async () => {
  cluster = await startReplicas('scale', { runWorker: true });
  ({ a, b, db, prefix } = cluster);
}, 180_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

const PLANS = '{ allPlans { id } }';
const UPDATE_USER = 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { active } }';
const REVOKE = 'mutation($id: ID!) { deleteApiToken(id: $id) { id active } }';

describe('two API servers behind one address', () => {
  it('a session signed in on one server works on the other, and logging out on one ends it on the other', async () => {
    const token = await a.login('gddt');
    expect((await b.gql('{ me { username } }', {}, token)).data!.me).toEqual({ username: 'gddt' });
    // Both servers have now seen the session; the second request on each is answered from memory.
    expect(code(await a.gql(PLANS, {}, token))).toBeUndefined();
    expect(code(await b.gql(PLANS, {}, token))).toBeUndefined();

    expect((await a.gql('mutation { logout }', {}, token)).data!.logout).toBe(true);
    expect(code(await b.gql(PLANS, {}, token))).toBe('UNAUTHENTICATED');
    expect(code(await a.gql(PLANS, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('an ADMIN disabling a user on one server ends that user’s session on the other on the next request', async () => {
    const agribank = await a.login('agribank');
    expect(code(await a.gql(PLANS, {}, agribank))).toBeUndefined();
    expect(code(await a.gql(PLANS, {}, agribank))).toBeUndefined();
    const admin = await b.login('admin');
    const user = (await b.gql('{ allUsers(filter: { q: "agribank" }) { id version } }', {}, admin)).data!.allUsers[0];

    // An officer may not do it, and trying changes nothing on either server.
    const officer = await b.login('gddt');
    expect(code(await b.gql(UPDATE_USER, { id: user.id, v: user.version }, officer))).toBe('FORBIDDEN');
    expect(code(await a.gql(PLANS, {}, agribank))).toBeUndefined();

    expect((await b.gql(UPDATE_USER, { id: user.id, v: user.version }, admin)).data!.updateUser).toEqual({ active: false });
    expect(code(await a.gql(PLANS, {}, agribank))).toBe('UNAUTHENTICATED');
    expect(code(await b.gql(PLANS, {}, agribank))).toBe('UNAUTHENTICATED');
  });

  it('an API token revoked on one server is refused on the other', async () => {
    const admin = await a.login('admin');
    const created = await a.gql(CREATE_TOKEN, { name: 'Cổng dữ liệu tỉnh', unitId: await unitId(a, admin, 'PHONG-GDDT'), scope: 'READ' }, admin);
    const token = created.data!.createApiToken as { id: string; secret: string };
    expect(code(await b.gql(PLANS, {}, token.secret))).toBeUndefined();
    expect(code(await b.gql(PLANS, {}, token.secret))).toBeUndefined();

    const officer = await a.login('vhtt');
    expect(code(await a.gql(REVOKE, { id: token.id }, officer))).toBe('FORBIDDEN');
    expect(code(await b.gql(PLANS, {}, token.secret))).toBeUndefined();

    expect((await a.gql(REVOKE, { id: token.id }, admin)).data!.deleteApiToken).toEqual({ id: token.id, active: false });
    expect(code(await b.gql(PLANS, {}, token.secret))).toBe('UNAUTHENTICATED');
    expect(code(await a.gql(PLANS, {}, token.secret))).toBe('UNAUTHENTICATED');
  });
});

describe('versions across servers', () => {
  const HISTORY = 'query($id: ID!) { Assignment(id: $id) { version progress history { action } } }';

  async function gddtAssignment(token: string) {
    const res = await a.gql(
      '{ assignments(first: 1, filter: { q: "PHONG-GDDT" }, orderBy: { field: TASK, direction: DESC }) { edges { node { id version status } } } }',
      {},
      token,
    );
    return res.data!.assignments.edges[0].node as { id: string; version: number; status: string };
  }

  it('a write with the version read before another server’s write is refused as CONFLICT', async () => {
    const gddt = await a.login('gddt');
    const read = await gddtAssignment(gddt);
    const started = await a.gql(TRANSITION, { id: read.id, action: 'START', version: read.version }, gddt);
    expect(started.data!.transitionAssignment.status).toBe('IN_PROGRESS');
    const version = started.data!.transitionAssignment.version as number;

    // Another unit’s officer may not record this unit’s progress, whatever the version.
    const other = await b.login('vanphong');
    expect(code(await b.gql(UPDATE_ASSIGNMENT, { id: read.id, version, progress: 50 }, other))).toBe('FORBIDDEN');

    const first = await a.gql(UPDATE_ASSIGNMENT, { id: read.id, version, progress: 10 }, gddt);
    expect(first.errors).toBeUndefined();
    const stale = await b.gql(UPDATE_ASSIGNMENT, { id: read.id, version, progress: 20 }, gddt);
    expect(code(stale)).toBe('CONFLICT');
    expect((await b.gql(HISTORY, { id: read.id }, gddt)).data!.Assignment.progress).toBe(10);
  });

  it('two writes with the same version, one on each server at once: exactly one wins and history gains one row', async () => {
    const gddt = await a.login('gddt');
    const { id } = await gddtAssignment(gddt);
    const before = (await a.gql(HISTORY, { id }, gddt)).data!.Assignment;
    const [onA, onB] = await Promise.all([
      a.gql(UPDATE_ASSIGNMENT, { id, version: before.version, progress: 40 }, gddt),
      b.gql(UPDATE_ASSIGNMENT, { id, version: before.version, progress: 60 }, gddt),
    ]);
    const outcomes = [onA, onB].map((res) => (res.errors ? code(res) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const after = (await b.gql(HISTORY, { id }, gddt)).data!.Assignment;
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.version).toBe(before.version + 1);
    expect(after.progress).toBe(onA.errors ? 60 : 40);
  });
});

describe('jobs with two servers running workers', () => {
  let queue: Queue;
  let events: QueueEvents;
  const producers: Array<{ redis: Redis; queues: Queues }> = [];

  beforeAll(async () => {
    queue = new Queue(QueueName.DEADLINES, { connection: { url: REDIS_URL } as never, prefix });
    events = new QueueEvents(QueueName.DEADLINES, { connection: { url: REDIS_URL } as never, prefix });
    await events.waitUntilReady();
    // Each server's producer, as the API would hold it.
    for (let i = 0; i < 2; i++) {
      const redis = producerConnection(REDIS_URL);
      producers.push({ redis, queues: createQueues(redis, prefix) });
    }
  });
  afterAll(async () => {
    for (const { redis, queues } of producers) {
      await queues.close();
      redis.disconnect();
    }
    await events?.close();
    await queue?.close();
  });

  it('both servers scheduled the daily reminder and the award periods, and Redis holds one schedule for each', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'award-periods-daily', pattern: '0 6 * * *', tz: 'Asia/Ho_Chi_Minh' },
      { key: 'daily-deadline-scan', pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' },
    ]);
  });

  it('a day’s scan asked for by both servers runs once and reminds each unit once', async () => {
    const day = '2023-01-05';
    const ids = await Promise.all(producers.map(({ queues }) => queues.scanDeadlines({ asOf: day })));
    expect(ids[0]).toBe(ids[1]);
    const job = (await queue.getJob(ids[0]!))!;
    const result = (await job.waitUntilFinished(events, 30_000)) as { asOf: string; escalations: number };
    expect(result.asOf).toBe(day);
    expect(result.escalations).toBeGreaterThan(0);

    // Asked again by both: the same job, already done, not a new run.
    const again = await Promise.all(producers.map(({ queues }) => queues.scanDeadlines({ asOf: day })));
    expect(again).toEqual(ids);
    const runs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter(
      (j) => j.name === JobName.DEADLINE_SCAN && j.data.asOf === day,
    );
    expect(runs.map((j) => j.id)).toEqual([ids[0]]);
    expect(await job.isCompleted()).toBe(true);

    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from escalation');
    expect(rows[0].n).toBe(result.escalations);
  });
});
