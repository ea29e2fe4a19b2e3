import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let habac: Session;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  habac = await signIn(browser, server, 'xa-habac', PHONE);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function fillRow(sheet: ExcelJS.Worksheet, code: string, values: Record<string, ExcelJS.CellValue>): number {
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => at.set(String(cell.value), col));
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(at.get('Mã cơ sở')!).value !== code) continue;
    for (const [header, value] of Object.entries(values)) sheet.getRow(r).getCell(at.get(header)!).value = value;
    return r;
  }
  throw new Error(`no row for ${code}`);
}

describe('a commune officer enters many facilities from Excel', { timeout: 120_000 }, () => {
  it('downloads the template, sees a wrong row listed with nothing saved, fixes it and imports', async () => {
    const { page } = habac;
    await page.goto(`${server.url}/#/facility-figures`);
    const panel = page.locator('[data-testid="excel-import"]');
    await panel.waitFor();
    const inputs = panel.locator('input[type="date"]');
    await inputs.nth(0).fill('2024-01-01');
    await inputs.nth(1).fill('2024-06-30');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid="excel-template"]').click()]);
    expect(download.suggestedFilename()).toBe('so-lieu-co-so-xa-habac-20240630.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Số liệu cơ sở')!;
    const figures = {
      'Thanh toán: Chuyển khoản, mã QR': 'Có', 'Số giao dịch không dùng tiền mặt': 50, 'Tổng số giao dịch': 40,
      'Giá trị không dùng tiền mặt (đồng)': 1_000_000, 'Tổng giá trị giao dịch (đồng)': 3_000_000,
    };
    const row = fillRow(sheet, 'TH-XA-HABAC', figures);
    const file = (name: string, bytes: ArrayBuffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });

    await panel.locator('[data-testid="excel-file"]').setInputFiles(file('sai.xlsx', await workbook.xlsx.writeBuffer()));
    const problems = panel.locator('[data-testid="excel-problems"]');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(String(row));
    expect(await problems.textContent()).toContain('Số giao dịch không dùng tiền mặt không được lớn hơn tổng số giao dịch.');
    expect(await panel.locator('[data-testid="excel-error"]').textContent()).toContain('chưa ghi dòng nào');
    await screenshot(page, 'facility-import-problems-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    fillRow(sheet, 'TH-XA-HABAC', { 'Tổng số giao dịch': 400 });
    await panel.locator('[data-testid="excel-file"]').setInputFiles(file('dung.xlsx', await workbook.xlsx.writeBuffer()));
    await page.getByText('Đã nhập số liệu 1 cơ sở (bỏ qua 3 dòng trống).').waitFor();
    expect(await problems.count()).toBe(0);

    await page.locator('[data-testid="facility-select"]').selectOption({ label: 'Trường Tiểu học Hà Bắc' });
    await page.locator('[data-testid="figure-row"]').first().getByText('50/400 giao dịch không dùng tiền mặt').waitFor();
  });
});
