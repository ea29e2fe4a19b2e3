import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let habac: Session;
let habinh: Session;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  [habac, habinh] = await Promise.all([signIn(browser, server, 'xa-habac', PHONE), signIn(browser, server, 'xa-habinh', PHONE)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a commune officer enters facility figures on a phone', { timeout: 120_000 }, () => {
  it('enters a school’s half-year with checkboxes, sees it listed, then corrects it with a reason', async () => {
    const { page } = habac;
    await page.goto(`${server.url}/#/facility-figures`);
    const select = page.locator('[data-testid="facility-select"]');
    await select.waitFor();
    await select.selectOption({ label: 'Trường Mầm non Hà Bắc' });
    const form = page.locator('[data-testid="figures-form"]');
    await form.locator('input[name="periodStart"]').fill('2023-01-01');
    await form.locator('input[name="periodEnd"]').fill('2023-06-30');
    await form.getByLabel('Quản trị nhà trường').check();
    await form.getByLabel('Kết nối nhà trường – phụ huynh').check();
    // A school offers no health platforms.
    expect(await form.getByLabel('Đơn thuốc điện tử').count()).toBe(0);
    await form.getByLabel('Chuyển khoản, mã QR').check();
    await form.getByLabel('Ví điện tử').check();
    await form.locator('input[name="totalTransactions"]').fill('400');
    await form.locator('input[name="cashlessTransactions"]').fill('120');
    await form.locator('input[name="totalAmount"]').fill('20.000.000.000');
    await form.locator('input[name="cashlessAmount"]').fill('6.000.000.000');
    await form.locator('input[name="focalPersonName"]').fill('Lê Thị Hoa');
    await form.locator('input[name="focalPersonPhone"]').fill('0912345678');
    await screenshot(page, 'facility-figures-phone');
    await page.locator('[data-testid="figures-save"]').click();

    const newest = page.locator('[data-testid="figure-row"]').first();
    await newest.getByText('120/400 giao dịch không dùng tiền mặt').waitFor();
    expect(await newest.textContent()).toContain('01/01/2023 – 30/06/2023');
    expect(await newest.textContent()).toContain('Quản trị nhà trường, Kết nối nhà trường – phụ huynh');
    expect(await newest.textContent()).toContain('Cán bộ Xã Hà Bắc');
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await newest.locator('[data-testid="figure-correct"]').click();
    await form.locator('input[name="totalTransactions"]').fill('500');
    await page.locator('[data-testid="figures-save"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Vì sao điều chỉnh số liệu này?').waitFor();
    await dialog.locator('[data-testid="correction-reason"]').fill('Thiếu giao dịch tháng 6');
    await dialog.locator('[data-testid="correction-confirm"]').click();

    await page.locator('[data-testid="figure-row"]').first().getByText('120/500 giao dịch không dùng tiền mặt').waitFor();
    const rows = page.locator('[data-testid="figure-row"]');
    expect(await rows.first().textContent()).toContain('Lý do điều chỉnh: Thiếu giao dịch tháng 6');
    expect(await rows.nth(1).getAttribute('data-current')).toBe('false');
    expect(await rows.nth(1).textContent()).toContain('120/400');
    await screenshot(page, 'facility-figures-corrected-phone');
  });

  it('an officer of another commune does not see that commune’s facilities', async () => {
    const { page } = habinh;
    await page.goto(`${server.url}/#/facility-figures`);
    const select = page.locator('[data-testid="facility-select"]');
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    expect(options).toContain('Trường Mầm non Hà Bình');
    expect(options.some((o) => o.includes('Hà Bắc'))).toBe(false);
  });
});
