import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentStatus } from '../../server/modules/assignments/assignment.entity.js';
import { computeFigures, deadlineClass, type DeadlineFacts } from '../../server/modules/assignments/deadline.js';
import { FacilityLevel, FacilitySector } from '../../server/modules/facilities/facility.entity.js';
import { evaluateTarget, type FacilityFacts } from '../../server/modules/targets/target-progress.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The figures are computed by PostgreSQL; deadline.ts and target-progress.ts are the rules written as
 * pure functions. On a generated plan (thousands of assignments whose dates fall on every side of the
 * deadline and of midnight in Vietnam) and generated facilities, both must give the same numbers.
 */
let server: TestServer;
let token: string;
let planId: string;
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

const UNITS = 120;
const TASKS = ['1', '1.1', '1.2', '2', '2.1', '3', '4', '5', '6'];
const DAYS = ['2022-06-29', '2022-06-30', '2022-07-01', '2022-12-31', '2023-01-01', '2026-11-29'];

type Generated = DeadlineFacts & { progress: number; unit: number; task: number };

// Instants within a few days of the deadlines, many of them a minute either side of midnight in Vietnam.
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2022-06-25T00:00:00Z'), max: Date.parse('2023-01-05T00:00:00Z') }).map((t) => new Date(t)),
  fc.constantFrom('2022-06-30T16:59:00Z', '2022-06-30T17:01:00Z', '2022-12-31T16:59:59Z', '2022-12-31T17:00:00Z').map((t) => new Date(t)),
);
const facts = fc.record({
  status: fc.constantFrom(...Object.values(AssignmentStatus)),
  dueDate: fc.constantFrom('2022-06-30', '2022-12-31', '2023-01-01'),
  submittedAt: fc.option(instant, { nil: null }),
  completedAt: fc.option(instant, { nil: null }),
  progress: fc.integer({ min: 0, max: 100 }),
});

function generatedPlan(): Generated[] {
  const rows = fc.sample(facts, { numRuns: UNITS * TASKS.length, seed: 20221231 });
  return rows.map((row, i) => ({ ...row, unit: i % UNITS, task: Math.floor(i / UNITS) }));
}

const facility = fc.record({
  sector: fc.constantFrom(...Object.values(FacilitySector)),
  level: fc.constantFrom(...Object.values(FacilityLevel)),
  isDemo: fc.boolean(),
  usesDigitalPlatform: fc.boolean(),
  acceptsCashless: fc.boolean(),
  totalTransactions: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  cashlessShare: fc.double({ min: 0, max: 1, noNaN: true }),
  hasCashlessFigure: fc.boolean(),
});

let plan: Generated[];
let taskIds: string[];
let unitIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('phochutich');
  plan = generatedPlan();

  [{ id: planId }] = await sql(
    `insert into plan (id, created_at, updated_at, code, title, issuing_body, status)
     values (gen_random_uuid(), now(), now(), 'GEN-FIGURES', 'Kế hoạch sinh ngẫu nhiên', 'UBND', 'ACTIVE') returning id`,
  );
  unitIds = (
    await sql(
      `insert into unit (id, created_at, updated_at, code, name, kind)
       select gen_random_uuid(), now(), now(), 'GEN-' || lpad(i::text, 4, '0'), 'Đơn vị ' || i, 'COMMUNE'
         from generate_series(1, ?) i order by i returning id`,
      [UNITS],
    )
  ).map((r) => r.id);
  taskIds = [];
  for (const [position, number] of TASKS.entries()) {
    const parent = number.includes('.') ? taskIds[TASKS.indexOf(number.split('.')[0])] : null;
    const [{ id }] = await sql(
      `insert into task (id, created_at, updated_at, plan_id, parent_id, number, position, title)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, 'Nhiệm vụ ' || ?) returning id`,
      [planId, parent, number, position, number],
    );
    taskIds.push(id);
  }
  const values = plan.map(() => `(gen_random_uuid(), now(), now(), ?::uuid, ?::uuid, ?::uuid, 'LEAD', ?, ?, ?::date, ?::timestamptz, ?::timestamptz)`);
  await sql(
    `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, status, progress, due_date, submitted_at, completed_at)
     values ${values.join(', ')}`,
    plan.flatMap((a) => [planId, taskIds[a.task], unitIds[a.unit], a.status, a.progress, a.dueDate, a.submittedAt, a.completedAt]),
  );
});
afterAll(() => server?.close());

describe('figures from SQL equal the pure rules', () => {
  it('every generated assignment gets the same deadline class from the SQL function as from deadlineClass()', async () => {
    const rows = await sql<{ task_id: string; unit_id: string; [day: string]: string | null }>(
      `select task_id, unit_id, ${DAYS.map((_, i) => `assignment_deadline_class(a, ?::date) as d${i}`).join(', ')}
         from assignment a where plan_id = ?`,
      [...DAYS, planId],
    );
    const byKey = new Map(rows.map((r) => [`${r.task_id}/${r.unit_id}`, r]));
    let compared = 0;
    for (const a of plan) {
      const row = byKey.get(`${taskIds[a.task]}/${unitIds[a.unit]}`)!;
      DAYS.forEach((day, i) => {
        expect(row[`d${i}`], `${JSON.stringify(a)} as of ${day}`).toBe(deadlineClass(a, day));
        compared++;
      });
    }
    expect(compared).toBe(plan.length * DAYS.length);
  });

  it('planProgress overall, by unit and by task equals computeFigures() over the same assignments', async () => {
    const query = `query($p: ID!, $d: LocalDate) { planProgress(planId: $p, asOf: $d) {
      overall { ...F } byUnit { unitId figures { ...F } } byTask { taskId figures { ...F } } } }
      fragment F on ProgressFiguresType { total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate averageProgress }`;
    for (const day of DAYS) {
      const res = await server.gql(query, { p: planId, d: day }, token);
      expect(res.errors).toBeUndefined();
      const progress = res.data!.planProgress;
      const close = (actual: Record<string, unknown>, expected: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(expected)) {
          if (typeof value === 'number' && !Number.isInteger(value)) expect(actual[key], key).toBeCloseTo(value, 9);
          else expect(actual[key], key).toBe(value);
        }
      };
      close(progress.overall, computeFigures(plan, day) as never);
      expect(progress.overall.doneOnTime + progress.overall.doneLate).toBeGreaterThan(0);
      expect(progress.byUnit).toHaveLength(UNITS);
      for (const u of progress.byUnit) close(u.figures, computeFigures(plan.filter((a) => unitIds[a.unit] === u.unitId), day) as never);
      for (const t of progress.byTask) {
        const number = TASKS[taskIds.indexOf(t.taskId)];
        const counted = plan.filter((a) => TASKS[a.task] === number || TASKS[a.task].startsWith(`${number}.`));
        close(t.figures, computeFigures(counted, day) as never);
      }
    }
  });

  it('the series over time gives computeFigures() on each of its days, instants either side of midnight included', async () => {
    const res = await server.gql(
      `query($p: ID!) { planProgressSeries(planId: $p, from: "2022-06-25", to: "2023-01-05", points: 60) {
        day total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate } }`,
      { p: planId },
      token,
    );
    expect(res.errors).toBeUndefined();
    const points = res.data!.planProgressSeries as Array<Record<string, number | null> & { day: string }>;
    expect(points).toHaveLength(60);
    for (const { day, ...figures } of points) {
      const { averageProgress: _notInTheSeries, ...expected } = computeFigures(plan, day);
      for (const [key, value] of Object.entries(expected)) {
        if (typeof value === 'number' && !Number.isInteger(value)) expect(figures[key], `${key} ${day}`).toBeCloseTo(value, 9);
        else expect(figures[key], `${key} ${day}`).toBe(value);
      }
    }
  });

  it('the list filter by deadline class finds exactly the assignments of that class', async () => {
    const day = '2022-12-31';
    const res = await server.gql(
      `query($p: ID, $d: LocalDate) {
        a: assignments(first: 1, filter: { planId: $p, deadlineClass: DONE_ON_TIME, asOf: $d }) { totalCount }
        b: assignments(first: 1, filter: { planId: $p, deadlineClass: DONE_LATE, asOf: $d }) { totalCount }
        c: assignments(first: 1, filter: { planId: $p, deadlineClass: NOT_DONE_WITHIN_DEADLINE, asOf: $d }) { totalCount }
        d: assignments(first: 1, filter: { planId: $p, deadlineClass: OVERDUE, asOf: $d }) { totalCount } }`,
      { p: planId, d: day },
      token,
    );
    expect(res.errors).toBeUndefined();
    const f = computeFigures(plan, day);
    expect([res.data!.a, res.data!.b, res.data!.c, res.data!.d].map((x) => x.totalCount)).toEqual([
      f.doneOnTime,
      f.doneLate,
      f.notDoneWithinDeadline,
      f.overdue,
    ]);
  });

  it('target values from SQL equal evaluateTarget() over generated facilities', async () => {
    const generated = fc.sample(facility, { numRuns: 400, seed: 2022 });
    await sql('delete from indicator_value');
    const commune = unitIds[0];
    const facts: FacilityFacts[] = [];
    for (const [i, f] of generated.entries()) {
      const cashless = f.totalTransactions === null || !f.hasCashlessFigure ? null : Math.floor(f.totalTransactions * f.cashlessShare);
      const [{ id }] = await sql(
        `insert into facility (id, created_at, updated_at, code, name, commune_id, sector, level, is_demo)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?) returning id`,
        [`GEN-F-${i}`, `Cơ sở ${i}`, commune, f.sector, f.level, f.isDemo],
      );
      // An older report and the latest one: only the latest on or before the day counts.
      await sql(
        `insert into indicator_value (id, created_at, updated_at, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless, cashless_transactions, total_transactions)
         values (gen_random_uuid(), now(), now(), ?, '2022-01-31', ?, '{}', ?, null, null),
                (gen_random_uuid(), now(), now(), ?, '2022-06-30', ?, '{}', ?, ?, ?)`,
        [id, !f.usesDigitalPlatform, !f.acceptsCashless, id, f.usesDigitalPlatform, f.acceptsCashless, cashless, f.totalTransactions],
      );
      facts.push({ ...f, cashlessTransactions: cashless });
    }
    const res = await server.gql(
      `{ allPlans(perPage: 100) { code periodStart issueDate targets { code sector metric comparator thresholdPercent deadline facilityLevels notApplicableReason
          current(asOf: "2022-07-01") { valuePercent met status facilitiesCounted facilitiesInScope basedOnDemoData } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const targets = res.data!.allPlans.flatMap((p: any) => p.targets.map((t: any) => ({ ...t, start: p.periodStart ?? p.issueDate })));
    expect(targets.length).toBeGreaterThanOrEqual(5);
    // Every facility counts towards whether a target applies, the seeded ones (now without figures) too.
    const present = await sql<{ sector: FacilitySector; level: FacilityLevel }>('select sector, level from facility');
    for (const t of targets) {
      const expected = evaluateTarget(t, facts, present, { asOf: '2022-07-01', start: t.start });
      expect(t.current.status, t.code).toBe(expected.status);
      expect(t.current.facilitiesInScope, t.code).toBe(expected.facilitiesInScope);
      expect(t.current.facilitiesCounted, t.code).toBe(expected.facilitiesCounted);
      expect(t.current.met, t.code).toBe(expected.met);
      expect(t.current.basedOnDemoData, t.code).toBe(expected.basedOnDemoData);
      if (expected.valuePercent === null) expect(t.current.valuePercent).toBeNull();
      else expect(t.current.valuePercent, t.code).toBeCloseTo(expected.valuePercent, 9);
    }
  });
});
