import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION } from '../helpers/queries.js';
import { attachSampleEvidence } from '../helpers/evidence.js';
import { today } from '../../server/shared/dates.js';

/**
 * A small plan built through the API, driven into each of the four deadline classes, and checked
 * against figures computed by hand below.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
let planId: string;
const T = today();
const day = (offset: number) => new Date(Date.parse(`${T}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const ids: Record<string, string> = {};

async function create(mutation: string, vars: Record<string, unknown>, token = tokens.admin) {
  const res = await server.gql(mutation, vars, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0] as { id: string; version: number };
}

async function drive(assignment: string, token: string, actions: string[], comment?: string) {
  let version = (await server.gql('query($id: ID!) { Assignment(id: $id) { version } }', { id: assignment }, token)).data!.Assignment.version;
  for (const action of actions) {
    if (action === 'SUBMIT') {
      await attachSampleEvidence(server, token, assignment);
      version = (await server.gql('query($id: ID!) { Assignment(id: $id) { version } }', { id: assignment }, token)).data!.Assignment.version;
    }
    const res = await server.gql(TRANSITION, { id: assignment, action, version, comment }, token);
    if (res.errors) throw new Error(`${action}: ${JSON.stringify(res.errors)}`);
    version = res.data!.transitionAssignment.version;
  }
}

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'phochutich', 'vhtt', 'gddt', 'xa-habac', 'xa-hason']) tokens[u] = await server.login(u);
  const units = (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, tokens.admin)).data!.allUnits as Array<{ id: string; code: string }>;
  const unit = (code: string) => units.find((u) => u.code === code)!.id;

  planId = (await create(
    'mutation($code: String!) { createPlan(code: $code, title: "Kế hoạch thử tiến độ", issuingBody: "UBND huyện Hà Trung", status: ACTIVE) { id version } }',
    { code: 'TEST-PROGRESS' },
  )).id;
  const task = async (number: string, parentId?: string) =>
    (await create(
      'mutation($planId: ID!, $number: String!, $parentId: ID) { createTask(planId: $planId, number: $number, parentId: $parentId, title: "Nhiệm vụ thử") { id version } }',
      { planId, number, parentId },
    )).id;
  const t1 = await task('1');
  const t11 = await task('1.1', t1);
  const t12 = await task('1.2', t1);
  const t2 = await task('2');
  Object.assign(ids, { t1, t11, t12, t2 });
  const assign = async (name: string, taskId: string, unitCode: string, offset: number) => {
    ids[name] = (await create(
      'mutation($taskId: ID!, $unitId: ID!, $dueDate: LocalDate) { createAssignment(taskId: $taskId, unitId: $unitId, role: LEAD, dueDate: $dueDate) { id version } }',
      { taskId, unitId: unit(unitCode), dueDate: day(offset) },
    )).id;
  };
  await assign('A', t11, 'XA-HABAC', 10); // done on time
  await assign('B', t12, 'XA-HABAC', -5); // done late
  await assign('C', t11, 'XA-HASON', 3); // started, within the deadline
  await assign('D', t12, 'XA-HASON', -1); // not started, overdue
  await assign('E', t2, 'PHONG-GDDT', -2); // submitted, not verified: overdue
  await assign('F', t2, 'XA-HABAC', -3); // cancelled: counts nowhere

  await drive(ids.A, tokens['xa-habac'], ['START', 'SUBMIT']);
  await drive(ids.A, tokens.vhtt, ['VERIFY']);
  await drive(ids.B, tokens['xa-habac'], ['START', 'SUBMIT']);
  await drive(ids.B, tokens.vhtt, ['VERIFY']);
  await drive(ids.C, tokens['xa-hason'], ['START']);
  await drive(ids.E, tokens.gddt, ['START', 'SUBMIT']);
  await drive(ids.F, tokens.phochutich, ['CANCEL'], 'Không còn phù hợp');
});
afterAll(() => server?.close());

const FIGURES = 'total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate';
const PROGRESS = `query($planId: ID!, $asOf: LocalDate) { planProgress(planId: $planId, asOf: $asOf) { asOf
  overall { ${FIGURES} } byUnit { unit { code } figures { ${FIGURES} } } byTask { task { number } figures { ${FIGURES} } } } }`;

const f = (total: number, onTime: number, late: number, within: number, overdue: number, comeDue: number, completion: number | null, overdueRate: number | null) => ({
  total, doneOnTime: onTime, doneLate: late, notDoneWithinDeadline: within, overdue, comeDue, completionRate: completion, overdueRate,
});

describe('planProgress agrees with hand-computed figures', () => {
  it('as of today: 1 on time, 1 late, 1 within the deadline, 2 overdue; 3 come due of which 1 done', async () => {
    const res = await server.gql(PROGRESS, { planId }, tokens.phochutich);
    expect(res.errors).toBeUndefined();
    const p = res.data!.planProgress;
    expect(p.asOf).toBe(T);
    expect(p.overall).toEqual(f(5, 1, 1, 1, 2, 3, 1 / 3, 2 / 5));
    const byUnit = Object.fromEntries(p.byUnit.map((u: any) => [u.unit.code, u.figures]));
    expect(byUnit).toEqual({
      'PHONG-GDDT': f(1, 0, 0, 0, 1, 1, 0, 1),
      'XA-HABAC': f(2, 1, 1, 0, 0, 1, 1, 0),
      'XA-HASON': f(2, 0, 0, 1, 1, 1, 0, 0.5),
    });
    const byTask = Object.fromEntries(p.byTask.map((t: any) => [t.task.number, t.figures]));
    expect(byTask).toEqual({
      '1': f(4, 1, 1, 1, 1, 2, 0.5, 0.25),
      '1.1': f(2, 1, 0, 1, 0, 0, null, 0),
      '1.2': f(2, 0, 1, 0, 1, 2, 0.5, 0.5),
      '2': f(1, 0, 0, 0, 1, 1, 0, 1),
    });
  });

  it('as of ten days ago nothing had been done and nothing was late, and F, cancelled today, was still to do', async () => {
    const p = (await server.gql(PROGRESS, { planId, asOf: day(-10) }, tokens.phochutich)).data!.planProgress;
    expect(p.overall).toEqual(f(6, 0, 0, 6, 0, 0, null, 0));
  });

  it('as of twenty days ahead every deadline has passed: 2 done of 5, 3 overdue', async () => {
    const p = (await server.gql(PROGRESS, { planId, asOf: day(20) }, tokens.phochutich)).data!.planProgress;
    expect(p.overall).toEqual(f(5, 1, 1, 0, 3, 5, 2 / 5, 3 / 5));
  });

  it('each assignment reports its class, and lists filter by class in the database the same way', async () => {
    const classes = await server.gql(
      'query($planId: ID) { allAssignments(perPage: 20, filter: { planId: $planId }) { id deadlineClass daysOverdue } }',
      { planId },
      tokens.gddt,
    );
    const byId = Object.fromEntries(classes.data!.allAssignments.map((a: any) => [a.id, [a.deadlineClass, a.daysOverdue]]));
    expect(byId).toEqual({
      [ids.A]: ['DONE_ON_TIME', 0],
      [ids.B]: ['DONE_LATE', 0],
      [ids.C]: ['NOT_DONE_WITHIN_DEADLINE', 0],
      [ids.D]: ['OVERDUE', 1],
      [ids.E]: ['OVERDUE', 2],
      [ids.F]: [null, 0],
    });
    for (const [cls, expected] of [
      ['DONE_ON_TIME', [ids.A]],
      ['DONE_LATE', [ids.B]],
      ['NOT_DONE_WITHIN_DEADLINE', [ids.C]],
      ['OVERDUE', [ids.D, ids.E]],
    ] as const) {
      const res = await server.gql(
        'query($planId: ID!, $cls: DeadlineClass) { assignments(first: 20, filter: { planId: $planId, deadlineClass: $cls }) { totalCount edges { node { id } } } }',
        { planId, cls },
        tokens.gddt,
      );
      expect(res.data!.assignments.edges.map((e: any) => e.node.id).sort()).toEqual([...expected].sort());
      expect(res.data!.assignments.totalCount).toBe(expected.length);
    }
    const ahead = await server.gql(
      'query($planId: ID!, $asOf: LocalDate) { assignments(first: 20, filter: { planId: $planId, deadlineClass: OVERDUE, asOf: $asOf }) { totalCount } }',
      { planId, asOf: day(20) },
      tokens.gddt,
    );
    expect(ahead.data!.assignments.totalCount).toBe(3);
  });

  it('an unknown plan is NOT_FOUND and a bad date BAD_USER_INPUT', async () => {
    const unknown = await server.gql(PROGRESS, { planId: '00000000-0000-4000-8000-000000000000' }, tokens.phochutich);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const badDate = await server.gql(PROGRESS, { planId, asOf: '31/12/2022' }, tokens.phochutich);
    expect(badDate.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badDate.status).toBeLessThan(500);
  });

  it('only ADMIN builds plans: a leader or an officer creating one is FORBIDDEN and nothing is written', async () => {
    for (const user of ['phochutich', 'gddt']) {
      const res = await server.gql('mutation { createPlan(code: "X-FORBIDDEN", title: "Không được tạo", issuingBody: "Không") { id } }', {}, tokens[user]);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const plans = await server.gql('{ _allPlansMeta(filter: { q: "X-FORBIDDEN" }) { count } }', {}, tokens.admin);
    expect(plans.data!._allPlansMeta.count).toBe(0);
  });
});
