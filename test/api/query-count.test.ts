import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION } from '../helpers/queries.js';
import { createToken } from '../security/helpers.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('xa-habac');
  // Give several assignments a history so the nested lists are not empty: half started by the officer,
  // half by an integrator's token, whose name the history shows.
  const integrator = await createToken(server, await server.login('admin'), 'XA-HABAC', 'READ_WRITE');
  const mine = await server.gql('{ allAssignments(perPage: 10, filter: { q: "XA-HABAC" }) { id version } }', {}, token);
  for (const [i, a] of mine.data!.allAssignments.entries()) {
    await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, i % 2 ? integrator.secret : token);
  }
});
afterAll(() => server?.close());

const NESTED = `query($first: Int) { assignments(first: $first) { totalCount edges { node {
  id status unit { code name parent { code } } task { number title plan { code } parent { number } }
  history(last: 3) { action actorName actorKind toStatus changes { field label from to } } } } } }`;

describe('no query per row', () => {
  it('a nested assignment list costs the same number of SQL statements for 5 rows as for 100', async () => {
    const small = await server.countQueries(() => server.gql(NESTED, { first: 5 }, token));
    const large = await server.countQueries(() => server.gql(NESTED, { first: 100 }, token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.assignments.edges).toHaveLength(100);
    expect(large.result.data!.assignments.edges.some((e: any) => e.node.history.length > 0)).toBe(true);
    const kinds = large.result.data!.assignments.edges.flatMap((e: any) => e.node.history.map((h: any) => h.actorKind));
    expect(new Set(kinds)).toEqual(new Set(['USER', 'TOKEN']));
    expect(large.count).toBe(small.count);
    // page, count (the session is remembered from earlier requests), then one batch each for units, parents, tasks, plans, task parents, history,
    // users and tokens
    expect(small.count).toBeGreaterThan(3);
    expect(large.count).toBeLessThanOrEqual(12);
  });

  it('the react-admin list shape is batched the same way', async () => {
    const q = `query($perPage: Int) { allAssignments(perPage: $perPage) { id unit { code } task { number } history(last: 1) { action } } }`;
    const small = await server.countQueries(() => server.gql(q, { perPage: 3 }, token));
    const large = await server.countQueries(() => server.gql(q, { perPage: 100 }, token));
    expect(large.count).toBe(small.count);
  });

  it('planProgress costs the same statements for a plan ten times larger, whatever its size', async () => {
    const plans = await server.gql('{ allPlans(perPage: 10) { id code } }', {}, token);
    const planId = plans.data!.allPlans.find((p: any) => p.code === 'HT-CDS-TTKDTM-2022').id;
    const q = `query($p: ID!) { planProgress(planId: $p) { overall { total overdue } byUnit { unit { code } figures { total } }
      byTask { task { number } figures { total completionRate } } } }`;
    const small = await server.countQueries(() => server.gql(q, { p: planId }, token));
    const sql = server.app.orm.em.getConnection();
    // Some nine times the seed's 236 assignments more, for 200 new units, on the plan's existing tasks.
    await sql.execute(
      `with units as (
         insert into unit (id, created_at, updated_at, code, name, kind)
         select gen_random_uuid(), now(), now(), 'QC-' || i, 'Đơn vị ' || i, 'COMMUNE' from generate_series(1, 200) i returning id)
       insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, due_date)
       select gen_random_uuid(), now(), now(), t.plan_id, t.id, u.id, 'COORDINATE', '2022-12-31'
         from task t cross join units u where t.plan_id = ?`,
      [planId],
    );
    const large = await server.countQueries(() => server.gql(q, { p: planId }, token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.planProgress.overall.total).toBeGreaterThan(9 * small.result.data!.planProgress.overall.total);
    expect(large.result.data!.planProgress.byUnit.length).toBeGreaterThan(small.result.data!.planProgress.byUnit.length + 99);
    expect(large.count).toBe(small.count);
    // the plan, the grouped counts, the tasks, the units
    expect(large.count).toBeLessThanOrEqual(5);
  });

  it('one assignment with its task and unit is one statement once the session is remembered', async () => {
    const page = await server.gql('{ allAssignments(perPage: 1) { id } }', {}, token);
    const q = 'query($id: ID!) { Assignment(id: $id) { id status task { number title } unit { code name } } }';
    const vars = { id: page.data!.allAssignments[0].id };
    await server.gql(q, vars, token);
    const read = await server.countQueries(() => server.gql(q, vars, token));
    expect(read.result.data!.Assignment.task.number).toMatch(/^\d/);
    expect(read.result.data!.Assignment.unit.code).toBeTruthy();
    expect(read.count).toBe(1);
  });
});
