import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';

/**
 * How faithfully the seeded plan follows the document: the communes' own-facility work (part V.4),
 * the scope of T5 (provincial hospitals), the targets' wording, and the seed's assumptions in the open.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
let planId: string;
const ids = { unit: {} as Record<string, string>, task: {} as Record<string, string> };
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'phochutich', 'gddt', 'xa-habac']) tokens[u] = await server.login(u);
  planId = await findPlanId(server, tokens.admin);
  const units = (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, tokens.admin)).data!.allUnits;
  for (const u of units) ids.unit[u.code] = u.id;
  const tasks = (await server.gql('query($p: ID) { allTasks(perPage: 50, filter: { planId: $p }) { id number } }', { p: planId }, tokens.admin)).data!.allTasks;
  for (const t of tasks) ids.task[t.number] = t.id;
});
afterAll(() => server?.close());

const CREATE = `mutation($taskId: ID!, $unitId: ID!, $role: AssignmentRole!, $scope: AssignmentScope) {
  createAssignment(taskId: $taskId, unitId: $unitId, role: $role, scope: $scope) { id version role scope } }`;

describe('communes lead the work at their own schools and health facilities (part V.4)', () => {
  it('each commune has, beside its coordinating part, a lead assignment at its own facilities, with the assumption behind it', async () => {
    const res = await server.gql(
      `query($p: ID, $u: ID) { allAssignments(perPage: 100, filter: { planId: $p, unitId: $u }) { role scope assumption task { number } } }`,
      { p: planId, u: ids.unit['XA-HABAC'] },
      tokens.phochutich,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.allAssignments.map((a: any) => `${a.task.number} ${a.role} ${a.scope}`).sort();
    expect(rows).toEqual([
      '1.1 COORDINATE DISTRICT',
      '1.1 LEAD OWN_FACILITIES',
      '1.2 COORDINATE DISTRICT',
      '1.2 LEAD OWN_FACILITIES',
      '2.1 COORDINATE DISTRICT',
      '2.1 LEAD OWN_FACILITIES',
      '2.2 COORDINATE DISTRICT',
      '2.2 LEAD OWN_FACILITIES',
      '3 COORDINATE DISTRICT',
      '4 LEAD OWN_FACILITIES',
      '5 LEAD OWN_FACILITIES',
    ]);
    const own = res.data!.allAssignments.filter((a: any) => a.scope === 'OWN_FACILITIES');
    expect(own.every((a: any) => a.assumption?.includes('theo phân cấp'))).toBe(true);
    const total = await server.gql(
      'query($p: ID) { assignments(first: 1, filter: { planId: $p, scope: OWN_FACILITIES }) { totalCount } }',
      { p: planId },
      tokens.phochutich,
    );
    expect(total.data!.assignments.totalCount).toBe(120);
  });

  it('planProgress counts each assignment once: 116 district assignments and 120 at the communes’ facilities', async () => {
    const res = await server.gql(
      `query($p: ID!) { planProgress(planId: $p) { overall { total } byUnit { unit { code } figures { total } } byTask { task { number } figures { total } } } }`,
      { p: planId },
      tokens.phochutich,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.planProgress;
    expect(p.overall.total).toBe(236);
    const byTask = Object.fromEntries(p.byTask.map((t: any) => [t.task.number, t.figures.total]));
    // 1.1: the Education Office, 20 communes coordinating, 20 communes at their own facilities.
    expect(byTask['1.1']).toBe(41);
    // 1.2: the same and Agribank.
    expect(byTask['1.2']).toBe(42);
    expect(byTask['1']).toBe(83);
    expect(byTask['4']).toBe(21);
    expect(byTask['3']).toBe(23);
    const byUnit = Object.fromEntries(p.byUnit.map((u: any) => [u.unit.code, u.figures.total]));
    expect(byUnit['XA-HABAC']).toBe(11);
    expect(byUnit['PHONG-GDDT']).toBe(4);
  });

  it('ADMIN assigns own-facility work only as lead, once per task and unit; an officer may not', async () => {
    const vars = { taskId: ids.task['3'], unitId: ids.unit['XA-HABAC'], role: 'LEAD', scope: 'OWN_FACILITIES' };
    const created = await server.gql(CREATE, vars, tokens.admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAssignment).toMatchObject({ role: 'LEAD', scope: 'OWN_FACILITIES' });

    const twice = await server.gql(CREATE, vars, tokens.admin);
    expect(twice.errors![0].extensions!.code).toBe('CONFLICT');
    const coordinating = await server.gql(CREATE, { ...vars, taskId: ids.task['6'], role: 'COORDINATE' }, tokens.admin);
    expect(coordinating.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const officer = await server.gql(CREATE, { ...vars, taskId: ids.task['6'] }, tokens.gddt);
    expect(officer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const commune = await server.gql(CREATE, { ...vars, taskId: ids.task['6'] }, tokens['xa-habac']);
    expect(commune.errors![0].extensions!.code).toBe('FORBIDDEN');
    // An office has no schools or health facilities of its own to lead the work at.
    const office = await server.gql(CREATE, { ...vars, taskId: ids.task['6'], unitId: ids.unit['PHONG-GDDT'] }, tokens.admin);
    expect(office.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'unitId' });

    const { id, version } = created.data!.createAssignment;
    const demote = await server.gql(
      'mutation($id: ID!, $version: Int!) { updateAssignment(id: $id, version: $version, role: COORDINATE, reason: "Thử đổi vai trò") { id } }',
      { id, version },
      tokens.admin,
    );
    expect(demote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'role' });
    await server.gql('mutation($id: ID!) { deleteAssignment(id: $id) { id } }', { id }, tokens.admin);
  });
});

const TARGETS = `query($p: ID!) { Plan(id: $p) { targets { code title note facilityLevels notApplicableReason
  current { status notApplicableReason valuePercent met facilitiesCounted facilitiesInScope } } } }`;

describe('T5 is about schools and provincial hospitals', () => {
  it('its hospital part does not apply in a district without a provincial hospital, and says why', async () => {
    const res = await server.gql(TARGETS, { p: planId }, tokens.phochutich);
    expect(res.errors).toBeUndefined();
    const t52 = res.data!.Plan.targets.find((t: any) => t.code === 'T5.2');
    expect(t52.facilityLevels).toEqual(['PROVINCIAL_HOSPITAL']);
    expect(t52.current).toEqual({
      status: 'NOT_APPLICABLE',
      notApplicableReason: expect.stringContaining('không có bệnh viện tuyến tỉnh'),
      valuePercent: null,
      met: false,
      facilitiesCounted: 0,
      facilitiesInScope: 0,
    });
  });

  it('its school part is computed from the schools only; the other targets apply', async () => {
    const facilities = (await server.gql(
      '{ facilities(first: 100) { edges { node { sector level indicatorValues { asOf cashlessTransactions totalTransactions } } } } }',
      {},
      tokens.phochutich,
    )).data!.facilities.edges.map((e: any) => e.node);
    const schools = facilities.filter((f: any) => f.sector === 'EDUCATION');
    expect(facilities.some((f: any) => f.level === 'DISTRICT_HOSPITAL')).toBe(true);
    let cashless = 0;
    let total = 0;
    for (const s of schools) {
      const latest = [...s.indicatorValues].sort((a: any, b: any) => b.asOf.localeCompare(a.asOf))[0];
      if (latest?.totalTransactions && latest.cashlessTransactions !== null) {
        cashless += latest.cashlessTransactions;
        total += latest.totalTransactions;
      }
    }
    const targets = (await server.gql(TARGETS, { p: planId }, tokens.phochutich)).data!.Plan.targets;
    const t51 = targets.find((t: any) => t.code === 'T5.1');
    expect(t51.current.facilitiesInScope).toBe(schools.length);
    expect(t51.current.facilitiesCounted).toBe(schools.filter((s: any) => s.indicatorValues.length).length);
    expect(t51.current.valuePercent).toBeCloseTo((100 * cashless) / total, 9);
    expect(t51.current.status).toBe(t51.current.valuePercent > 50 ? 'MET' : 'NOT_MET');
    expect(t51.current.notApplicableReason).toBeNull();
    for (const code of ['T1', 'T2', 'T3', 'T4']) {
      const t = targets.find((x: any) => x.code === code);
      expect(t.current.status, code).toMatch(/^(MET|NOT_MET)$/);
      expect(t.current.facilitiesInScope, code).toBeGreaterThan(0);
    }
  });

  it('a target scoped to the district hospital applies; only ADMIN scopes targets', async () => {
    const CREATE_TARGET = `mutation($p: ID!) { createTarget(planId: $p, code: "TBV", title: "Bệnh viện huyện dùng thanh toán không dùng tiền mặt",
      sector: HEALTH, metric: FACILITIES_ACCEPTING_CASHLESS, comparator: AT_LEAST, thresholdPercent: 100, deadline: "2022-12-31",
      facilityLevels: [DISTRICT_HOSPITAL]) { id facilityLevels current { status facilitiesInScope } } }`;
    const officer = await server.gql(CREATE_TARGET, { p: planId }, tokens.gddt);
    expect(officer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const res = await server.gql(CREATE_TARGET, { p: planId }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createTarget).toMatchObject({ facilityLevels: ['DISTRICT_HOSPITAL'], current: { facilitiesInScope: 1 } });
    expect(res.data!.createTarget.current.status).not.toBe('NOT_APPLICABLE');
    await server.gql('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id: res.data!.createTarget.id }, tokens.admin);
  });
});

describe('the seed’s assumptions are visible', () => {
  it('on the plan, the telecoms, the Culture and Information Office and every task', async () => {
    const plan = (await server.gql('query($p: ID!) { Plan(id: $p) { assumption tasks { number assumption subtasks { assumption } } } }', { p: planId }, tokens.phochutich)).data!.Plan;
    expect(plan.assumption).toContain('Viettel, VNPT và MobiFone');
    expect(plan.assumption).toContain('31/12/2022');
    for (const t of plan.tasks) {
      expect(t.assumption, t.number).toContain('31/12/2022');
      for (const s of t.subtasks) expect(s.assumption).toContain('31/12/2022');
    }
    const units = (await server.gql('{ allUnits(perPage: 100) { code assumption } }', {}, tokens.phochutich)).data!.allUnits;
    for (const code of ['VT-VIETTEL', 'VT-VNPT', 'VT-MOBIFONE']) {
      expect(units.find((u: any) => u.code === code).assumption, code).toContain('không nêu tên');
    }
    expect(units.find((u: any) => u.code === 'PHONG-VHTT').assumption).toContain('30/6');
    expect(units.find((u: any) => u.code === 'PHONG-GDDT').assumption).toBeNull();
  });
});

describe('an install seeded before these changes', () => {
  it('gets the own-facility assignments, the split T5, the notes and the assumptions on its next start, and keeps its work', async () => {
    const [district] = await sql(`select id from plan where code = 'HT-CDS-TTKDTM-2022'`);
    // The data as the earlier seed left it.
    await sql(`delete from assignment where scope = 'OWN_FACILITIES'`);
    await sql(`delete from target where plan_id = ? and code in ('T5.1', 'T5.2')`, [district.id]);
    await sql(
      `insert into target (id, created_at, updated_at, version, plan_id, code, title, sector, metric, comparator, threshold_percent, deadline, facility_levels)
       values (gen_random_uuid(), now(), now(), 1, ?, 'T5', 'T5 cũ', 'EDUCATION_AND_HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31',
               '{PRESCHOOL,PRIMARY,LOWER_SECONDARY,UPPER_SECONDARY,DISTRICT_HOSPITAL,PROVINCIAL_HOSPITAL}')`,
      [district.id],
    );
    await sql(`update target set note = null, title = '50% trường học, cơ sở giáo dục sử dụng nền tảng số để chuyển đổi số' where code = 'T1'`);
    await sql(`update target set note = null, title = 'Tên mục tiêu do quản trị sửa' where code = 'T2'`);
    await sql(`update plan set assumption = null; update unit set assumption = null; update task set assumption = null`);
    await sql(`update assignment set progress = 40, status = 'IN_PROGRESS' where unit_id = ? and task_id = ?`, [ids.unit['XA-HABAC'], ids.task['1.1']]);

    const first = await seedDatabase(server.app.orm.em.fork() as never, { demo: true });
    expect(first.created).toBe(122);

    const [counts] = await sql(`select count(*) filter (where scope = 'OWN_FACILITIES')::int as own, count(*)::int as total from assignment`);
    expect(counts).toEqual({ own: 120, total: 236 });
    const targets = await sql(`select code, title, note from target where plan_id = ? order by code`, [district.id]);
    expect(targets.map((t: any) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5.1', 'T5.2']);
    expect(targets[0].title).toContain('trên địa bàn tỉnh');
    expect(targets[1].title).toBe('Tên mục tiêu do quản trị sửa');
    expect(targets.every((t: any) => t.note)).toBe(true);
    const [plan] = await sql(`select assumption from plan where id = ?`, [district.id]);
    expect(plan.assumption).toContain('MobiFone');
    const [kept] = await sql(`select progress, status from assignment where unit_id = ? and task_id = ? and scope = 'DISTRICT'`, [
      ids.unit['XA-HABAC'],
      ids.task['1.1'],
    ]);
    expect(kept).toEqual({ progress: 40, status: 'IN_PROGRESS' });

    expect((await seedDatabase(server.app.orm.em.fork() as never, { demo: true })).created).toBe(0);
  });
});
