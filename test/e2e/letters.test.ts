import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import mammoth from 'mammoth';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { silentLogger } from '../../server/shared/logger.js';
import { unitAssignments, unitId } from './api.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let workers: Workers;
let browser: Browser;
let leader: Session;
let officer: Session;
let gddtId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  gddtId = await unitId(server, await server.login('phochutich'), 'PHONG-GDDT');
  [leader, officer] = await Promise.all([signIn(browser, server, 'phochutich'), signIn(browser, server, 'gddt')]);
});

afterAll(async () => {
  await browser?.close();
  await workers?.close();
  await server?.close();
});

describe('urging a unit by letter, in the browser', { timeout: 120_000 }, () => {
  it('the vice-chairman presses "Đôn đốc" on a unit of the overview, confirms, and downloads the letter once drafted', async () => {
    const { page } = leader;
    await page.goto(`${server.url}/#/overview`);
    const urge = page.locator(`[data-testid="unit-ranking"] [data-testid="urge-button"][data-unit-id="${gddtId}"]`);
    await urge.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Soạn văn bản đôn đốc gửi Phòng Giáo dục và Đào tạo').waitFor();
    await dialog.getByRole('button', { name: 'Soạn văn bản' }).click();
    await page.getByText('Đang soạn văn bản đôn đốc gửi Phòng Giáo dục và Đào tạo').waitFor();

    await page.locator('[data-testid="menu-letters"]').click();
    const row = page.locator('[data-testid="letter-row"][data-unit-code="PHONG-GDDT"]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    // The list asks again while the letter is being drafted: it turns READY without a reload.
    await row.locator('[data-testid="letter-state"][data-value="READY"]').waitFor();
    expect(await row.textContent()).toContain('Hoàng Văn Long');
    await screenshot(page, 'letters-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="letter-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^Don-doc-PHONG-GDDT-\d{2}-\d{2}-\d{4}\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: await readFile((await download.path())!) })).value;
    expect(text).toContain('Kính gửi: Phòng Giáo dục và Đào tạo');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'letters-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('the urge button is on an assignment’s page for its unit too, and nowhere for an officer, who reads the letter to the unit', async () => {
    const [assignment] = await unitAssignments(server, await server.login('gddt'), gddtId);
    await leader.page.goto(`${server.url}/#/Assignment/${assignment.id}/show`);
    await leader.page.locator(`[data-testid="urge-button"][data-unit-id="${gddtId}"]`).waitFor();

    const { page } = officer;
    await page.goto(`${server.url}/#/overview`);
    await page.locator('[data-testid="unit-ranking"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="urge-button"]').count()).toBe(0);
    await page.goto(`${server.url}/#/Assignment/${assignment.id}/show`);
    await page.locator('[data-testid="status-chip"]').first().waitFor();
    expect(await page.locator('[data-testid="urge-button"]').count()).toBe(0);

    await page.locator('[data-testid="menu-letters"]').click();
    await page.locator('[data-testid="letter-row"][data-unit-code="PHONG-GDDT"] [data-testid="letter-download"]').waitFor();
  });
});
