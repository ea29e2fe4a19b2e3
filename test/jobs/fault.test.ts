import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { databaseUrl } from '../helpers/db.js';
import { startProcess, type Started } from '../helpers/process.js';
import { loadWorkingCalendar } from '../../server/modules/calendar/calendar.service.js';

/**
 * At-least-once delivery with exactly-once effects, under faults: a few hundred assignments fall due
 * on a fixed clock, the worker is killed with SIGKILL at random moments (and started again, as a
 * supervisor would), and Redis, writing an append-only file, is killed and restarted once. Afterwards
 * every escalation that was due exists exactly once, every e-mail arrived, and no job is stuck.
 *
 * FAULT_ASSIGNMENTS and FAULT_KILLS make a larger run (e.g. FAULT_ASSIGNMENTS=5000 FAULT_KILLS=12).
 */
const ASSIGNMENTS = Number(process.env.FAULT_ASSIGNMENTS ?? 300);
const KILLS = Number(process.env.FAULT_KILLS ?? 4);
/** Monday 02/03/2026: the ladder's days then run past a weekend. */
const DUE = '2026-03-02';

let redis: OwnRedis;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let worker: Started | undefined;
let evidenceDir: string;
const workerLog: string[] = [];

function workerEnv(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(server.database),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: server.config.queuePrefix,
    SMTP_URL: sink.url,
    EMAIL_FROM: 'Tiến độ <tiendo@hatrung.test>',
    EVIDENCE_DIR: evidenceDir,
    // A killed worker's jobs are taken over after 2 s rather than 30.
    JOB_LOCK_SECONDS: '2',
    // Only the days the test enqueues are swept.
    SWEEP_ON_START: 'false',
  };
}

async function startWorker(): Promise<void> {
  worker = startProcess('jobs/main.ts', workerEnv());
  await worker.waitFor(/đang chờ việc/, 60_000);
}

async function killWorker(): Promise<void> {
  if (!worker || worker.child.exitCode !== null) return;
  workerLog.push(worker.output());
  worker.child.kill('SIGKILL');
  await worker.exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  redis = await startOwnRedis({ appendOnly: true });
  sink = await startSmtpSink();
  evidenceDir = await mkdtemp(path.join(tmpdir(), 'tiendo-fault-'));
  server = await startTestServer({
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    EMAIL_FROM: 'Tiến độ <tiendo@hatrung.test>',
    EVIDENCE_DIR: evidenceDir,
    JOB_LOCK_SECONDS: '2',
  });
  const sql = server.app.orm.em.getConnection();
  // A plan of its own, with enough tasks that every unit has its share of the assignments.
  await sql.execute(`
    insert into plan (id, created_at, updated_at, version, code, title, issuing_body, status)
    values (gen_random_uuid(), now(), now(), 1, 'FAULT', 'Kế hoạch thử lỗi', 'ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG', 'ACTIVE')`);
  await sql.execute(`
    with p as (select id from plan where code = 'FAULT'),
         units as (select id, row_number() over (order by code) - 1 as i, count(*) over () as n from unit
                    where kind in ('OFFICE', 'COMMUNE', 'TOWNSHIP')),
         wanted as (select g - 1 as k from generate_series(1, ?) g),
         tasks as (
           insert into task (id, created_at, updated_at, version, plan_id, number, title, due_date, position, requires_evidence)
           select gen_random_uuid(), now(), now(), 1, p.id, 'F' || t, 'Việc thử ' || t, ?::date, t, false
             from p, generate_series(1, (select ceil(?::numeric / max(n)) from units)::int) t
           returning id, position)
    insert into assignment (id, created_at, updated_at, version, plan_id, task_id, unit_id, role, status, progress, due_date)
    select gen_random_uuid(), now(), now(), 1, (select id from p), tasks.id, units.id, 'LEAD', 'IN_PROGRESS', 0, ?::date
      from wanted
      join units on units.i = wanted.k % units.n
      join tasks on tasks.position = wanted.k / units.n + 1`, [ASSIGNMENTS, DUE, ASSIGNMENTS, DUE]);
  await sql.execute(`update app_user set email = username || '@hatrung.test'`);
  await startWorker();
}, 180_000);

afterAll(async () => {
  await killWorker();
  await server?.close();
  await sink?.close();
  await redis?.close();
  if (evidenceDir) await rm(evidenceDir, { recursive: true, force: true });
});

describe('deadline jobs under faults', { timeout: 600_000 }, () => {
  it('raises every due escalation once and sends every e-mail, through worker kills and a Redis restart', async () => {
    const sql = server.app.orm.em.getConnection();
    const [{ count }] = await sql.execute(`select count(*)::int as count from assignment a join plan p on p.id = a.plan_id where p.code = 'FAULT'`);
    expect(count).toBe(ASSIGNMENTS);

    const calendar = await loadWorkingCalendar(server.app.orm.em.fork());
    // The days the default ladder steps on: level 1, 2, 3 and the first repeat of level 3.
    const steps = [1, 3, 7, 14].map((late) => ({ late, day: calendar.addWorkingDays(DUE, late) }));
    const jobIds: string[] = [];
    for (const { day } of steps) jobIds.push((await server.app.queues.scanDeadlines({ asOf: day, now: `${day}T00:00:00.000Z` }))!);

    const chaos = async (kills: number, restartRedis: boolean) => {
      for (let kill = 1; kill <= kills; kill++) {
        await sleep(150 + Math.floor(Math.random() * 1200));
        await killWorker();
        if (restartRedis && kill === Math.ceil(kills / 2)) {
          await redis.stop(true);
          await sleep(300);
          await redis.start();
        }
        await startWorker();
      }
    };
    const sweepStates = () => Promise.all(jobIds.map(async (id) => (await server.app.queues.deadlines.getJob(id))?.getState()));
    const until = async (what: () => Promise<boolean>, label: string) => {
      const deadline = Date.now() + 240_000;
      while (!(await what())) {
        if (Date.now() > deadline) throw new Error(`${label} never happened:\n${workerLog.join('\n').slice(-3000)}`);
        await server.app.queues.kickEmailRelay().catch(() => {});
        await sleep(500);
      }
    };

    // Chaos while the day sweeps run; then each day's digest, with more chaos while mail goes out.
    await chaos(Math.ceil(KILLS / 2), true);
    await until(async () => (await sweepStates()).every((state) => state === 'completed'), 'the sweeps completing');
    for (const { day } of steps) await server.app.queues.email.add('email-digest', { day }, { jobId: `digest-${day}` });
    await chaos(KILLS - Math.ceil(KILLS / 2), false);

    // Everything settles: nothing waits in the outbox or the letter queue.
    const deadline = Date.now() + 240_000;
    let settled = false;
    let left = '';
    while (!settled && Date.now() < deadline) {
      // The relays run every minute anyway; kicking them keeps a loaded machine from waiting minutes per batch.
      await server.app.queues.kickEmailRelay().catch(() => {});
      await server.app.queues.kickPendingLetters().catch(() => {});
      const states = await sweepStates();
      const [{ pending }] = await sql.execute(`
        select (select count(*) from outbox_email where state = 'PENDING')
             + (select count(*) from urging_letter where state = 'PENDING') as pending`);
      const digests = await Promise.all(steps.map(async ({ day }) => (await server.app.queues.email.getJob(`digest-${day}`))?.getState()));
      settled = [...states, ...digests].every((state) => state === 'completed') && Number(pending) === 0;
      left = `sweeps ${states.join(',')}; digests ${digests.join(',')}; pending mail and letters ${pending}`;
      if (!settled) await sleep(500);
    }
    expect(settled, `not settled (${left}):\n${workerLog.join('\n').slice(-3000)}`).toBe(true);

    // Each step exactly once per assignment.
    const ladder = await sql.execute<Array<{ level: number; round: number; rows: number; assignments: number }>>(`
      select e.level, e.round, count(*)::int as rows, count(distinct e.assignment_id)::int as assignments
        from escalation e join plan p on p.id = e.plan_id
       where p.code = 'FAULT' and e.kind = 'OVERDUE'
       group by e.level, e.round order by e.level, e.round`);
    expect(ladder).toEqual([
      { level: 1, round: 0, rows: ASSIGNMENTS, assignments: ASSIGNMENTS },
      { level: 2, round: 0, rows: ASSIGNMENTS, assignments: ASSIGNMENTS },
      { level: 3, round: 0, rows: ASSIGNMENTS, assignments: ASSIGNMENTS },
      { level: 3, round: 1, rows: ASSIGNMENTS, assignments: ASSIGNMENTS },
    ]);
    // Every recipient of every escalation told once.
    const [told] = await sql.execute(`
      select (select coalesce(sum(cardinality(e.recipient_ids)), 0)::int from escalation e join plan p on p.id = e.plan_id where p.code = 'FAULT') as expected,
             (select count(*)::int from notification n join escalation e on e.id = n.escalation_id join plan p on p.id = e.plan_id where p.code = 'FAULT') as notified`);
    expect(told.notified).toBe(told.expected);

    // Every e-mail of the outbox arrived, each once.
    const outbox = await sql.execute<Array<{ id: string; state: string }>>(`select id, state from outbox_email`);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((row) => row.state !== 'SENT')).toEqual([]);
    const arrivals = new Map<string, number>();
    for (const { mail } of sink.received) arrivals.set(mail.messageId ?? '', (arrivals.get(mail.messageId ?? '') ?? 0) + 1);
    const expectedIds = outbox.map((row) => [...arrivals.keys()].find((id) => id.includes(row.id)));
    expect(expectedIds.filter((id) => id === undefined)).toEqual([]);
    expect(arrivals.size).toBe(outbox.length);
    expect([...arrivals.values()].filter((n) => n !== 1)).toEqual([]);

    // Nothing stuck or failed in any queue. The settling loop itself kicks the e-mail relay, so a relay
    // it kicked last may still be running: give the queues a moment to drain before counting.
    const queues = [server.app.queues.deadlines, server.app.queues.letters, server.app.queues.email];
    const drainBy = Date.now() + 60_000;
    const busy = async () => (await Promise.all(queues.map((q) => q.getJobCounts('active', 'waiting')))).some((c) => c.active + c.waiting > 0);
    while ((await busy()) && Date.now() < drainBy) await sleep(250);
    for (const queue of queues) {
      const counts = await queue.getJobCounts('active', 'waiting', 'failed');
      expect({ queue: queue.name, ...counts }).toEqual({ queue: queue.name, active: 0, waiting: 0, failed: 0 });
    }
  });
});
