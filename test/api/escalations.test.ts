import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDay } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION, findAssignment, planId, step } from '../helpers/queries.js';

let server: TestServer;
let plan: string;
let late: { id: string; version: number };

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(query, params);

const sweep = (asOf: string) => sweepDay(server, asOf);

const ESCALATIONS = `query($id: ID!) { Assignment(id: $id) { id version status urgeCount openEscalationLevel
  escalations { kind level round basis workingDaysLate state resolvedAt recipientLabel recipients unit { code } assignmentId } } }`;

async function escalationsOf(id: string, token: string) {
  const res = await server.gql(ESCALATIONS, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.Assignment;
}

beforeAll(async () => {
  server = await startTestServer();
  const leader = await server.login('phochutich');
  plan = await planId(server, leader);
  const a = await findAssignment(server, leader, 'PHONG-GDDT', '4');
  // Test setup: this one is due the Monday after Tết 2026, the rest of the plan stays due 31/12/2022.
  await sql(`update assignment set due_date = '2026-02-23' where id = ?`, [a.id]);
  for (const day of ['2026-02-24', '2026-02-26', '2026-03-04']) await sweep(day);
  late = await findAssignment(server, leader, 'PHONG-GDDT', '4');
});
afterAll(() => server?.close());

describe('escalations through GraphQL', () => {
  it('an assignment lists its ladder newest first, with who was told, and how many times it was chased', async () => {
    const officer = await server.login('xa-habac');
    const a = await escalationsOf(late.id, officer);
    expect(a.urgeCount).toBe(3);
    expect(a.openEscalationLevel).toBe(3);
    expect(a.escalations.map((e: any) => [e.kind, e.level, e.basis, e.workingDaysLate, e.state, e.recipientLabel, e.recipients])).toEqual([
      ['OVERDUE', 3, '2026-02-23', 7, 'OPEN', 'Lãnh đạo UBND huyện', ['Hoàng Văn Long']],
      ['OVERDUE', 2, '2026-02-23', 3, 'OPEN', 'Phòng Văn hóa và Thông tin', ['Cán bộ Phòng Văn hóa và Thông tin']],
      ['OVERDUE', 1, '2026-02-23', 1, 'OPEN', 'Phòng Giáo dục và Đào tạo', ['Cán bộ Phòng Giáo dục và Đào tạo']],
    ]);
    expect(a.escalations.every((e: any) => e.unit.code === 'PHONG-GDDT' && e.assignmentId === late.id)).toBe(true);
  });

  it('escalations can be listed by plan, unit, state and kind by anyone who reads the plan, and by nobody else', async () => {
    const officer = await server.login('xa-habac');
    const units = await server.gql('{ allUnits(filter: { q: "PHONG-GDDT" }) { id code } }', {}, officer);
    const unitId = units.data!.allUnits.find((u: any) => u.code === 'PHONG-GDDT').id;
    const q = `query($filter: EscalationFilter) { escalations(filter: $filter, first: 50) { totalCount
      edges { node { level kind state basis raisedAt assignment { id task { number } } } } } }`;
    const res = await server.gql(q, { filter: { planId: plan, unitId, state: 'OPEN', kind: 'OVERDUE' } }, officer);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.escalations.edges.map((e: any) => e.node);
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from escalation where unit_id = ? and state = 'OPEN' and kind = 'OVERDUE'`, [unitId],
    );
    expect(res.data!.escalations.totalCount).toBe(n);
    expect(new Set(nodes.map((n: any) => n.assignment.task.number))).toEqual(new Set(['1.1', '1.2', '3', '4']));
    expect(nodes[0].raisedAt >= nodes.at(-1).raisedAt).toBe(true);
    expect(nodes.filter((n: any) => n.assignment.id === late.id).map((n: any) => n.level)).toEqual([3, 2, 1]);
    const review = await server.gql(q, { filter: { planId: plan, kind: 'REVIEW' } }, officer);
    expect(review.data!.escalations.totalCount).toBe(0);
    const anonymous = await server.gql(q, { filter: { planId: plan } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('planProgress counts the work being chased at its highest open level, overall and by unit', async () => {
    const leader = await server.login('phochutich');
    const res = await server.gql(
      `query($p: ID!) { planProgress(planId: $p) { openEscalations { total level1 level2 level3 }
        byUnit { unit { code } openEscalations { total level3 } } } }`,
      { p: plan },
      leader,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.planProgress.openEscalations).toEqual({ total: 236, level1: 0, level2: 0, level3: 236 });
    expect(res.data!.planProgress.byUnit.find((u: any) => u.unit.code === 'PHONG-GDDT').openEscalations).toEqual({ total: 4, level3: 4 });
  });

  it('submitting the work settles its escalations at once; another unit cannot submit it', async () => {
    const stranger = await server.login('xa-habac');
    const refused = await server.gql(TRANSITION, { id: late.id, action: 'START', version: late.version }, stranger);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await escalationsOf(late.id, stranger)).openEscalationLevel).toBe(3);

    const officer = await server.login('gddt');
    const started = await step(server, officer, late, 'START');
    const submitted = await step(server, officer, started, 'SUBMIT');
    expect(submitted.status).toBe('SUBMITTED');
    const a = await escalationsOf(late.id, officer);
    expect(a.openEscalationLevel).toBeNull();
    expect(a.urgeCount).toBe(3);
    expect(a.escalations.every((e: any) => e.state === 'RESOLVED' && e.resolvedAt)).toBe(true);
    late = { id: a.id, version: a.version };
  });

  it('work waiting for review chases the reviewers after 3 working days, then the leaders after 6', async () => {
    // Test setup: the submission was made on Monday 02/03/2026 at 10:00 in Vietnam.
    await sql(`update assignment set submitted_at = '2026-03-02T03:00:00Z' where id = ?`, [late.id]);
    await sweep('2026-03-04');
    const reviewSteps = () => sql<{ level: number; day: string; users: string[] }>(
      `select e.level, to_char(e.raised_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day,
              array(select u.username from notification n join app_user u on u.id = n.user_id
                     where n.escalation_id = e.id and n.kind = 'REVIEW_ESCALATION' order by 1)::text[] as users
         from escalation e where e.assignment_id = ? and e.kind = 'REVIEW' order by e.level`,
      [late.id],
    );
    expect(await reviewSteps()).toEqual([]);
    await sweep('2026-03-05');
    expect(await reviewSteps()).toEqual([{ level: 2, day: '2026-03-05', users: ['vhtt'] }]);
    await sweep('2026-03-09');
    expect(await reviewSteps()).toHaveLength(1);
    await sweep('2026-03-10');
    expect(await reviewSteps()).toEqual([
      { level: 2, day: '2026-03-05', users: ['vhtt'] },
      { level: 3, day: '2026-03-10', users: ['phochutich'] },
    ]);
    const [title] = await sql<{ title: string; body: string }>(
      `select n.title, n.body from notification n where n.assignment_id = ? and n.kind = 'REVIEW_ESCALATION' order by n.created_at limit 1`,
      [late.id],
    );
    expect(title.title).toBe('Đôn đốc thẩm định cấp 2: nhiệm vụ 4 chờ thẩm định 3 ngày làm việc');
    expect(title.body).toContain('nộp ngày 02/03/2026');
  });

  it('reviewing the work settles the review escalations at once; the unit cannot review its own work', async () => {
    const officer = await server.login('gddt');
    const current = await escalationsOf(late.id, officer);
    const own = await server.gql(TRANSITION, { id: late.id, action: 'VERIFY', version: current.version }, officer);
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(current.openEscalationLevel).toBe(3);

    const reviewer = await server.login('vhtt');
    const returned = await server.gql(TRANSITION, { id: late.id, action: 'RETURN', version: current.version, comment: 'Bổ sung số liệu' }, reviewer);
    expect(returned.errors).toBeUndefined();
    const after = await escalationsOf(late.id, reviewer);
    expect(after.openEscalationLevel).toBeNull();
    expect(after.escalations.filter((e: any) => e.kind === 'REVIEW').map((e: any) => e.state)).toEqual(['RESOLVED', 'RESOLVED']);
  });

  it('a moved due date settles the old ladder at once and starts the count again', async () => {
    const officer = await server.login('xa-habac');
    const other = await findAssignment(server, officer, 'XA-HABAC', '3');
    expect((await escalationsOf(other.id, officer)).openEscalationLevel).toBe(3);
    const admin = await server.login('admin');
    const moved = await server.gql(
      `mutation($id: ID!, $version: Int!, $dueDate: LocalDate) {
        updateAssignment(id: $id, version: $version, dueDate: $dueDate, reason: "Lùi hạn theo đề nghị của xã") { id version } }`,
      { id: other.id, version: other.version, dueDate: '2026-12-31' },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    const a = await escalationsOf(other.id, officer);
    expect(a.openEscalationLevel).toBeNull();
    expect(a.urgeCount).toBe(0);
  });
});

describe('no query per row', () => {
  it('escalations, their recipients and the chase counts of a list cost the same statements for 5 rows as for 100', async () => {
    const token = await server.login('phochutich');
    const q = `query($perPage: Int) { allAssignments(perPage: $perPage) { id urgeCount openEscalationLevel
      escalations { level recipients unit { code } assignment { id } } } }`;
    // The first request also looks the session up: count from the second.
    await server.gql(q, { perPage: 1 }, token);
    const small = await server.countQueries(() => server.gql(q, { perPage: 5 }, token));
    const large = await server.countQueries(() => server.gql(q, { perPage: 100 }, token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.allAssignments.filter((a: any) => a.escalations.length > 0).length).toBeGreaterThan(90);
    expect(large.count).toBe(small.count);
    // the page, then one batch each for escalations, chase counts, units, recipients and assignments
    expect(large.count).toBeLessThanOrEqual(7);
  });
});
