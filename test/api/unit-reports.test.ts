import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { findAssignment, planId as findPlanId, step } from '../helpers/queries.js';
import { createToken } from '../security/helpers.js';
import { reportDeadlineClass } from '../../server/modules/reports/report-workflow.js';
import { UnitReportState } from '../../server/modules/reports/unit-report.entity.js';
import { today } from '../../server/shared/dates.js';

const REPORT_FIELDS = `id version state period periodLabel dueBefore subject results difficulties proposals submissionCount
  submittedAt submittedByName reviewedAt reviewedByName reviewComment figuresFrozen submittedLate canEdit canReview
  deadlineClass(asOf: $asOf)
  unit { code } reviewingUnit { code }
  figures { asOf evidenceCount assignments { total doneOnTime doneLate notDoneWithinDeadline overdue } overdue { taskCode dueDate }
            targets { code status valuePercent } facilities { total reported } }
  history { action fromState toState comment actorName reportVersion }`;
const LIST = `query($filter: UnitReportFilter, $asOf: LocalDate) {
  allUnitReports(perPage: 50, filter: $filter, sortField: "dueBefore") { ${REPORT_FIELDS} }
  _allUnitReportsMeta(filter: $filter) { count } }`;
const GET = `query($id: ID!, $asOf: LocalDate) { UnitReport(id: $id) { ${REPORT_FIELDS} } }`;
const SAVE = `mutation($id: ID!, $version: Int!, $results: String, $difficulties: String, $proposals: String, $asOf: LocalDate) {
  saveUnitReport(id: $id, version: $version, results: $results, difficulties: $difficulties, proposals: $proposals) { ${REPORT_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $version: Int!, $asOf: LocalDate) { submitUnitReport(id: $id, version: $version) { ${REPORT_FIELDS} } }`;
const RETURN = `mutation($id: ID!, $version: Int!, $comment: String, $asOf: LocalDate) {
  returnUnitReport(id: $id, version: $version, comment: $comment) { ${REPORT_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!, $version: Int!, $comment: String, $asOf: LocalDate) {
  acceptUnitReport(id: $id, version: $version, comment: $comment) { ${REPORT_FIELDS} } }`;
const PROGRESS = `query($planId: ID!, $asOf: LocalDate!) { planProgress(planId: $planId, asOf: $asOf) {
  byUnit { unit { code } figures { total overdue } } reports { total doneOnTime doneLate notDoneWithinDeadline overdue } } }`;
const INBOX = '{ myNotifications(first: 20) { edges { node { kind title body link } } } }';

let server: TestServer;
let gddt: string;
let vanphong: string;
let vhtt: string;
let leader: string;
let commune: string;
let planId: string;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  server = await startTestServer();
  [gddt, vanphong, vhtt, leader, commune] = await Promise.all(['gddt', 'vanphong', 'vhtt', 'phochutich', 'xa-habac'].map((u) => server.login(u)));
  planId = await findPlanId(server, leader);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function sixMonthReportOf(token: string, unitCode: string) {
  const res = await server.gql(LIST, { filter: { planId, period: 'SIX_MONTH' }, asOf: today() }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.allUnitReports.find((r: any) => r.unit.code === unitCode);
}

describe('unit reports per reporting obligation', () => {
  it('every office that reports through the Culture and Information Office has a report per period, not started', async () => {
    const all = await server.gql(LIST, { filter: { planId }, asOf: today() }, leader);
    expect(all.errors).toBeUndefined();
    const rows = all.data!.allUnitReports.map((r: any) => `${r.unit.code} ${r.period} ${r.dueBefore} ${r.state} ${r.reviewingUnit.code}`);
    expect(rows).toEqual([
      'PHONG-GDDT SIX_MONTH 2022-06-30 NOT_STARTED PHONG-VHTT',
      'VP-HDND-UBND SIX_MONTH 2022-06-30 NOT_STARTED PHONG-VHTT',
      'PHONG-GDDT ANNUAL 2022-12-20 NOT_STARTED PHONG-VHTT',
      'VP-HDND-UBND ANNUAL 2022-12-20 NOT_STARTED PHONG-VHTT',
    ]);
    expect(all.data!._allUnitReportsMeta.count).toBe(4);
    expect(all.data!.allUnitReports.map((r: any) => r.periodLabel)).toEqual(['6 tháng đầu năm 2022', '6 tháng đầu năm 2022', 'năm 2022', 'năm 2022']);
  });

  it('a unit sees its own reports, the aggregating office those that come up through it, a commune none; another unit’s is FORBIDDEN', async () => {
    const own = await server.gql(LIST, { filter: { planId }, asOf: today() }, gddt);
    expect(own.data!.allUnitReports.map((r: any) => r.unit.code)).toEqual(['PHONG-GDDT', 'PHONG-GDDT']);
    const aggregated = await server.gql(LIST, { filter: { planId }, asOf: today() }, vhtt);
    expect(aggregated.data!._allUnitReportsMeta.count).toBe(4);
    const none = await server.gql(LIST, { filter: { planId }, asOf: today() }, commune);
    expect(none.errors).toBeUndefined();
    expect(none.data!.allUnitReports).toEqual([]);

    const report = await sixMonthReportOf(gddt, 'PHONG-GDDT');
    const refused = await server.gql(GET, { id: report.id, asOf: today() }, commune);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const unknown = await server.gql(GET, { id: '00000000-0000-0000-0000-000000000001', asOf: today() }, gddt);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('the draft is drawn from live figures: the unit’s assignments in the four classes, its evidence, the district’s targets', async () => {
    const report = await sixMonthReportOf(gddt, 'PHONG-GDDT');
    const progress = await server.gql(PROGRESS, { planId, asOf: today() }, leader);
    const mine = progress.data!.planProgress.byUnit.find((u: any) => u.unit.code === 'PHONG-GDDT').figures;
    expect(report.figuresFrozen).toBe(false);
    expect(report.figures.asOf).toBe(today());
    expect(report.figures.assignments.total).toBe(mine.total);
    expect(report.figures.assignments.overdue).toBe(mine.overdue);
    expect(report.figures.overdue.length).toBe(Math.min(mine.overdue, 50));
    expect(report.figures.targets.map((t: any) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5.1', 'T5.2']);
    expect(report.figures.targets.find((t: any) => t.code === 'T5.2').status).toBe('NOT_APPLICABLE');
    // An office has no facilities of its own.
    expect(report.figures.facilities).toBeNull();
    expect(report.canEdit).toBe(true);
    expect(report.canReview).toBe(false);
  });

  it('drafted, submitted, returned, resubmitted and accepted, with history, versions, notices and the wrong unit refused', async () => {
    let report = await sixMonthReportOf(gddt, 'PHONG-GDDT');
    const texts = { results: '100% trường học dùng phần mềm quản lý.', difficulties: 'Thiếu thiết bị ở vùng khó khăn.', proposals: 'Bổ sung kinh phí.' };

    // Another office, a commune, the leader, the aggregating office and an integrator's token cannot write it; nothing changes.
    const readWrite = await createToken(server, await server.login('admin'), 'PHONG-GDDT', 'READ_WRITE');
    for (const token of [vanphong, commune, leader, vhtt, readWrite.secret]) {
      const res = await server.gql(SAVE, { id: report.id, version: report.version, ...texts, asOf: today() }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const anonymous = await server.gql(SAVE, { id: report.id, version: report.version, ...texts, asOf: today() });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(GET, { id: report.id, asOf: today() }, gddt)).data!.UnitReport).toMatchObject({ version: report.version, results: null });
    // An integrator reads reports with a READ token.
    const reader = await createToken(server, await server.login('admin'), 'PHONG-GDDT', 'READ');
    expect((await server.gql(GET, { id: report.id, asOf: today() }, reader.secret)).data!.UnitReport.id).toBe(report.id);

    // Sending an empty report is refused: the results are the report.
    const empty = await server.gql(SUBMIT, { id: report.id, version: report.version, asOf: today() }, gddt);
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'results' });

    const saved = await server.gql(SAVE, { id: report.id, version: report.version, ...texts, asOf: today() }, gddt);
    expect(saved.errors).toBeUndefined();
    report = saved.data!.saveUnitReport;
    expect(report).toMatchObject({ state: 'DRAFT', ...texts });

    // A stale version is a conflict, not a silent overwrite.
    const stale = await server.gql(SAVE, { id: report.id, version: report.version - 1, results: 'cũ', asOf: today() }, gddt);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: report.version });

    const submitted = await server.gql(SUBMIT, { id: report.id, version: report.version, asOf: today() }, gddt);
    expect(submitted.errors).toBeUndefined();
    report = submitted.data!.submitUnitReport;
    expect(report).toMatchObject({ state: 'SUBMITTED', figuresFrozen: true, submissionCount: 1, submittedByName: 'Cán bộ Phòng Giáo dục và Đào tạo', canEdit: false });
    // Sent in 2026 for a report due before 30/06/2022.
    expect(report.submittedLate).toBe(true);
    const edit = await server.gql(SAVE, { id: report.id, version: report.version, results: 'sửa sau khi gửi', asOf: today() }, gddt);
    expect(edit.errors![0].extensions).toMatchObject({ code: 'CONFLICT', state: 'SUBMITTED' });

    const vhttInbox = await server.gql(INBOX, {}, vhtt);
    expect(vhttInbox.data!.myNotifications.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ kind: 'REPORT_SUBMITTED', title: 'Báo cáo chờ tiếp nhận: Phòng Giáo dục và Đào tạo', link: `/UnitReport/${report.id}/show` }),
    );

    // The unit cannot accept its own report; another office cannot decide; a return needs a reason.
    for (const token of [gddt, vanphong, leader, commune, undefined]) {
      const res = await server.gql(ACCEPT, { id: report.id, version: report.version, asOf: today() }, token);
      expect(res.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    for (const token of [gddt, vanphong]) {
      const res = await server.gql(RETURN, { id: report.id, version: report.version, comment: 'Trả lại', asOf: today() }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const noReason = await server.gql(RETURN, { id: report.id, version: report.version, comment: '  ', asOf: today() }, vhtt);
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'comment' });

    const returned = await server.gql(RETURN, { id: report.id, version: report.version, comment: 'Bổ sung số trường dùng học bạ số.', asOf: today() }, vhtt);
    expect(returned.errors).toBeUndefined();
    report = returned.data!.returnUnitReport;
    expect(report).toMatchObject({ state: 'RETURNED', reviewComment: 'Bổ sung số trường dùng học bạ số.', reviewedByName: 'Cán bộ Phòng Văn hóa và Thông tin' });
    expect((await server.gql(GET, { id: report.id, asOf: today() }, gddt)).data!.UnitReport).toMatchObject({ canEdit: true, figuresFrozen: false });
    const gddtInbox = await server.gql(INBOX, {}, gddt);
    expect(gddtInbox.data!.myNotifications.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ kind: 'REPORT_RETURNED', body: expect.stringContaining('Ý kiến: Bổ sung số trường dùng học bạ số.') }),
    );

    const resaved = await server.gql(SAVE, { id: report.id, version: report.version, results: `${texts.results} 80% trường dùng học bạ số.`, asOf: today() }, gddt);
    report = resaved.data!.saveUnitReport;
    // Saving keeps a returned report returned, so the office's comment stays in view until it is sent again.
    expect(report.state).toBe('RETURNED');
    report = (await server.gql(SUBMIT, { id: report.id, version: report.version, asOf: today() }, gddt)).data!.submitUnitReport;
    expect(report).toMatchObject({ state: 'SUBMITTED', submissionCount: 2 });
    const accepted = await server.gql(ACCEPT, { id: report.id, version: report.version, comment: 'Đạt yêu cầu.', asOf: today() }, vhtt);
    expect(accepted.errors).toBeUndefined();
    report = accepted.data!.acceptUnitReport;
    expect(report).toMatchObject({ state: 'ACCEPTED', reviewComment: 'Đạt yêu cầu.', deadlineClass: 'DONE_LATE', canReview: false, canEdit: false });
    expect(report.history.map((h: any) => `${h.action} ${h.fromState}→${h.toState} v${h.reportVersion} ${h.actorName}`)).toEqual([
      'SAVE NOT_STARTED→DRAFT v2 Cán bộ Phòng Giáo dục và Đào tạo',
      'SUBMIT DRAFT→SUBMITTED v3 Cán bộ Phòng Giáo dục và Đào tạo',
      'RETURN SUBMITTED→RETURNED v4 Cán bộ Phòng Văn hóa và Thông tin',
      'SAVE RETURNED→RETURNED v5 Cán bộ Phòng Giáo dục và Đào tạo',
      'SUBMIT RETURNED→SUBMITTED v6 Cán bộ Phòng Giáo dục và Đào tạo',
      'ACCEPT SUBMITTED→ACCEPTED v7 Cán bộ Phòng Văn hóa và Thông tin',
    ]);
    expect(report.version).toBe(7);
    const again = await server.gql(ACCEPT, { id: report.id, version: report.version, asOf: today() }, vhtt);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', state: 'ACCEPTED' });
  });

  it('an accepted report keeps the figures it was sent with after the work moves on', async () => {
    const before = await sixMonthReportOf(gddt, 'PHONG-GDDT');
    const annual = (await server.gql(LIST, { filter: { planId, period: 'ANNUAL', unitId: null }, asOf: today() }, gddt)).data!.allUnitReports[0];
    const task = await findAssignment(server, gddt, 'PHONG-GDDT', '4');
    await step(server, gddt, await step(server, gddt, task, 'START'), 'SUBMIT');
    const after = await sixMonthReportOf(gddt, 'PHONG-GDDT');
    expect(after.figures).toEqual(before.figures);
    // The annual report, still a draft, follows the live figures: the evidence just attached counts.
    const annualAfter = (await server.gql(LIST, { filter: { planId, period: 'ANNUAL' }, asOf: today() }, gddt)).data!.allUnitReports[0];
    expect(annualAfter.figures.evidenceCount).toBe(annual.figures.evidenceCount + 1);
  });

  it('late reports count in the four deadline classes like assignments, and the lists filter by class', async () => {
    const asOf = (day: string) => server.gql(PROGRESS, { planId, asOf: day }, leader).then((r) => r.data!.planProgress.reports);
    expect(await asOf('2022-06-01')).toMatchObject({ total: 4, notDoneWithinDeadline: 4, overdue: 0, doneLate: 0 });
    // The 30th itself is late: "trước ngày 30/6".
    expect(await asOf('2022-06-30')).toMatchObject({ notDoneWithinDeadline: 2, overdue: 2 });
    expect(await asOf(today())).toMatchObject({ total: 4, doneLate: 1, overdue: 3, doneOnTime: 0 });

    const overdue = await server.gql(LIST, { filter: { planId, deadlineClass: 'OVERDUE', asOf: today() }, asOf: today() }, vhtt);
    expect(overdue.data!._allUnitReportsMeta.count).toBe(3);
    expect(overdue.data!.allUnitReports.every((r: any) => r.deadlineClass === 'OVERDUE')).toBe(true);
  });

  it('the SQL deadline class of a report agrees with the rule in code', async () => {
    const at = (iso: string) => new Date(iso);
    const cases = [
      { state: UnitReportState.ACCEPTED, submittedAt: at('2022-06-29T16:59:00Z'), reviewedAt: at('2022-07-02T03:00:00Z') },
      // 23:59 on the 29th in Vietnam is 16:59 UTC; a minute later it is the 30th there.
      { state: UnitReportState.ACCEPTED, submittedAt: at('2022-06-29T17:00:00Z'), reviewedAt: at('2022-07-02T03:00:00Z') },
      { state: UnitReportState.SUBMITTED, submittedAt: at('2022-06-20T03:00:00Z'), reviewedAt: null },
      { state: UnitReportState.RETURNED, submittedAt: at('2022-06-20T03:00:00Z'), reviewedAt: at('2022-06-21T03:00:00Z') },
      { state: UnitReportState.NOT_STARTED, submittedAt: null, reviewedAt: null },
    ];
    for (const facts of cases) {
      for (const day of ['2022-06-29', '2022-06-30', '2022-07-01', '2022-07-02']) {
        const [row] = await sql<{ cls: string }>(
          'select unit_report_deadline_class(?::unit_report_state, ?::timestamptz, ?::timestamptz, ?::date, ?::date) as cls',
          [facts.state, facts.submittedAt?.toISOString() ?? null, facts.reviewedAt?.toISOString() ?? null, '2022-06-30', day],
        );
        expect(`${facts.state} ${facts.submittedAt?.toISOString()} ${day} ${row.cls}`).toBe(
          `${facts.state} ${facts.submittedAt?.toISOString()} ${day} ${reportDeadlineClass({ ...facts, dueBefore: '2022-06-30' }, day)}`,
        );
      }
    }
  });

  it('a new obligation through an office gets its report at once; one without an aggregating office does not', async () => {
    const units = await sql<{ id: string; code: string }>(`select id, code from unit where code in ('XA-HABAC', 'PHONG-VHTT', 'UBND-HUYEN')`);
    const id = (code: string) => units.find((u) => u.code === code)!.id;
    const CREATE = `mutation($planId: ID!, $reporterId: ID!, $recipientId: ID!, $throughId: ID) {
      createReportingObligation(planId: $planId, reporterId: $reporterId, recipientId: $recipientId, throughId: $throughId,
        period: SIX_MONTH, subject: "Báo cáo 6 tháng của xã", dueBefore: "2023-06-30") { id } }`;
    const admin = await server.login('admin');
    const through = await server.gql(CREATE, { planId, reporterId: id('XA-HABAC'), recipientId: id('UBND-HUYEN'), throughId: id('PHONG-VHTT') }, admin);
    expect(through.errors).toBeUndefined();
    const own = await server.gql(LIST, { filter: { planId, unitId: id('XA-HABAC') }, asOf: today() }, commune);
    expect(own.data!.allUnitReports.map((r: any) => `${r.dueBefore} ${r.state}`)).toEqual(['2023-06-30 NOT_STARTED']);
    const direct = await server.gql(CREATE, { planId, reporterId: id('PHONG-VHTT'), recipientId: id('UBND-HUYEN'), throughId: null }, admin);
    expect(direct.errors).toBeUndefined();
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from unit_report where obligation_id = ?', [direct.data!.createReportingObligation.id]);
    expect(n).toBe(0);
  });
});
