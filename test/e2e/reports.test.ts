import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import mammoth from 'mammoth';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { silentLogger } from '../../server/shared/logger.js';
import { today } from '../../server/shared/dates.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let workers: Workers;
let browser: Browser;
let gddt: Session;
let vhtt: Session;
let planId: string;
let sixMonthId: string;
let annualId: string;

const RESULTS = 'Toàn bộ 42 trường học trên địa bàn đã dùng phần mềm quản lý nhà trường.';
const RESULTS_AGAIN = `${RESULTS} Đã tập huấn cho 180 giáo viên về học liệu số.`;
const DIFFICULTIES = 'Thiếu thiết bị ở các điểm trường vùng khó khăn.';
const PROPOSALS = 'Đề nghị bổ sung kinh phí mua máy tính cho giáo viên.';
const RETURN_COMMENT = 'Bổ sung số giáo viên đã được tập huấn về học liệu số.';

const REPORTS = `query($filter: UnitReportFilter) { allUnitReports(filter: $filter, perPage: 50) { id version period results unit { code } } }`;

/** dd/MM/yyyy of a YYYY-MM-DD day, as the admin writes dates. */
const shown = (day: string) => day.split('-').reverse().join('/');

async function reportsOf(token: string, unitCode: string) {
  const res = await server.gql<{ allUnitReports: Array<{ id: string; version: number; period: string; results: string | null; unit: { code: string } }> }>(
    REPORTS,
    { filter: { planId } },
    token,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.allUnitReports.filter((r) => r.unit.code === unitCode);
}

function report(page: Page) {
  return page.locator('[data-testid="unit-report"]');
}

async function stateIs(page: Page, state: string) {
  await page.locator(`[data-testid="unit-report"][data-state="${state}"]`).waitFor();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  const token = await server.login('gddt');
  planId = await findPlanId(server, token);
  const own = await reportsOf(token, 'PHONG-GDDT');
  sixMonthId = own.find((r) => r.period === 'SIX_MONTH')!.id;
  annualId = own.find((r) => r.period === 'ANNUAL')!.id;
  [gddt, vhtt] = await Promise.all([signIn(browser, server, 'gddt', PHONE), signIn(browser, server, 'vhtt', DESKTOP)]);
});

afterAll(async () => {
  await browser?.close();
  await workers?.close();
  await server?.close();
});

describe('period reports in the browser', { timeout: 120_000 }, () => {
  it('an education officer writes the six-month report on a phone, saves it and sends it after confirming', async () => {
    const { page } = gddt;
    await page.goto(`${server.url}/#/UnitReport`);
    // On a phone the list is a tappable list: the unit's two reports, the six-month one first.
    const items = page.locator('a[href*="#/UnitReport/"]');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('6 tháng đầu năm 2022');
    await screenshot(page, 'unit-reports-phone');
    await page.locator(`a[href$="#/UnitReport/${sixMonthId}/show"]`).click();

    await stateIs(page, 'NOT_STARTED');
    const header = page.locator('[data-testid="report-header"]');
    expect(await header.textContent()).toContain('Gửi trước ngày 30/06/2022');
    // The seeded plan is of 2022: the deadline is long past, said plainly.
    expect(await page.locator('[data-testid="report-past-due"]').textContent()).toContain('Hạn đã qua: báo cáo phải gửi trước ngày 30/06/2022.');
    expect(await page.locator('[data-testid="figures-banner"]').textContent()).toBe(
      `Số liệu tính đến hôm nay (${shown(today())}), sẽ được chốt khi gửi.`,
    );
    expect(await page.locator('[data-testid="figure-targets"] [data-code="T1"]').count()).toBe(1);
    await screenshot(page, 'unit-report-phone-top');
    // Nothing to send yet: the results are the report.
    expect(await page.locator('[data-testid="report-submit"]').isDisabled()).toBe(true);

    await page.locator('[data-testid="section-input-results"]').fill(RESULTS);
    await page.locator('[data-testid="section-input-difficulties"]').fill(DIFFICULTIES);
    await page.locator('[data-testid="section-input-proposals"]').fill(PROPOSALS);
    await page.locator('[data-testid="report-save"]').click();
    await page.getByText('Đã lưu báo cáo.').waitFor();
    await stateIs(page, 'DRAFT');
    expect(await page.locator('[data-testid="report-state"]').textContent()).toBe('Đang soạn');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'unit-report-phone');

    await page.locator('[data-testid="report-submit"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Gửi báo cáo tới Phòng Văn hóa và Thông tin?', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await stateIs(page, 'SUBMITTED');
    expect(await page.locator('[data-testid="report-state"]').textContent()).toContain('Đã gửi');
    expect(await page.locator('[data-testid="figures-banner"]').textContent()).toBe(`Số liệu chốt khi gửi ngày ${shown(today())}.`);
    // Sent after the due day: flagged late, and no longer editable.
    await page.locator('[data-testid="report-late"]').waitFor();
    expect(await page.locator('[data-testid="report-editor"]').count()).toBe(0);
    expect(await page.locator('[data-testid="section-results"]').textContent()).toContain(RESULTS);
  });

  it('the aggregating office returns it with a comment; the officer reads the comment, corrects and resends; the office accepts', async () => {
    await vhtt.page.goto(`${server.url}/#/UnitReport`);
    const row = vhtt.page.locator('tbody tr').filter({ hasText: 'Phòng Giáo dục và Đào tạo' }).filter({ hasText: '6 tháng đầu năm 2022' });
    await row.waitFor();
    expect(await row.locator('[data-testid="report-state"]').textContent()).toBe('Đã gửi, chờ tiếp nhận');
    await row.click();
    await stateIs(vhtt.page, 'SUBMITTED');
    expect(await vhtt.page.locator('[data-testid="section-results"]').textContent()).toContain(RESULTS);
    // The office reads the text; it does not write it.
    expect(await vhtt.page.locator('[data-testid="report-editor"]').count()).toBe(0);

    await vhtt.page.locator('[data-testid="report-return"]').click();
    const dialog = vhtt.page.getByRole('dialog');
    const confirm = dialog.locator('[data-testid="review-confirm"]');
    // Returning without saying why is not offered.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('[data-testid="review-comment-input"]').fill(RETURN_COMMENT);
    await confirm.click();
    await stateIs(vhtt.page, 'RETURNED');

    const { page } = gddt;
    await page.reload();
    await stateIs(page, 'RETURNED');
    expect(await page.locator('[data-testid="report-state"]').textContent()).toBe('Bị trả lại');
    expect(await page.locator('[data-testid="review-comment"]').textContent()).toBe(RETURN_COMMENT);
    expect(await page.locator('[data-testid="review-note"]').textContent()).toContain('Báo cáo bị trả lại');
    // The text sent before is there to be corrected.
    const results = page.locator('[data-testid="section-input-results"]');
    expect(await results.inputValue()).toBe(RESULTS);
    await results.fill(RESULTS_AGAIN);
    await page.locator('[data-testid="report-submit"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await stateIs(page, 'SUBMITTED');

    await vhtt.page.reload();
    await stateIs(vhtt.page, 'SUBMITTED');
    expect(await vhtt.page.locator('[data-testid="section-results"]').textContent()).toContain(RESULTS_AGAIN);
    await vhtt.page.locator('[data-testid="report-accept"]').click();
    await vhtt.page.getByRole('dialog').locator('[data-testid="review-confirm"]').click();
    await stateIs(vhtt.page, 'ACCEPTED');
    expect(await vhtt.page.locator('[data-testid="report-state"]').textContent()).toBe('Đã tiếp nhận');
    expect(await vhtt.page.locator('[data-testid="review-actions"]').count()).toBe(0);

    const steps = await vhtt.page
      .locator('[data-testid="report-history-line"]')
      .evaluateAll((lines) => lines.map((l) => l.getAttribute('data-action')));
    expect(steps).toEqual(['SAVE', 'SUBMIT', 'RETURN', 'SAVE', 'SUBMIT', 'ACCEPT']);
    const history = await vhtt.page.locator('[data-testid="report-history"]').textContent();
    expect(history).toContain(`“${RETURN_COMMENT}”`);
    expect(history).toContain('Trả lại');
    expect(history).toContain('Tiếp nhận');
    await screenshot(vhtt.page, 'unit-report-accepted-desktop');

    await page.reload();
    await stateIs(page, 'ACCEPTED');
    expect(await page.locator('[data-testid="review-note"]').textContent()).toContain('Đã tiếp nhận');
  });

  it('text typed while someone else saved the report stays on screen, and the officer chooses to keep it', async () => {
    const { page } = gddt;
    await page.goto(`${server.url}/#/UnitReport/${annualId}/show`);
    await stateIs(page, 'NOT_STARTED');
    // A colleague in the same office saves the annual report from another device.
    const token = await server.login('gddt');
    const [annual] = (await reportsOf(token, 'PHONG-GDDT')).filter((r) => r.id === annualId);
    const other = await server.gql(
      'mutation($id: ID!, $version: Int!, $results: String) { saveUnitReport(id: $id, version: $version, results: $results) { version } }',
      { id: annualId, version: annual.version, results: 'Bản của đồng nghiệp.' },
      token,
    );
    expect(other.errors).toBeUndefined();

    await page.locator('[data-testid="section-input-results"]').fill('Bản của tôi.');
    await page.locator('[data-testid="report-save"]').click();
    await page.getByText('vừa được người khác cập nhật', { exact: false }).waitFor();
    await page.locator('[data-testid="report-stale"]').waitFor();
    expect(await page.locator('[data-testid="section-input-results"]').inputValue()).toBe('Bản của tôi.');
    expect((await reportsOf(token, 'PHONG-GDDT')).find((r) => r.id === annualId)!.results).toBe('Bản của đồng nghiệp.');

    await page.getByRole('button', { name: 'Giữ nội dung của tôi' }).click();
    await page.locator('[data-testid="report-save"]').click();
    await page.getByText('Đã lưu báo cáo.').waitFor();
    expect(await page.locator('[data-testid="report-stale"]').count()).toBe(0);
    expect((await reportsOf(token, 'PHONG-GDDT')).find((r) => r.id === annualId)!.results).toBe('Bản của tôi.');
  });

  it('another office does not see the education report, and opening its address says it is not theirs; a commune sees none', async () => {
    const vanphong = await signIn(browser, server, 'vanphong');
    const { page } = vanphong;
    await page.locator('[data-testid="menu-unit-reports"]').click();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(units).toHaveLength(2);
    expect(units.every((text) => text.includes('Văn phòng HĐND và UBND'))).toBe(true);

    await page.goto(`${server.url}/#/UnitReport/${sixMonthId}/show`);
    const refused = page.locator('[data-testid="report-unavailable"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await refused.textContent()).toContain('Bạn không xem được báo cáo này');
    expect(await page.getByText(RESULTS_AGAIN).count()).toBe(0);
    // An office officer compiles nothing: no entry for the compiled reports.
    expect(await page.locator('[data-testid="menu-compiled-reports"]').count()).toBe(0);
    await vanphong.context.close();

    const commune = await signIn(browser, server, 'xa-habac', PHONE);
    await commune.page.goto(`${server.url}/#/UnitReport`);
    expect(await commune.page.locator('[data-testid="unit-reports-empty"]').textContent()).toBe('Không có báo cáo định kỳ nào để hiển thị.');
    await commune.context.close();
  });

  it('the aggregating office compiles the six-month period and downloads the district report with the education office’s results', async () => {
    const { page } = vhtt;
    await page.locator('[data-testid="menu-compiled-reports"]').click();
    const period = page.locator('[data-testid="reporting-period"][data-period="SIX_MONTH"]');
    await period.waitFor();
    expect(await period.locator('h2').textContent()).toBe('Báo cáo 6 tháng đầu năm 2022');
    expect(await period.locator('[data-testid="period-accepted"]').textContent()).toBe('Đã tiếp nhận 1/2');
    expect(await period.textContent()).toContain('Chưa tổng hợp lần nào.');

    await period.locator('[data-testid="compile-button"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Còn 1/2 đơn vị chưa có báo cáo được tiếp nhận', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Tổng hợp báo cáo' }).click();

    // The page asks again while the compilation is under way: it turns READY without a reload.
    const first = period.locator('[data-testid="compilation"][data-number="1"]');
    await first.waitFor();
    expect(await first.textContent()).toContain('Lần 1');
    await period.locator('[data-testid="compilation"][data-number="1"][data-state="READY"]').waitFor();
    expect(await first.textContent()).toContain('Cán bộ Phòng Văn hóa');
    await screenshot(page, 'compiled-reports-desktop');

    const docxLink = first.locator('[data-testid="download-docx"]');
    expect(await docxLink.textContent()).toBe('Tải báo cáo (DOCX)');
    expect(await first.locator('[data-testid="download-xlsx"]').textContent()).toBe('Tải phụ lục (XLSX)');
    const docx = await page.request.get(new URL((await docxLink.getAttribute('href'))!, server.url).toString());
    expect(docx.status()).toBe(200);
    const bytes = await docx.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain(RESULTS_AGAIN);
    expect(text).toContain('Phòng Giáo dục và Đào tạo');

    const xlsx = await page.request.get(new URL((await first.locator('[data-testid="download-xlsx"]').getAttribute('href'))!, server.url).toString());
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // The same address without the session is refused: the files are not public.
    const anonymous = await fetch(new URL((await docxLink.getAttribute('href'))!, server.url));
    expect(anonymous.status).toBe(401);
  });

  it('the vice-chairman reads the compilations without the button, and the overview counts the reports', async () => {
    const leader = await signIn(browser, server, 'phochutich');
    const { page } = leader;
    await page.goto(`${server.url}/#/overview`);
    const line = page.locator('[data-testid="reports-line"]');
    await line.waitFor();
    // Four reports of 2022: one accepted (sent late), the other three past their deadline.
    expect(await line.textContent()).toBe('Báo cáo định kỳ: 1/4 đã tiếp nhận, 3 quá hạn');
    await screenshot(page, 'overview-with-reports-desktop');

    await page.locator('[data-testid="menu-compiled-reports"]').click();
    const period = page.locator('[data-testid="reporting-period"][data-period="SIX_MONTH"]');
    await period.locator('[data-testid="compilation"][data-number="1"] [data-testid="download-docx"]').waitFor();
    expect(await page.locator('[data-testid="compile-button"]').count()).toBe(0);
    await leader.context.close();
  });
});
