import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';
import { DEMO_PLAN_CODE } from '../../server/db/seed/demo-activity.js';
import { runDeadlineScan } from '../../jobs/deadline-scan/deadline-scan.job.js';
import { WorkingCalendar } from '../../server/modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';
import { silentLogger } from '../../server/shared/logger.js';
import { today } from '../../server/shared/dates.js';
import { graphqlClient, type GraphQLClient } from '../helpers/client.js';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';
import { REDIS_URL, cleanQueuePrefix } from '../helpers/redis.js';

/**
 * A fresh install as `npm start` makes it outside production: its own database seeded by createApp
 * (not the tests' template, which has no demo activity), then the morning sweep run on it.
 */
const runId = inject('runId');
const database = `tiendo_test_${runId}_demoseed_${process.pid}`;
const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);
let app: App;
let server: Server;
let client: GraphQLClient;
let evidenceDir: string;
let seededOn: string;
let config: ReturnType<typeof loadConfig>;

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  await withAdmin((admin) => admin.query(`create database "${database}"`));
  evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-demo-seed-'));
  config = loadConfig({
    NODE_ENV: 'development',
    SEED: 'true',
    PORT: '0',
    REDIS_URL,
    QUEUE_PREFIX: `tiendo-test-${runId}-demoseed-${process.pid}`,
    EVIDENCE_DIR: evidenceDir,
  });
  seededOn = today();
  app = await createApp({ config, databaseUrl: databaseUrl(database), logger: silentLogger });
  server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  client = graphqlClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await app?.close();
  await cleanQueuePrefix(`tiendo-test-${runId}-demoseed-${process.pid}`);
  await withAdmin((admin) => dropDatabase(admin, database));
  await rm(evidenceDir, { recursive: true, force: true });
});

const PLANS = '{ allPlans(sortField: "code") { id code status isDemo periodStart periodEnd } }';

describe('a fresh install outside production', () => {
  it('shows the 2022 plan closed, with its year of recorded work, and a demo copy of it running now', async () => {
    const token = await client.login('phochutich');
    const plans = (await client.gql(PLANS, {}, token)).data!.allPlans;
    expect(plans.map((p: any) => [p.code, p.status, p.isDemo])).toEqual([
      ['HT-CDS-TTKDTM-2022', 'CLOSED', false],
      [DEMO_PLAN_CODE, 'ACTIVE', true],
      ['TH-97-KH-UBND-2022', 'CLOSED', false],
    ]);
    const [plan2022, copy] = plans;
    expect([plan2022.periodStart, plan2022.periodEnd]).toEqual(['2022-01-01', '2022-12-31']);
    expect(copy.periodStart <= seededOn && seededOn <= copy.periodEnd).toBe(true);
    expect(copy.periodStart.slice(0, 4) <= seededOn.slice(0, 4)).toBe(true);

    const feed = (await client.gql(
      'query($id: ID!) { latestChanges(planId: $id, first: 100) { action at isDemo actorUsername comment } }', { id: plan2022.id }, token,
    )).data!.latestChanges;
    expect(feed).toHaveLength(100);
    expect(feed.every((c: any) => c.isDemo && c.actorUsername)).toBe(true);
    expect(feed.every((c: any) => c.at >= '2022-04' && c.at < '2023-07')).toBe(true);
  });

  it("records the 2022 year in 2022 (the late work in early 2023), each assignment where its history leaves it", async () => {
    const [year] = await sql(
      `select count(*)::int as entries, count(*) filter (where not s.is_demo)::int as real_entries,
              count(*) filter (where extract(year from s.at at time zone 'Asia/Ho_Chi_Minh') = 2022)::int as in_2022,
              to_char(min(s.at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') as first_day,
              to_char(max(s.at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') as last_day,
              count(distinct s.action)::int as kinds
         from status_change s join plan p on p.id = s.plan_id where p.code = 'HT-CDS-TTKDTM-2022'`,
    );
    expect(year.real_entries).toBe(0);
    expect(year.in_2022 / year.entries).toBeGreaterThan(0.85);
    expect(year.first_day >= '2022-04-25').toBe(true);
    expect(year.last_day < '2023-06-01').toBe(true);
    expect(year.kinds).toBe(7);

    // The four classes offices report in, as of the plan's last day and a year later.
    const classes = await sql<{ cls: string; n: number }>(
      `select assignment_deadline_class(a, date '2023-12-31') as cls, count(*)::int as n
         from assignment a join plan p on p.id = a.plan_id where p.code = 'HT-CDS-TTKDTM-2022' group by 1 order by 1`,
    );
    expect(classes.map((c) => c.cls)).toEqual(['DONE_LATE', 'DONE_ON_TIME', 'OVERDUE']);
    expect(classes.find((c) => c.cls === 'DONE_ON_TIME')!.n).toBeGreaterThan(classes.find((c) => c.cls === 'DONE_LATE')!.n);

    for (const code of ['HT-CDS-TTKDTM-2022', DEMO_PLAN_CODE]) await expectAssignmentsAgreeWithHistory(code);
  });

  it('runs the copy around today: work due in the coming days, late work and submissions waiting for review', async () => {
    const sweepDay = calendar.addWorkingDays(seededOn, 0);
    const rows = await sql<{ status: string; due: string }>(
      `select a.status, to_char(a.due_date, 'YYYY-MM-DD') as due from assignment a join plan p on p.id = a.plan_id where p.code = ?`, [DEMO_PLAN_CODE],
    );
    expect(rows).toHaveLength(236);
    const open = rows.filter((r) => ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'].includes(r.status));
    const distance = (r: { due: string }) => calendar.workingDaysBetween(sweepDay, r.due);
    expect(open.filter((r) => distance(r) >= 0 && distance(r) <= 7).length).toBeGreaterThanOrEqual(8);
    expect(open.filter((r) => distance(r) < 0).length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((r) => r.status === 'SUBMITTED')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'DONE').length).toBeGreaterThan(80);
    // Each office that leads tasks opens its account on work still to do and on work sent or done.
    const offices = await sql<{ code: string; open: number; sent: number }>(
      `select u.code, count(*) filter (where a.status in ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'))::int as open,
              count(*) filter (where a.status in ('SUBMITTED', 'DONE'))::int as sent
         from assignment a join plan p on p.id = a.plan_id join unit u on u.id = a.unit_id
        where p.code = ? and a.role = 'LEAD' and a.scope = 'DISTRICT' and u.code in ('PHONG-GDDT', 'VP-HDND-UBND') group by u.code`, [DEMO_PLAN_CODE],
    );
    expect(offices).toHaveLength(2);
    for (const office of offices) expect(office.open > 0 && office.sent > 0, office.code).toBe(true);
    const [{ recorded_today }] = await sql(
      `select count(*)::int as recorded_today from status_change s join plan p on p.id = s.plan_id
        where p.code = ? and (s.at at time zone 'Asia/Ho_Chi_Minh')::date >= ?::date`, [DEMO_PLAN_CODE, seededOn],
    );
    expect(recorded_today).toBe(0);
  });

  it("the morning sweep reminds the copy's units, chases its late work up to the leaders and the reviewer's waiting, and leaves the closed plan alone", async () => {
    const sweepDay = calendar.addWorkingDays(seededOn, 0);
    const result = await runDeadlineScan(
      { em: app.orm.em.fork(), config, redis: app.redis, queues: app.queues, log: silentLogger },
      { asOf: sweepDay, now: `${sweepDay}T00:00:00.000Z` },
    );
    expect(result.workingDay).toBe(true);
    expect(result.reminders).toBeGreaterThan(0);
    expect(result.escalations).toBeGreaterThan(0);

    const escalations = await sql<{ code: string; kind: string; level: number }>(
      `select distinct p.code, e.kind, e.level from escalation e join plan p on p.id = e.plan_id order by 2, 3`,
    );
    expect(escalations).toEqual([
      { code: DEMO_PLAN_CODE, kind: 'OVERDUE', level: 1 },
      { code: DEMO_PLAN_CODE, kind: 'OVERDUE', level: 2 },
      { code: DEMO_PLAN_CODE, kind: 'OVERDUE', level: 3 },
      { code: DEMO_PLAN_CODE, kind: 'REVIEW', level: 2 },
      { code: DEMO_PLAN_CODE, kind: 'REVIEW', level: 3 },
    ]);
    const reminders = await sql<{ n: string }>(
      `select distinct split_part(n.dedupe_key, ':', 4) as n from notification n join assignment a on a.id = n.assignment_id
         join plan p on p.id = a.plan_id where n.kind = 'REMINDER' and p.code = ? order by 1`, [DEMO_PLAN_CODE],
    );
    expect(reminders.map((r) => r.n)).toEqual(['0', '1', '3', '7']);
    const [{ leaders }] = await sql(
      `select count(*)::int as leaders from notification n join app_user u on u.id = n.user_id where u.username = 'phochutich' and n.kind = 'ESCALATION'`,
    );
    expect(leaders).toBeGreaterThan(0);
  });

  it('a second start adds nothing', async () => {
    const count = async () => (await sql(`select (select count(*) from status_change)::int as history, (select count(*) from plan)::int as plans,
      (select count(*) from assignment)::int as assignments`))[0];
    const before = await count();
    const again = await seedDatabase(app.orm.em.fork() as never, { demo: true, demoActivity: true });
    expect(again.created).toBe(0);
    expect(await count()).toEqual(before);
  });
});

/** Status, progress and dates of every assignment are those its last history entries leave. */
async function expectAssignmentsAgreeWithHistory(planCode: string) {
  const rows = await sql<Record<string, any>>(
    `select a.status, a.progress, a.started_at, a.submitted_at, a.completed_at, a.note, h.*
       from assignment a join plan p on p.id = a.plan_id
       left join lateral (
         select count(*)::int as entries,
                (array_agg(s.to_status order by s.at desc))[1] as last_status,
                (array_agg(s.progress order by s.at desc))[1] as last_progress,
                (array_agg(s.comment order by s.at desc) filter (where s.action = 'UPDATE_PROGRESS'))[1] as last_note,
                min(s.at) filter (where s.action = 'START') as started,
                max(s.at) filter (where s.action = 'SUBMIT') as submitted,
                max(s.at) filter (where s.action = 'VERIFY') as verified,
                bool_and(s.from_status = coalesce(s.previous, 'NOT_STARTED')) as chained,
                bool_and(s.plan_id = a.plan_id and s.is_demo) as flagged_on_its_plan
           from (select s.*, lag(s.to_status) over (order by s.at) as previous from status_change s where s.assignment_id = a.id) s) h on true
      where p.code = ?`,
    [planCode],
  );
  expect(rows.length).toBe(236);
  for (const r of rows) {
    if (r.entries === 0) {
      expect(r).toMatchObject({ status: 'NOT_STARTED', progress: 0, started_at: null, submitted_at: null, completed_at: null });
      continue;
    }
    expect(r.chained).toBe(true);
    expect(r.flagged_on_its_plan).toBe(true);
    expect([r.status, r.progress, r.note]).toEqual([r.last_status, r.last_progress, r.last_note]);
    expect(r.started_at).toEqual(r.started);
    expect(r.completed_at).toEqual(r.status === 'DONE' ? r.verified : null);
    expect(r.submitted_at).toEqual(['DONE', 'SUBMITTED'].includes(r.status) ? r.submitted : null);
  }
}
