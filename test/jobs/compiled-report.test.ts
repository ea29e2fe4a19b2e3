import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { findAssignment, planId as findPlanId, step } from '../helpers/queries.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { QueueName } from '../../jobs/registry.js';
import { SHEETS } from '../../server/modules/reports/compiled-report.xlsx.js';
import { today } from '../../server/shared/dates.js';
import { silentLogger } from '../../server/shared/logger.js';

const COMPILED = `id number state periodLabel compiledAt requestedByName docxName docxUrl xlsxName xlsxUrl error unit { code }`;
const COMPILE = `mutation($planId: ID!, $dueBefore: LocalDate!) {
  compileReport(planId: $planId, period: SIX_MONTH, dueBefore: $dueBefore) { ${COMPILED} } }`;
const GET = `query($id: ID!) { compiledReport(id: $id) { ${COMPILED} } }`;
const PERIODS = `query($planId: ID!) { reportingPeriods(planId: $planId) {
  period dueBefore label total notStarted submitted accepted overdue canCompile reviewingUnit { code } compilations { number state } } }`;
const PROGRESS = `query($planId: ID!, $asOf: LocalDate!) { planProgress(planId: $planId, asOf: $asOf) { overall { total doneOnTime doneLate notDoneWithinDeadline overdue } } }`;
const REPORTS = `query($planId: ID!) { allUnitReports(filter: { planId: $planId, period: SIX_MONTH }) { id version unit { code } } }`;

let server: TestServer;
let workers: Workers;
let events: QueueEvents;
let planId: string;
let vhtt: string;
let gddt: string;
let vanphong: string;
let commune: string;
let leader: string;

beforeAll(async () => {
  server = await startTestServer();
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.LETTERS, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
  [vhtt, gddt, vanphong, commune, leader] = await Promise.all(['vhtt', 'gddt', 'vanphong', 'xa-habac', 'phochutich'].map((u) => server.login(u)));
  planId = await findPlanId(server, leader);
}, 60_000);
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
});

/** A unit writes, sends, and the aggregating office accepts its 6-month report. */
async function reportAccepted(token: string, unitCode: string, results: string) {
  const reports = await server.gql(REPORTS, { planId }, token);
  const report = reports.data!.allUnitReports.find((r: any) => r.unit.code === unitCode);
  const saved = await server.gql('mutation($id: ID!, $v: Int!, $r: String) { saveUnitReport(id: $id, version: $v, results: $r, difficulties: "Thiếu kinh phí.") { version } }',
    { id: report.id, v: report.version, r: results }, token);
  const sent = await server.gql('mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, version: $v) { version } }', { id: report.id, v: saved.data!.saveUnitReport.version }, token);
  const accepted = await server.gql('mutation($id: ID!, $v: Int!) { acceptUnitReport(id: $id, version: $v) { state } }', { id: report.id, v: sent.data!.submitUnitReport.version }, vhtt);
  expect(accepted.data!.acceptUnitReport.state).toBe('ACCEPTED');
}

async function compiled(id: string) {
  const job = (await server.app.queues.letters.getJob(`compiled-report-${id}`))!;
  await job.waitUntilFinished(events, 60_000);
  return (await server.gql(GET, { id }, vhtt)).data!.compiledReport;
}

const download = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const bytesOf = async (path: string, token: string) => Buffer.from(await (await download(path, token)).arrayBuffer());
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the compiled district report', () => {
  let first: any;
  let firstDocx: Buffer;
  let firstXlsx: Buffer;

  it('only the aggregating office compiles a period; others are refused and nothing is recorded', async () => {
    for (const token of [gddt, commune, leader, undefined]) {
      const res = await server.gql(COMPILE, { planId, dueBefore: '2022-06-30' }, token);
      expect(res.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    const [{ n }] = await server.app.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from compiled_report');
    expect(n).toBe(0);
    const noPeriod = await server.gql(COMPILE, { planId, dueBefore: '2022-07-31' }, vhtt);
    expect(noPeriod.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SUCH_PERIOD' });
    const periods = await server.gql(PERIODS, { planId }, vhtt);
    expect(periods.data!.reportingPeriods.map((p: any) => `${p.label} ${p.compilations.length}`)).toEqual(['6 tháng đầu năm 2022 0', 'năm 2022 0']);
  });

  it('a compilation freezes the figures and the accepted reports into a Decree 30 DOCX and an XLSX appendix', async () => {
    await reportAccepted(gddt, 'PHONG-GDDT', 'Các trường đã dùng phần mềm quản lý học sinh.');
    const asked = await server.gql(COMPILE, { planId, dueBefore: '2022-06-30' }, vhtt);
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.compileReport).toMatchObject({ number: 1, state: 'PENDING', docxUrl: null, unit: { code: 'PHONG-VHTT' } });
    first = await compiled(asked.data!.compileReport.id);
    expect(first).toMatchObject({
      number: 1, state: 'READY', periodLabel: '6 tháng đầu năm 2022', requestedByName: 'Cán bộ Phòng Văn hóa và Thông tin',
      docxUrl: `/compiled-reports/${first.id}/report.docx`, xlsxUrl: `/compiled-reports/${first.id}/appendix.xlsx`, error: null,
    });
    expect(first.docxName).toMatch(/^Bao-cao-6-thang-dau-nam-2022-lan-1\.docx$/);

    const response = await download(first.docxUrl, vhtt);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    firstDocx = Buffer.from(await response.arrayBuffer());
    const { value: text } = await mammoth.extractRawText({ buffer: firstDocx });
    const overall = (await server.gql(PROGRESS, { planId, asOf: today() }, vhtt)).data!.planProgress.overall;
    expect(text).toContain('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Lần tổng hợp thứ 1.');
    expect(text).toContain(`Số liệu tính đến ngày ${today().split('-').reverse().join('/')}.`);
    expect(text).toContain(`Tổng số nhiệm vụ đã phân công cho các cơ quan, đơn vị: ${overall.total} nhiệm vụ`);
    expect(text).toContain('Các trường đã dùng phần mềm quản lý học sinh.');
    expect(text).toContain('Phòng Giáo dục và Đào tạo: Thiếu kinh phí.');
    // The other office has not reported: the report names it.
    expect(text).toMatch(/chưa có báo cáo được chấp nhận[^]*Văn phòng HĐND và UBND huyện/);

    firstXlsx = await bytesOf(first.xlsxUrl, vhtt);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(firstXlsx as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEETS.summary, SHEETS.tasks, SHEETS.targets, SHEETS.unitReports, SHEETS.honours]);
    const summary = workbook.getWorksheet(SHEETS.summary)!;
    const overallRow = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(3).value === 'Toàn bộ Kế hoạch')!;
    expect([4, 5, 6, 7, 8].map((c) => overallRow.getCell(c).value)).toEqual([
      overall.total, overall.doneOnTime, overall.doneLate, overall.notDoneWithinDeadline, overall.overdue,
    ]);
    const unitReports = workbook.getWorksheet(SHEETS.unitReports)!;
    const states = unitReports.getRows(1, unitReports.rowCount)!.map((row) => row.values as unknown[]).map((v) => v.join(' '));
    expect(states.some((line) => line.includes('Phòng Giáo dục và Đào tạo') && line.includes('Đã tiếp nhận'))).toBe(true);
  });

  it('downloads the same bytes after the data has moved on; a new compilation is a new version with the new figures', async () => {
    // The work moves on and the other office's report is accepted.
    const task = await findAssignment(server, gddt, 'PHONG-GDDT', '4');
    await step(server, gddt, await step(server, gddt, task, 'START'), 'SUBMIT');
    await reportAccepted(vanphong, 'VP-HDND-UBND', 'Cổng dịch vụ công đã nhận thanh toán trực tuyến.');

    expect(sha(await bytesOf(first.docxUrl, vhtt))).toBe(sha(firstDocx));
    expect(sha(await bytesOf(first.xlsxUrl, leader))).toBe(sha(firstXlsx));
    const { value: old } = await mammoth.extractRawText({ buffer: await bytesOf(first.docxUrl, vhtt) });
    expect(old).not.toContain('Cổng dịch vụ công đã nhận thanh toán trực tuyến.');

    const again = await server.gql(COMPILE, { planId, dueBefore: '2022-06-30' }, vhtt);
    const second = await compiled(again.data!.compileReport.id);
    expect(second).toMatchObject({ number: 2, state: 'READY' });
    expect(second.docxName).toMatch(/lan-2\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: await bytesOf(second.docxUrl, vhtt) });
    expect(text).toContain('Lần tổng hợp thứ 2.');
    expect(text).toContain('Cổng dịch vụ công đã nhận thanh toán trực tuyến.');

    const periods = await server.gql(PERIODS, { planId }, vhtt);
    expect(periods.data!.reportingPeriods[0]).toMatchObject({
      label: '6 tháng đầu năm 2022', total: 2, accepted: 2, overdue: 0, canCompile: true, reviewingUnit: { code: 'PHONG-VHTT' },
      compilations: [{ number: 2, state: 'READY' }, { number: 1, state: 'READY' }],
    });
  });

  it('a unit outside the aggregating office cannot read the compilations; unknown ones are 404', async () => {
    expect((await download(first.docxUrl, gddt)).status).toBe(403);
    expect((await download(first.docxUrl)).status).toBe(401);
    expect((await download('/compiled-reports/00000000-0000-0000-0000-000000000001/report.docx', vhtt)).status).toBe(404);
    const refused = await server.gql(GET, { id: first.id }, commune);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const periods = await server.gql(PERIODS, { planId }, gddt);
    expect(periods.data!.reportingPeriods).toEqual([]);
    const asLeader = await server.gql(PERIODS, { planId }, leader);
    expect(asLeader.data!.reportingPeriods.map((p: any) => p.canCompile)).toEqual([false, false]);
  });
});
