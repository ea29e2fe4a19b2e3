import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Progress over time needs the history: an assignment cancelled in May was still open in April. A small
 * plan of 2022 is written here as the workflow would have written it then (the rows' dates and the
 * history entries with their past instants), including a cancellation just after midnight in Vietnam,
 * then the series is read and compared with planProgress(asOf) on the same days and with hand counts.
 */
let server: TestServer;
let token: string;
let planId: string;
const units: Record<string, string> = {};
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

/** An instant given as Vietnam's wall clock. */
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

interface Event {
  action: string;
  from: string;
  to: string;
  at: string;
}

let tasks = 0;

/** One task per assignment: a unit holds a task once. */
async function assignment(unit: string, dueDate: string, status: string, facts: { submittedAt?: string; completedAt?: string }, events: Event[]) {
  tasks++;
  const [{ id: taskId }] = await sql(
    `insert into task (id, created_at, updated_at, plan_id, number, position, title) values (gen_random_uuid(), now(), now(), ?, ?, ?, 'Nhiệm vụ thử') returning id`,
    [planId, String(tasks), tasks],
  );
  const [{ id }] = await sql(
    `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, status, progress, due_date, submitted_at, completed_at)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, 'LEAD', ?, ?, ?, ?, ?) returning id`,
    [planId, taskId, units[unit], status, status === 'DONE' ? 100 : 0, dueDate, facts.submittedAt ?? null, facts.completedAt ?? null],
  );
  for (const e of events) {
    await sql(
      `insert into status_change (id, assignment_id, plan_id, action, from_status, to_status, progress, comment, at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 0, ?, ?)`,
      [id, planId, e.action, e.from, e.to, e.action === 'CANCEL' ? 'Không còn phù hợp' : null, e.at],
    );
  }
  return id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('phochutich');
  const all = (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, token)).data!.allUnits as Array<{ id: string; code: string }>;
  for (const u of all) units[u.code] = u.id;
  [{ id: planId }] = await sql(
    `insert into plan (id, created_at, updated_at, code, title, issuing_body, status, period_start, period_end)
     values (gen_random_uuid(), now(), now(), 'TEST-SERIES', 'Kế hoạch thử diễn biến', 'UBND huyện Hà Trung', 'CLOSED', '2022-01-01', '2022-12-31') returning id`,
  );
  // A: sent on 20/3, before its deadline, verified on 5/4 — on time, from 5/4.
  await assignment('XA-HABAC', '2022-03-31', 'DONE', { submittedAt: vn('2022-03-20T10:00:00'), completedAt: vn('2022-04-05T09:00:00') }, [
    { action: 'START', from: 'NOT_STARTED', to: 'IN_PROGRESS', at: vn('2022-03-01T08:00:00') },
    { action: 'SUBMIT', from: 'IN_PROGRESS', to: 'SUBMITTED', at: vn('2022-03-20T10:00:00') },
    { action: 'VERIFY', from: 'SUBMITTED', to: 'DONE', at: vn('2022-04-05T09:00:00') },
  ]);
  // B: sent on 10/4, after its deadline, verified on 12/4 — late, from 12/4.
  await assignment('XA-HABAC', '2022-03-31', 'DONE', { submittedAt: vn('2022-04-10T10:00:00'), completedAt: vn('2022-04-12T15:00:00') }, [
    { action: 'START', from: 'NOT_STARTED', to: 'IN_PROGRESS', at: vn('2022-03-01T08:00:00') },
    { action: 'SUBMIT', from: 'IN_PROGRESS', to: 'SUBMITTED', at: vn('2022-04-10T10:00:00') },
    { action: 'VERIFY', from: 'SUBMITTED', to: 'DONE', at: vn('2022-04-12T15:00:00') },
  ]);
  // C: cancelled half an hour into 15/5 in Vietnam (still 14/5 in UTC): counted on 14/5, gone on 15/5.
  await assignment('XA-HASON', '2022-06-30', 'CANCELLED', {}, [
    { action: 'CANCEL', from: 'NOT_STARTED', to: 'CANCELLED', at: vn('2022-05-15T00:30:00') },
  ]);
  // D: never started: overdue from 1/4.
  await assignment('XA-HASON', '2022-03-31', 'NOT_STARTED', {}, []);
  // E: cancelled with no history entry (loaded so): counts nowhere, on any day.
  await assignment('XA-HABAC', '2022-06-30', 'CANCELLED', {}, []);
  // F: started, overdue from 1/7, cancelled on 10/7.
  await assignment('XA-HASON', '2022-06-30', 'CANCELLED', {}, [
    { action: 'START', from: 'NOT_STARTED', to: 'IN_PROGRESS', at: vn('2022-04-01T08:00:00') },
    { action: 'CANCEL', from: 'IN_PROGRESS', to: 'CANCELLED', at: vn('2022-07-10T16:00:00') },
  ]);
});
afterAll(() => server?.close());

const FIGURES = 'total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate';
const SERIES = `query($planId: ID!, $from: LocalDate!, $to: LocalDate!, $points: Int, $unitId: ID) {
  planProgressSeries(planId: $planId, from: $from, to: $to, points: $points, unitId: $unitId) { day ${FIGURES} } }`;
const PROGRESS = `query($planId: ID!, $asOf: LocalDate) { planProgress(planId: $planId, asOf: $asOf) {
  overall { ${FIGURES} } byUnit { unitId figures { ${FIGURES} } } } }`;

async function series(vars: Record<string, unknown>) {
  const res = await server.gql(SERIES, { planId, ...vars }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.planProgressSeries as Array<Record<string, unknown> & { day: string }>;
}

async function progressOn(asOf: string) {
  const res = await server.gql(PROGRESS, { planId, asOf }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.planProgress as { overall: Record<string, unknown>; byUnit: Array<{ unitId: string; figures: Record<string, unknown> }> };
}

const f = (total: number, onTime: number, late: number, within: number, overdue: number, comeDue: number, completion: number | null, overdueRate: number | null) => ({
  total, doneOnTime: onTime, doneLate: late, notDoneWithinDeadline: within, overdue, comeDue, completionRate: completion, overdueRate,
});

describe('progress over time, from the assignments and their history', () => {
  it('each point of the series is planProgress on that day, for the plan and for one unit', async () => {
    const points = await series({ from: '2022-03-01', to: '2022-07-31', points: 60 });
    expect(points).toHaveLength(60);
    expect(points[0].day).toBe('2022-03-01');
    expect(points.at(-1)!.day).toBe('2022-07-31');
    const hason = await series({ from: '2022-03-01', to: '2022-07-31', points: 60, unitId: units['XA-HASON'] });
    for (const [i, point] of points.entries()) {
      const { day, ...figures } = point;
      const progress = await progressOn(day);
      expect(figures, day).toEqual(progress.overall);
      const { day: unitDay, ...unitFigures } = hason[i];
      expect(unitDay).toBe(day);
      const unitProgress = progress.byUnit.find((u) => u.unitId === units['XA-HASON'])?.figures ?? f(0, 0, 0, 0, 0, 0, null, null);
      expect(unitFigures, `Hà Sơn ${day}`).toEqual(unitProgress);
    }
  });

  it('agrees with counts by hand either side of each verification and cancellation', async () => {
    const expected: Record<string, ReturnType<typeof f>> = {
      '2022-03-31': f(5, 0, 0, 5, 0, 0, null, 0),
      '2022-04-04': f(5, 0, 0, 2, 3, 3, 0, 3 / 5),
      '2022-04-05': f(5, 1, 0, 2, 2, 3, 1 / 3, 2 / 5),
      '2022-05-14': f(5, 1, 1, 2, 1, 3, 2 / 3, 1 / 5),
      '2022-05-15': f(4, 1, 1, 1, 1, 3, 2 / 3, 1 / 4),
      '2022-07-09': f(4, 1, 1, 0, 2, 4, 2 / 4, 2 / 4),
      '2022-07-10': f(3, 1, 1, 0, 1, 3, 2 / 3, 1 / 3),
    };
    const days = Object.keys(expected);
    for (const [from, to] of days.slice(1).map((day, i) => [days[i], day])) {
      const [first, second] = await series({ from, to, points: 2 });
      for (const { day, ...figures } of [first, second]) expect(figures, day).toEqual(expected[day]);
    }
    // planProgress of a past day no longer forgets work cancelled after it.
    expect((await progressOn('2022-05-14')).overall).toEqual(expected['2022-05-14']);
  });

  it('the overdue list of a past day holds what the figures count as overdue then', async () => {
    const res = await server.gql(
      `query($planId: ID!) {
        a: assignments(first: 10, filter: { planId: $planId, deadlineClass: OVERDUE, asOf: "2022-07-09" }) { totalCount }
        b: assignments(first: 10, filter: { planId: $planId, deadlineClass: NOT_DONE_WITHIN_DEADLINE, asOf: "2022-05-14" }) { totalCount }
        c: assignments(first: 10, filter: { planId: $planId, deadlineClass: NOT_DONE_WITHIN_DEADLINE, asOf: "2022-05-15" }) { totalCount } }`,
      { planId },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect([res.data!.a.totalCount, res.data!.b.totalCount, res.data!.c.totalCount]).toEqual([2, 2, 1]);
  });

  it('a day range, a number of points or a unit out of bounds is refused, and so is a reader without an account', async () => {
    const refused = async (vars: Record<string, unknown>, signedIn = true) =>
      (await server.gql(SERIES, { planId, from: '2022-01-01', to: '2022-12-31', ...vars }, signedIn ? token : undefined)).errors?.[0].extensions?.code;
    expect(await refused({ points: 61 })).toBe('BAD_USER_INPUT');
    expect(await refused({ points: 0 })).toBe('BAD_USER_INPUT');
    expect(await refused({ from: '2023-01-01' })).toBe('BAD_USER_INPUT');
    expect(await refused({ from: '2000-01-01' })).toBe('BAD_USER_INPUT');
    expect(await refused({ unitId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await refused({ planId: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await refused({}, false)).toBe('UNAUTHENTICATED');
  });

  it('asks the database once, whatever the number of points', async () => {
    const { count } = await server.countQueries(() => series({ from: '2022-01-01', to: '2022-12-31', points: 60 }));
    const { count: few } = await server.countQueries(() => series({ from: '2022-01-01', to: '2022-12-31', points: 3 }));
    expect(count).toBe(few);
  });
});
