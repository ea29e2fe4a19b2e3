import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import mammoth from 'mammoth';
import { seedKnownHalfYear } from '../helpers/awards.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { silentLogger } from '../../server/shared/logger.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let workers: Workers;
let browser: Browser;
let vhtt: Session;
let leader: Session;
let planId: string;

const SCHOOL = 'Trường Tiểu học Hà Bắc';
const STATION = 'Trạm Y tế Hà Bắc';
const OFFICE = 'Phòng Giáo dục và Đào tạo';
const DECISION = '125/QĐ-UBND';
const REJECT_COMMENT = 'Chưa có minh chứng kèm số liệu; đề nghị kỳ sau.';
const PROPOSE_REASON = 'Tổ chức thu học phí qua chuyển khoản cho toàn bộ học sinh từ tháng 9/2022.';
const WITHDRAW_REASON = 'Số liệu gửi sau khi hết năm, xét vào kỳ sau.';

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(text, params);

function nomination(page: Page, code: string): Locator {
  return page.locator(`[data-testid="nomination"][data-code="${code}"]`);
}

async function codesOf(page: Page, scope = '') {
  return page.locator(`${scope} [data-testid="nomination"]`).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')));
}

async function criteriaOf(card: Locator) {
  return card
    .locator('[data-testid="criterion"]')
    .evaluateAll((lines) => lines.map((l) => `${l.getAttribute('data-code')} ${l.getAttribute('data-passed')} ${l.querySelector('[data-testid="criterion-detail"]')?.textContent}`));
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  planId = await findPlanId(server, await server.login('phochutich'));

  // A known half-year; THCS Hà Bắc reported after the year ended, and the office adds it by hand below.
  await seedKnownHalfYear(sql);
  [vhtt, leader] = await Promise.all([signIn(browser, server, 'vhtt', DESKTOP), signIn(browser, server, 'phochutich', PHONE)]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workers?.close();
  await server?.close();
});

describe('awards and the honour list in the browser', { timeout: 120_000 }, () => {
  it('the culture office evaluates the year 2022 and reads each nomination with the criteria that explain it', async () => {
    const { page } = vhtt;
    await page.locator('[data-testid="menu-awards"]').click();
    await page.locator('[data-testid="award-period"]').click();
    await page.getByRole('option', { name: 'Năm 2022 (đến 31/12/2022)' }).click();
    expect(await page.locator('[data-testid="awards-empty"]').textContent()).toBe('Chưa có đề nghị khen thưởng nào trong kỳ năm 2022.');
    expect(await page.locator('[data-testid="evaluation-result"]').textContent()).toBe('Kỳ này chưa được đánh giá lần nào.');

    await page.locator('[data-testid="evaluate-button"]').click();
    // The page follows the run and shows what it found, then the nominations, without a reload.
    const result = page.locator('[data-testid="evaluation-result"][data-state="DONE"]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^Đã đánh giá \d+, đạt 3, đề nghị mới 3 · lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.locator('[data-testid="nomination"]').nth(2).waitFor();
    expect(await codesOf(page, '[data-testid="nomination-group"][data-kind="FACILITY"]')).toEqual(['TH-XA-HABAC', 'TYT-XA-HABAC']);
    expect(await codesOf(page, '[data-testid="nomination-group"][data-kind="UNIT"]')).toEqual(['PHONG-GDDT']);

    const station = nomination(page, 'TYT-XA-HABAC');
    expect(await station.locator('[data-testid="nomination-name"]').textContent()).toBe(STATION);
    expect(await station.locator('[data-testid="nomination-commune"]').textContent()).toBe('Xã Hà Bắc');
    expect(await station.locator('[data-testid="nomination-state"]').textContent()).toBe('Đề nghị');
    expect(await station.locator('[data-testid="nomination-source"]').textContent()).toBe('Tự động');
    expect(await station.locator('[data-testid="nomination-score"]').textContent()).toBe('Điểm 87,5/100');
    expect(await station.locator('[data-testid="nomination-rank"]').textContent()).toBe('Hạng 2');
    expect(await station.locator('[data-testid="nomination-achievement"]').textContent()).toContain('Thành tích: Dùng 1 nhóm nền tảng số; chấp nhận');
    expect(await criteriaOf(station)).toEqual([
      'PLATFORM true Dùng 1 nhóm nền tảng số kế hoạch nêu',
      'CASHLESS true Có kênh thanh toán không dùng tiền mặt',
      'CASHLESS_SHARE true 75,0% (ngưỡng 50%)',
      'FOCAL_PERSON true Đã cử đầu mối',
      'EVIDENCE false 0 tệp minh chứng kèm số liệu trong kỳ',
    ]);
    expect(await station.locator('[data-testid="criterion"][data-code="EVIDENCE"]').textContent()).toMatch(/^✗/);
    expect(await station.locator('[data-testid="criterion"][data-code="CASHLESS_SHARE"]').textContent()).toMatch(/^✓/);
    const office = nomination(page, 'PHONG-GDDT');
    expect(await criteriaOf(office)).toEqual([
      expect.stringMatching(/^ON_TIME true (\d+)\/\1 nhiệm vụ đến hạn trong kỳ hoàn thành đúng hạn$/),
      'REPORTS true 1/1 báo cáo gửi và được tiếp nhận đúng hạn',
      'ESCALATION true Không bị đôn đốc trong kỳ',
    ]);

    // The history is folded until asked for; the evaluation signs as the system.
    expect(await station.locator('[data-testid="nomination-history"]').count()).toBe(0);
    await station.locator('[data-testid="nomination-history-toggle"]').click();
    expect(await station.locator('[data-testid="nomination-history-line"]').textContent()).toContain('Đề nghị · Hệ thống');

    // The office reviews; it does not decide.
    expect(await page.locator('[data-testid="approve-bar"]').count()).toBe(0);
    expect(await page.locator('[data-testid="nomination-select"]').count()).toBe(0);
    expect(await page.locator('[data-testid="nomination-reject"]').count()).toBe(0);
    expect(await page.locator('[data-testid="nomination-withdraw"]').count()).toBe(3);
    await screenshot(page, 'awards-desktop');
  });

  it('the office adds a school the figures missed with its reason, cannot add it twice, and withdraws it with a reason', async () => {
    const { page } = vhtt;
    await page.locator('[data-testid="propose-button"]').click();
    const dialog = page.locator('[data-testid="propose-dialog"]');
    await dialog.locator('[data-testid="propose-candidate"]').fill('THCS Hà Bắc');
    await page.locator('[data-testid="propose-option"][data-code="THCS-XA-HABAC"]').click();
    const confirm = dialog.locator('[data-testid="propose-confirm"]');
    // No reason, no proposal.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('[data-testid="propose-reason"]').fill(PROPOSE_REASON);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    const added = nomination(page, 'THCS-XA-HABAC');
    await added.waitFor();
    expect(await added.locator('[data-testid="nomination-source"]').textContent()).toBe('Hội đồng bổ sung');
    expect(await added.locator('[data-testid="nomination-score"]').textContent()).toBe('Không chấm điểm');
    expect(await added.locator('[data-testid="nomination-achievement"]').textContent()).toBe(`Thành tích: ${PROPOSE_REASON}`);
    expect(await added.locator('[data-testid="nomination-criteria"]').textContent()).toContain('Đề nghị do Hội đồng bổ sung, không chấm theo tiêu chí.');

    await page.locator('[data-testid="propose-button"]').click();
    await dialog.locator('[data-testid="propose-candidate"]').fill('THCS Hà Bắc');
    await page.locator('[data-testid="propose-option"][data-code="THCS-XA-HABAC"]').click();
    await dialog.locator('[data-testid="propose-reason"]').fill('Lần nữa.');
    await confirm.click();
    expect(await dialog.locator('[data-testid="propose-error"]').textContent()).toBe('Cơ sở, đơn vị này đã có đề nghị khen thưởng trong kỳ.');
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    await added.locator('[data-testid="nomination-withdraw"]').click();
    const reason = page.locator('[data-testid="reason-dialog"]');
    expect(await reason.locator('[data-testid="reason-confirm"]').isDisabled()).toBe(true);
    await reason.locator('[data-testid="reason-input"]').fill(WITHDRAW_REASON);
    await reason.locator('[data-testid="reason-confirm"]').click();
    await page.locator('[data-testid="nomination"][data-code="THCS-XA-HABAC"][data-state="WITHDRAWN"]').waitFor();
    expect(await added.locator('[data-testid="nomination-state"]').textContent()).toBe('Đã rút');
    expect(await added.locator('[data-testid="nomination-reason"]').textContent()).toBe(`Lý do rút: ${WITHDRAW_REASON}`);
    expect(await added.locator('[data-testid="nomination-withdraw"]').count()).toBe(0);
    await added.locator('[data-testid="nomination-history-toggle"]').click();
    const steps = await added.locator('[data-testid="nomination-history-line"]').evaluateAll((lines) => lines.map((l) => l.getAttribute('data-action')));
    expect(steps).toEqual(['PROPOSE', 'WITHDRAW']);
    expect(await added.locator('[data-testid="nomination-history"]').textContent()).toContain(`“${WITHDRAW_REASON}”`);
  });

  it('the vice-chairman on a phone approves two as decision 125/QĐ-UBND, downloads the draft, and declines the third with a comment', async () => {
    const { page } = leader;
    await page.goto(`${server.url}/#/awards`);
    // The year just ended is where a visit opens.
    expect(await page.locator('[data-testid="award-period"]').textContent()).toContain('Năm 2022 (đến 31/12/2022)');
    await page.locator('[data-testid="nomination"]').nth(3).waitFor();
    // Only the three waiting proposals can be ticked; the withdrawn one cannot.
    expect(await page.locator('[data-testid="nomination-select"]').count()).toBe(3);
    const approve = page.locator('[data-testid="approve-selected"]');
    expect(await approve.isDisabled()).toBe(true);
    await nomination(page, 'TH-XA-HABAC').locator('[data-testid="nomination-select"]').check();
    await nomination(page, 'PHONG-GDDT').locator('[data-testid="nomination-select"]').check();
    expect(await approve.textContent()).toBe('Duyệt các đề nghị đã chọn (2)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'awards-phone');
    await approve.click();

    const dialog = page.locator('[data-testid="approve-dialog"]');
    expect(await dialog.locator('[data-testid="approve-list"]').textContent()).toBe(`${SCHOOL} (Xã Hà Bắc)${OFFICE}`);
    // The decision date starts at today; the leader types the one the decision bears.
    expect(await dialog.locator('[data-testid="decision-date"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.locator('[data-testid="decision-number"]').fill(DECISION);
    await dialog.locator('[data-testid="decision-date"]').fill('2022-12-30');
    expect(await dialog.locator('[data-testid="decision-date-shown"]').textContent()).toBe('Quyết định ghi ngày 30/12/2022.');
    await dialog.locator('[data-testid="approve-confirm"]').click();
    expect(await dialog.locator('[data-testid="approve-done"]').textContent()).toBe('Đã duyệt 2 đề nghị.');
    expect(await dialog.locator('[data-testid="approve-decision"]').textContent()).toBe(`Quyết định số ${DECISION} ngày 30/12/2022`);
    const download = dialog.locator('[data-testid="decision-download"]');
    expect(await download.textContent()).toBe('Tải dự thảo quyết định (DOCX)');
    const docx = await page.request.get(new URL((await download.getAttribute('href'))!, server.url).toString());
    expect(docx.status()).toBe(200);
    const bytes = await docx.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain(DECISION);
    expect(text).toContain(SCHOOL);
    expect(text).toContain(OFFICE);
    expect(text).not.toContain(STATION);
    await screenshot(page, 'awards-approved-phone');
    await dialog.locator('[data-testid="approve-close"]').click();

    for (const code of ['TH-XA-HABAC', 'PHONG-GDDT']) {
      await page.locator(`[data-testid="nomination"][data-code="${code}"][data-state="APPROVED"]`).waitFor();
      expect(await nomination(page, code).locator('[data-testid="nomination-state"]').textContent()).toBe('Đã duyệt');
      expect(await nomination(page, code).locator('[data-testid="nomination-decided"]').textContent()).toContain('Hoàng Văn Long quyết định lúc');
    }
    // The decision stays on the page, with its draft, after the dialog is closed.
    const kept = page.locator('[data-testid="decision"]');
    expect(await kept.textContent()).toContain(`Quyết định số ${DECISION} ngày 30/12/2022 · 2 tập thể`);
    expect(await kept.locator('[data-testid="decision-download"]').count()).toBe(1);

    const station = nomination(page, 'TYT-XA-HABAC');
    await station.locator('[data-testid="nomination-reject"]').click();
    const reason = page.locator('[data-testid="reason-dialog"]');
    // Declining without a word is not offered.
    expect(await reason.locator('[data-testid="reason-confirm"]').isDisabled()).toBe(true);
    await reason.locator('[data-testid="reason-input"]').fill(REJECT_COMMENT);
    await reason.locator('[data-testid="reason-confirm"]').click();
    await page.locator('[data-testid="nomination"][data-code="TYT-XA-HABAC"][data-state="REJECTED"]').waitFor();
    expect(await station.locator('[data-testid="nomination-state"]').textContent()).toBe('Không duyệt');
    expect(await station.locator('[data-testid="nomination-decided"]').textContent()).toContain(`“${REJECT_COMMENT}”`);
    // Nothing waits for a decision any more.
    expect(await page.locator('[data-testid="approve-bar"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the education office and the commune read their own nominations and grounds, with nothing to decide', async () => {
    const gddt = await signIn(browser, server, 'gddt', PHONE);
    const { page } = gddt;
    await page.goto(`${server.url}/#/awards`);
    await nomination(page, 'PHONG-GDDT').waitFor();
    expect(await codesOf(page)).toEqual(['PHONG-GDDT']);
    expect(await page.locator('[data-testid="awards-own-only"]').textContent()).toContain('đề nghị khen thưởng của đơn vị bạn');
    const own = nomination(page, 'PHONG-GDDT');
    expect(await own.locator('[data-testid="nomination-state"]').textContent()).toBe('Đã duyệt');
    expect(await own.locator('[data-testid="criterion"]').count()).toBe(3);
    for (const control of ['approve-bar', 'approve-selected', 'nomination-select', 'nomination-reject', 'nomination-withdraw', 'evaluate-button', 'propose-button', 'decisions']) {
      expect(await page.locator(`[data-testid="${control}"]`).count(), control).toBe(0);
    }
    await gddt.context.close();

    const commune = await signIn(browser, server, 'xa-habac', DESKTOP);
    await commune.page.locator('[data-testid="menu-awards"]').click();
    await nomination(commune.page, 'TH-XA-HABAC').waitFor();
    expect((await codesOf(commune.page)).sort()).toEqual(['TH-XA-HABAC', 'THCS-XA-HABAC', 'TYT-XA-HABAC']);
    expect(await nomination(commune.page, 'TYT-XA-HABAC').locator('[data-testid="nomination-decided"]').textContent()).toContain(REJECT_COMMENT);
    expect(await commune.page.locator('[data-testid="menu-award-criteria"]').count()).toBe(0);
    expect(await commune.page.locator('[data-testid="nomination-select"]').count()).toBe(0);
    await commune.context.close();
  });

  it('a visitor who has not signed in opens the honour list and sees the approved names only', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/vinh-danh`);
    await page.locator('[data-testid="honour-entry"]').nth(1).waitFor();
    // Still on the public page: the sign-in did not take over.
    expect(new URL(page.url()).hash).toBe('#/vinh-danh');
    expect(await page.locator('h1').textContent()).toBe('Vinh danh tập thể điển hình');
    const period = page.locator('[data-testid="honour-period"][data-period-end="2022-12-31"]');
    expect(await period.locator('h3').textContent()).toBe('Năm 2022');
    expect(await page.locator('[data-testid="honour-name"]').allTextContents()).toEqual([SCHOOL, OFFICE]);
    const school = page.locator('[data-testid="honour-entry"]').filter({ hasText: SCHOOL });
    expect(await school.textContent()).toContain('Xã Hà Bắc');
    expect(await school.textContent()).toContain('Dùng 2 nhóm nền tảng số');
    expect(await school.locator('[data-testid="honour-decision"]').textContent()).toBe(`Quyết định số ${DECISION} ngày 30/12/2022`);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain(STATION);
    expect(body).not.toContain('THCS');
    // Nothing personal: not who decided, nor the facilities' contact people.
    expect(body).not.toContain('Hoàng Văn Long');
    expect(body).not.toContain('Lê Thị Hoa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'honour-list-phone');

    // The sign-in page leads there too.
    await page.locator('[data-testid="honour-sign-in"]').click();
    await page.locator('input[name="username"]').waitFor();
    await page.locator('[data-testid="login-honour-link"]').click();
    await page.locator('[data-testid="honour-entry"]').first().waitFor();
    await context.close();
  });

  it('the vice-chairman sets the criteria: an impossible threshold is marked on its field, a possible one is saved', async () => {
    const { page } = leader;
    await page.goto(`${server.url}/#/award-criteria`);
    // A fresh load: the last decision's notice would otherwise still cover the bottom of a phone screen.
    await page.reload();
    const form = page.locator('[data-testid="award-criteria"]');
    await form.waitFor();
    expect(await page.locator('[data-testid="criteria-default"]').textContent()).toBe('Đang dùng tiêu chí mặc định');
    expect(await page.locator('[data-testid="criteria-facility-total"]').textContent()).toBe('Tổng trọng số: 8');
    const threshold = page.locator('[data-testid="criteria-minScorePercent"]');
    expect(await threshold.inputValue()).toBe('80');

    await threshold.fill('120');
    await page.locator('[data-testid="criteria-save"]').click();
    const helper = page.locator('[data-testid="criteria-minScorePercent-helper"]');
    await expect.poll(() => helper.textContent()).toBe('Tỷ lệ phải từ 0 đến 100%.');
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="criteria-default"]').count()).toBe(1);

    await threshold.fill('90');
    await page.locator('[data-testid="criteria-save"]').click();
    await page.getByText('Đã lưu tiêu chí khen thưởng.').waitFor();
    await page.locator('[data-testid="award-criteria"][data-version="1"]').waitFor();
    expect(await page.locator('[data-testid="criteria-default"]').count()).toBe(0);
    expect(await threshold.getAttribute('aria-invalid')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'award-criteria-phone');

    const saved = await server.gql<{ awardCriteria: { minScorePercent: number; isDefault: boolean } }>(
      'query($planId: ID!) { awardCriteria(planId: $planId) { minScorePercent isDefault } }',
      { planId },
      await server.login('vhtt'),
    );
    expect(saved.data!.awardCriteria).toEqual({ minScorePercent: 90, isDefault: false });
    // The office reads the criteria but has no entry to change them.
    expect(await vhtt.page.locator('[data-testid="menu-award-criteria"]').count()).toBe(0);
  });
});
