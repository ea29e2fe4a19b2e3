import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  getAssignment, reportProgressThroughApi, submitThroughApi, transitionThroughApi, unitAssignments, unitId,
} from './api.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let reviewer: Session;
let admin: string;
/** Submitted at 60%, returned once with a comment, then sent again with a new note. */
let partialId: string;
/** Submitted at 100%. */
let completeId: string;
let returnedBy: string;

const FIRST_NOTE = 'Đã tập huấn 12/20 trường';
const RETURN_COMMENT = 'Thiếu danh sách trường đã tập huấn';
const SECOND_NOTE = 'Đã tập huấn 12/20 trường; 8 trường còn lại tập huấn tháng sau, danh sách đính kèm';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = await server.login('admin');
  const officer = await server.login('gddt');
  const coordinator = await server.login('vhtt');
  const waiting = (await unitAssignments(server, officer, await unitId(server, officer, 'PHONG-GDDT'))).filter((a) => a.status === 'NOT_STARTED');
  [partialId, completeId] = [waiting[0].id, waiting[1].id];

  await submitThroughApi(server, officer, partialId, { progress: 60, note: FIRST_NOTE });
  await transitionThroughApi(server, coordinator, partialId, 'RETURN', RETURN_COMMENT);
  await reportProgressThroughApi(server, officer, partialId, { progress: 60, note: SECOND_NOTE });
  await transitionThroughApi(server, officer, partialId, 'SUBMIT');
  await submitThroughApi(server, officer, completeId, { progress: 100, note: 'Đã xong toàn bộ' });

  const history = await server.gql<{ Assignment: { history: Array<{ action: string; actorName: string }> } }>(
    'query($id: ID!) { Assignment(id: $id) { history { action actorName } } }',
    { id: partialId },
    admin,
  );
  returnedBy = history.data!.Assignment.history.find((h) => h.action === 'RETURN')!.actorName;
  reviewer = await signIn(browser, server, 'vhtt');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const panel = () => reviewer.page.locator('[data-testid="review-panel"]');

describe('the reviewer’s panel on the review queue', { timeout: 120_000 }, () => {
  it('a row opens a panel with the unit’s progress, note, evidence and history, beside verify and return', async () => {
    const { page } = reviewer;
    await page.goto(`${server.url}/#/review`);
    await page.reload();
    // The note is in the queue already, so "60%" never stands alone.
    await page.locator(`[data-testid="review-open"][data-assignment-id="${partialId}"]`).waitFor();
    await page.locator('[data-testid="review-row-note"]', { hasText: SECOND_NOTE }).waitFor();
    await screenshot(page, 'review-queue-desktop');

    // A click anywhere on the row, as on any list.
    await page.locator('tbody tr', { hasText: SECOND_NOTE }).locator('td').nth(1).click();
    await expect(panel().getAttribute('data-assignment-id')).resolves.toBe(partialId);
    await expect(panel().locator('[data-testid="review-progress"]').textContent()).resolves.toBe('60%');
    await expect(panel().locator('[data-testid="review-note"]').textContent()).resolves.toBe(SECOND_NOTE);
    await panel().locator('[data-testid="evidence-item"]', { hasText: 'bien-ban.pdf' }).waitFor();

    const history = panel().locator('[data-testid="review-history"]');
    await history.locator('[data-testid="history-comment"]', { hasText: RETURN_COMMENT }).waitFor();
    const lines = await history.locator('li').allTextContents();
    expect(lines.find((l) => l.includes(RETURN_COMMENT))).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} · Trả lại — ${returnedBy}`));
    expect(lines.some((l) => l.includes('Gửi thẩm định'))).toBe(true);
    expect(lines.some((l) => l.includes(FIRST_NOTE))).toBe(true);

    await expect(panel().locator('[data-testid="action-VERIFY"]').count()).resolves.toBe(1);
    await expect(panel().locator('[data-testid="action-RETURN"]').count()).resolves.toBe(1);
    await screenshot(page, 'review-panel-desktop');
  });

  it('verifying work at 60% asks first, and cancelling leaves it waiting', async () => {
    const { page } = reviewer;
    await panel().locator('[data-testid="action-VERIFY"]').click();
    const warning = page.locator('[data-testid="verify-below-full"]');
    await expect(warning.textContent()).resolves.toBe('Tiến độ mới 60%. Vẫn xác nhận hoàn thành?');
    await page.getByRole('dialog', { name: /Xác nhận hoàn thành/ }).getByRole('button', { name: 'Hủy' }).click();
    await warning.waitFor({ state: 'detached' });
    expect((await getAssignment(server, admin, partialId)).status).toBe('SUBMITTED');
  });

  it('confirming verifies it, closes the panel and takes the row off the queue', async () => {
    const { page } = reviewer;
    await panel().locator('[data-testid="action-VERIFY"]').click();
    await page.locator('[data-testid="verify-below-full"]').waitFor();
    await page.locator('[data-testid="confirm-action"]').click();
    await panel().waitFor({ state: 'detached' });
    await page.locator(`[data-testid="review-open"][data-assignment-id="${partialId}"]`).waitFor({ state: 'detached' });
    expect(await getAssignment(server, admin, partialId)).toMatchObject({ status: 'DONE', progress: 100 });
  });

  it('on a phone the row opens the panel full screen, with the decisions in view', async () => {
    const { page } = reviewer;
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.locator(`[data-testid="review-row"][data-assignment-id="${completeId}"]`).click();
    await expect(panel().locator('[data-testid="review-note"]').textContent()).resolves.toBe('Đã xong toàn bộ');
    // Measure once it has slid fully in.
    await page.waitForFunction(() => {
      const sheet = document.querySelector('[data-testid="review-panel"]');
      return !!sheet && getComputedStyle(sheet).transform === 'none';
    });
    const box = (await panel().boundingBox())!;
    expect(box.width).toBe(PHONE.width);
    const verify = (await panel().locator('[data-testid="action-VERIFY"]').boundingBox())!;
    expect(verify.y + verify.height).toBeLessThanOrEqual(PHONE.height);
    expect(verify.x + verify.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'review-panel-phone');
  });

  it('work reported at 100% is verified without a question', async () => {
    const { page } = reviewer;
    await panel().locator('[data-testid="action-VERIFY"]').click();
    await panel().waitFor({ state: 'detached' });
    await expect(page.locator('[data-testid="verify-below-full"]').count()).resolves.toBe(0);
    expect((await getAssignment(server, admin, completeId)).status).toBe('DONE');
    await page.setViewportSize(DESKTOP);
  });
});
