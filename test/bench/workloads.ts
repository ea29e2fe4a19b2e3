/**
 * What each workload asks, in each contestant's own language, and the rows it asks about, picked
 * from the benchmark database so every scale finds its own unit, plans and ids.
 */
import type pg from 'pg';
import type { Contestant } from './servers.js';
import type { Request } from './load.js';

export interface Fixtures {
  /** W1: a unit with at least 50 assignments (the busiest one at district scale), and one of its officers. */
  myWorkUnit: { id: string; code: string; assignments: number; officer: string };
  /** W2: the plan closest to 6,000 assignments, and at nation scale the 100,000-assignment plan. */
  plans: Array<{ id: string; code: string; assignments: number }>;
  /** W3: assignment ids to rotate over. */
  assignmentIds: string[];
  /** W5: the seeded plan, whose five targets are valued over every facility. */
  targetsPlanId: string;
  facilities: number;
}

export async function loadFixtures(db: pg.Client): Promise<Fixtures> {
  const { rows: units } = await db.query<{ id: string; code: string; n: number; officer: string }>(
    `select u.id, u.code, c.n, min(au.username) as officer
       from (select unit_id, count(*)::int as n from assignment group by unit_id) c
       join unit u on u.id = c.unit_id
       join app_user au on au.unit_id = u.id and au.role = 'OFFICER' and au.active
      group by u.id, u.code, c.n order by c.n, u.code`,
  );
  if (!units.length) throw new Error('no unit has an officer and assignments: run npm run bench:data first');
  const enough = units.filter((u) => u.n >= 50);
  const unit = enough.length ? enough[Math.floor(enough.length / 2)] : units[units.length - 1];
  const { rows: sizes } = await db.query<{ id: string; code: string; n: number }>(
    `select p.id, p.code, count(*)::int as n from assignment a join plan p on p.id = a.plan_id group by p.id, p.code`,
  );
  const nearSixThousand = [...sizes].sort((a, b) => Math.abs(a.n - 6000) - Math.abs(b.n - 6000))[0];
  const largest = [...sizes].sort((a, b) => b.n - a.n)[0];
  const plans = [nearSixThousand, ...(largest.n >= 50_000 ? [largest] : [])].map((p) => ({ id: p.id, code: p.code, assignments: p.n }));
  const { rows: ids } = await db.query<{ id: string }>(`select id from assignment order by md5(id::text) limit 2000`);
  const { rows: seeded } = await db.query<{ id: string }>(
    `select p.id from plan p where exists (select 1 from target t where t.plan_id = p.id) order by p.created_at, p.code limit 1`,
  );
  const facilities = (await db.query<{ n: number }>(`select count(*)::int as n from facility`)).rows[0].n;
  return {
    myWorkUnit: { id: unit.id, code: unit.code, assignments: unit.n, officer: unit.officer },
    plans,
    assignmentIds: ids.map((r) => r.id),
    targetsPlanId: seeded[0].id,
    facilities,
  };
}

const FIGURES = 'total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate averageProgress';

export const PRODUCT_QUERIES = {
  w1: `query MyWork($u: ID!) { assignments(first: 50, filter: { unitId: $u }) { totalCount edges { node {
         id status progress dueDate deadlineClass unit { code name } task { number title } history(last: 3) { action at actorName } } } } }`,
  w2: `query PlanProgress($p: ID!) { planProgress(planId: $p) { overall { ${FIGURES} }
         byUnit { unit { code } figures { ${FIGURES} } } byTask { task { number } figures { ${FIGURES} } } } }`,
  w3: `query OneAssignment($id: ID!) { Assignment(id: $id) { id status progress dueDate version deadlineClass task { number title } unit { code name } } }`,
  w4: `mutation Progress($id: ID!, $v: Int!, $p: Int!, $note: String) { updateAssignment(id: $id, version: $v, progress: $p, note: $note) { id version progress } }`,
  w5: `query Targets($p: ID!) { Plan(id: $p) { targets { code current { valuePercent met facilitiesCounted } } } }`,
};

/**
 * PostGraphile's shape: no task-position order without a plugin, so W1 orders by task id — the same
 * work for the database (sort the unit's rows, take 50). The deadline class needs its day spelled out.
 */
export const PEER_QUERIES = {
  w1: `query MyWork($u: UUID!, $d: Date!) { allAssignments(condition: { unitId: $u }, first: 50, orderBy: [TASK_ID_ASC, PRIMARY_KEY_ASC]) {
         totalCount nodes { rowId status progress dueDate deadlineClass(asOf: $d) taskByTaskId { number title } unitByUnitId { code name }
         statusChangesByAssignmentId(first: 3, orderBy: AT_DESC) { nodes { action at appUserByActorId { fullName } } } } } }`,
  w3: `query OneAssignment($id: UUID!, $d: Date!) { assignmentByRowId(rowId: $id) {
         rowId status progress dueDate version deadlineClass(asOf: $d) taskByTaskId { number title } unitByUnitId { code name } } }`,
};

export type ReadWorkload = 'W1' | 'W2' | 'W2-large' | 'W3' | 'W5';

export interface ReadCase {
  workload: ReadWorkload;
  label: string;
  /** The n-th request for a contestant, or undefined when that contestant does not take part. */
  request: Record<Contestant, ((n: number) => Request) | undefined>;
}

const gql = (query: string, variables: Record<string, unknown>, token?: string): Request => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
  headers: token ? { authorization: `Bearer ${token}` } : undefined,
});
const floor = (path: string, body: Record<string, unknown>): Request => ({ path, body: JSON.stringify(body) });

/** Vietnam's today, as the product's default `asOf`. */
export const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

export function readCases(f: Fixtures, tokens: { officer: string; leader: string }): ReadCase[] {
  const today = vietnamToday();
  const id = (n: number) => f.assignmentIds[n % f.assignmentIds.length];
  const cases: ReadCase[] = [
    {
      workload: 'W1',
      label: `W1 my work (${f.myWorkUnit.code}, ${f.myWorkUnit.assignments} assignments)`,
      request: {
        product: () => gql(PRODUCT_QUERIES.w1, { u: f.myWorkUnit.id }, tokens.officer),
        floor: () => floor('/w1', { unitId: f.myWorkUnit.id }),
        peer: () => gql(PEER_QUERIES.w1, { u: f.myWorkUnit.id, d: today }),
      },
    },
  ];
  f.plans.forEach((plan, i) =>
    cases.push({
      workload: i === 0 ? 'W2' : 'W2-large',
      label: `${i === 0 ? 'W2' : 'W2-large'} planProgress (${plan.code}, ${plan.assignments} assignments)`,
      request: {
        product: () => gql(PRODUCT_QUERIES.w2, { p: plan.id }, tokens.leader),
        floor: () => floor('/w2', { planId: plan.id }),
        peer: undefined,
      },
    }),
  );
  cases.push(
    {
      workload: 'W3',
      label: `W3 one assignment (${f.assignmentIds.length} ids rotated)`,
      request: {
        product: (n) => gql(PRODUCT_QUERIES.w3, { id: id(n) }, tokens.leader),
        floor: (n) => floor('/w3', { id: id(n) }),
        peer: (n) => gql(PEER_QUERIES.w3, { id: id(n), d: today }),
      },
    },
    {
      workload: 'W5',
      label: `W5 five targets (${f.facilities} facilities)`,
      request: {
        product: () => gql(PRODUCT_QUERIES.w5, { p: f.targetsPlanId }, tokens.leader),
        floor: () => floor('/w5', { planId: f.targetsPlanId }),
        peer: undefined,
      },
    },
  );
  return cases;
}
