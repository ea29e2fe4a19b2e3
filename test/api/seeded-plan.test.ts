import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('phochutich');
});
afterAll(() => server?.close());

const PLAN = `query($code: String) { allPlans(filter: { q: $code }) { id } }`;
const PLAN_DETAIL = `query($id: ID!) { Plan(id: $id) { id code number title issuingBody signerName signerTitle status periodStart periodEnd sourceText
  parent { code number issueDate issuingBody }
  targets { code title sector metric comparator thresholdPercent deadline facilityLevels note }
  tasks { number title dueDate subtasks { number title } } } }`;
const TASKS = `query($planId: ID) { allTasks(perPage: 20, filter: { planId: $planId }) { number subtasks { number } assignments { role scope unit { code } } } }`;

async function districtPlan() {
  const id = (await server.gql(PLAN, { code: 'HT-CDS-TTKDTM-2022' }, token)).data!.allPlans[0].id;
  const res = await server.gql(PLAN_DETAIL, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.Plan;
}

describe('the seeded district plan matches the document', () => {
  it('holds the plan, its signer and the provincial parent plan 97/KH-UBND of 04/04/2022', async () => {
    const plan = await districtPlan();
    expect(plan).toMatchObject({
      issuingBody: 'Ủy ban nhân dân huyện Hà Trung',
      signerName: 'Hoàng Văn Long',
      signerTitle: 'KT. Chủ tịch — Phó Chủ tịch',
      // Kept running by the tests' template (test/global-setup.ts); an install seeds it CLOSED.
      status: 'ACTIVE',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      parent: { code: 'TH-97-KH-UBND-2022', number: '97/KH-UBND', issueDate: '2022-04-04', issuingBody: 'Ủy ban nhân dân tỉnh Thanh Hóa' },
    });
    expect(plan.title).toContain('huyện Hà Trung');
    expect(plan.sourceText).toContain('Thực hiện Kế hoạch số 97/KH-UBND');
  });

  it('numbers and nests the tasks exactly as part III: 1 (1.1, 1.2), 2 (2.1, 2.2), 3, 4, 5, 6', async () => {
    const plan = await districtPlan();
    expect(plan.tasks.map((t: { number: string; subtasks: Array<{ number: string }> }) => [t.number, t.subtasks.map((s) => s.number)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1', '2.2']],
      ['3', []],
      ['4', []],
      ['5', []],
      ['6', []],
    ]);
    expect(plan.tasks[5].title).toBe('Bảo đảm an toàn, bảo mật trong chuyển đổi số, thanh toán không dùng tiền mặt');
    expect(plan.tasks[0].subtasks[1].title).toBe('Thúc đẩy thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục');
  });

  it('gives each task its lead (chủ trì) units per part V', async () => {
    const plan = await districtPlan();
    const tasks = (await server.gql(TASKS, { planId: plan.id }, token)).data!.allTasks;
    const leafTasks = tasks.filter((t: any) => t.subtasks.length === 0);
    expect(leafTasks.map((t: any) => t.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '3', '4', '5', '6']);
    expect(tasks.filter((t: any) => t.subtasks.length).every((t: any) => t.assignments.length === 0)).toBe(true);
    const leads = Object.fromEntries(
      leafTasks.map((t: any) => [
        t.number,
        t.assignments.filter((a: any) => a.role === 'LEAD' && a.scope === 'DISTRICT').map((a: any) => a.unit.code).sort(),
      ]),
    );
    expect(leads).toEqual({
      '1.1': ['PHONG-GDDT'],
      '1.2': ['PHONG-GDDT'],
      '2.1': ['VP-HDND-UBND'],
      '2.2': ['VP-HDND-UBND'],
      '3': ['PHONG-GDDT', 'VP-HDND-UBND'],
      '4': ['PHONG-GDDT'],
      '5': ['VP-HDND-UBND'],
      '6': ['PHONG-VHTT'],
    });
    const coordinating = (n: string) =>
      leafTasks.find((t: any) => t.number === n).assignments.filter((a: any) => a.role === 'COORDINATE').map((a: any) => a.unit.code);
    // Part V.4: every commune and the township coordinate with the offices on the district's task…
    const commune = (c: string) => c.startsWith('XA-') || c === 'TT-HATRUNG';
    for (const n of ['1.1', '1.2', '2.1', '2.2', '3']) {
      expect(coordinating(n).filter(commune)).toHaveLength(20);
    }
    // …and lead the same work at their own schools and health facilities ("theo phân cấp").
    const ownFacilities = (n: string) =>
      leafTasks.find((t: any) => t.number === n).assignments.filter((a: any) => a.scope === 'OWN_FACILITIES');
    for (const n of ['1.1', '1.2', '2.1', '2.2', '4', '5']) {
      expect(ownFacilities(n).map((a: any) => a.unit.code).filter(commune)).toHaveLength(20);
      expect(ownFacilities(n).every((a: any) => a.role === 'LEAD')).toBe(true);
    }
    expect(ownFacilities('3')).toEqual([]);
    expect(ownFacilities('6')).toEqual([]);
    expect(coordinating('1.2')).toContain('AGRIBANK-HT');
    expect(coordinating('2.2')).toContain('AGRIBANK-HT');
    expect(coordinating('3')).toContain('TT-VHTTTDL');
    expect(coordinating('6')).toEqual(expect.arrayContaining(['VT-VIETTEL', 'VT-VNPT', 'VT-MOBIFONE', 'AGRIBANK-HT']));
  });

  it('has the five measurable targets of part II, T5 in its school part and its provincial-hospital part', async () => {
    const plan = await districtPlan();
    expect(plan.targets.map((t: any) => [t.code, t.sector, t.metric, t.comparator, t.thresholdPercent, t.deadline, t.facilityLevels])).toEqual([
      ['T1', 'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31', null],
      ['T2', 'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31', null],
      ['T3', 'EDUCATION', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, '2022-12-31', null],
      ['T4', 'HEALTH', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, '2022-12-31', null],
      ['T5.1', 'EDUCATION', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31', null],
      ['T5.2', 'HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31', ['PROVINCIAL_HOSPITAL']],
    ]);
    // The document's wording ("trên địa bàn tỉnh", from the provincial plan) stays; a note says how the district applies it.
    for (const t of plan.targets) {
      expect(t.title, t.code).toContain('trên địa bàn tỉnh');
      expect(t.note, t.code).toMatch(/trên địa bàn tỉnh|tuyến tỉnh/);
    }
    expect(plan.targets[0].note).toContain('huyện áp dụng cho các trường học, cơ sở y tế trên địa bàn huyện Hà Trung');
  });

  it('has the units with their exact codes, the township and 19 communes, and who reports through whom', async () => {
    const res = await server.gql('{ allUnits(perPage: 100) { code name kind parent { code } reportsThrough { code } } }', {}, token);
    const units = res.data!.allUnits as Array<{ code: string; name: string; kind: string; parent: { code: string } | null; reportsThrough: { code: string } | null }>;
    const codes = units.map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['UBND-HUYEN', 'PHONG-GDDT', 'VP-HDND-UBND', 'PHONG-VHTT', 'TT-VHTTTDL', 'AGRIBANK-HT', 'SO-TTTT', 'TT-HATRUNG']));
    expect(codes.filter((c) => c.startsWith('VT-')).length).toBeGreaterThanOrEqual(1);
    expect(units.filter((u) => u.kind === 'COMMUNE').map((u) => u.name).sort()).toEqual(
      ['Hà Bắc', 'Hà Bình', 'Hà Châu', 'Hà Đông', 'Hà Giang', 'Hà Hải', 'Hà Lai', 'Hà Lĩnh', 'Hà Long', 'Hà Ngọc', 'Hà Sơn', 'Hà Tân', 'Hà Thái', 'Hà Tiến', 'Hà Vinh', 'Hoạt Giang', 'Lĩnh Toại', 'Yên Dương', 'Yến Sơn']
        .map((n) => `Xã ${n}`)
        .sort(),
    );
    expect(units.find((u) => u.code === 'TT-HATRUNG')).toMatchObject({ kind: 'TOWNSHIP', name: 'Thị trấn Hà Trung' });
    expect(units.find((u) => u.code === 'PHONG-GDDT')!.reportsThrough!.code).toBe('PHONG-VHTT');
    expect(units.find((u) => u.code === 'XA-YENSON')!.parent!.code).toBe('UBND-HUYEN');
  });

  it('has both report dates: 6-month before 30/06 and annual before 20/12, through the Culture and Information Office', async () => {
    const res = await server.gql(
      '{ allReportingObligations(perPage: 50) { period dueBefore reporter { code } recipient { code } through { code } } }',
      {},
      token,
    );
    const rows = res.data!.allReportingObligations.map((o: any) => [o.reporter.code, o.recipient.code, o.through?.code ?? null, o.period, o.dueBefore]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['PHONG-GDDT', 'UBND-HUYEN', 'PHONG-VHTT', 'SIX_MONTH', '2022-06-30'],
        ['PHONG-GDDT', 'UBND-HUYEN', 'PHONG-VHTT', 'ANNUAL', '2022-12-20'],
        ['VP-HDND-UBND', 'UBND-HUYEN', 'PHONG-VHTT', 'SIX_MONTH', '2022-06-30'],
        ['VP-HDND-UBND', 'UBND-HUYEN', 'PHONG-VHTT', 'ANNUAL', '2022-12-20'],
        ['PHONG-VHTT', 'SO-TTTT', null, 'ANNUAL', '2022-12-20'],
        ['PHONG-VHTT', 'UBND-HUYEN', null, 'ANNUAL', '2022-12-20'],
      ]),
    );
  });

  it('marks every seeded facility as demo data', async () => {
    const res = await server.gql('{ facilities(first: 100) { totalCount edges { node { isDemo indicatorValues { asOf } } } } }', {}, token);
    const facilities = res.data!.facilities;
    expect(facilities.totalCount).toBe(81);
    expect(facilities.edges.every((e: any) => e.node.isDemo && e.node.indicatorValues.length === 2)).toBe(true);
  });

  it('seeding again creates nothing and keeps the work offices recorded', async () => {
    const counts = async () =>
      (await server.app.orm.em.getConnection().execute(
        `select (select count(*) from unit) u, (select count(*) from task) t, (select count(*) from assignment) a,
                (select count(*) from app_user) us, (select count(*) from facility) f, (select count(*) from reporting_obligation) r`,
      ))[0];
    const before = await counts();
    const result = await seedDatabase(server.app.orm.em.fork() as never, { demo: true });
    expect(result.created).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
