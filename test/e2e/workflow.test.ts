import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { getAssignment, planProgress, shownPercent, unitAssignments, unitId } from './api.js';
import { DESKTOP, PHONE, card, launchBrowser, openMyWork, screenshot, signIn, submitForReview, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let officer: Session;
let coordinator: Session;
let leader: Session;
let token: string;
let planId: string;
let assignmentId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  token = await server.login('phochutich');
  planId = await findPlanId(server, token);
  const gddt = await unitId(server, token, 'PHONG-GDDT');
  const list = await unitAssignments(server, token, gddt);
  assignmentId = list.find((a) => a.status === 'NOT_STARTED')!.id;
  [officer, coordinator, leader] = await Promise.all([
    signIn(browser, server, 'gddt'),
    signIn(browser, server, 'vhtt'),
    signIn(browser, server, 'phochutich'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function dashboardFigures(s: Session) {
  await s.page.goto(`${server.url}/#/`);
  await s.page.reload();
  const completion = s.page.locator('[data-testid="kpi-completion"]');
  await completion.waitFor();
  return { completion: await completion.textContent(), overdue: await s.page.locator('[data-testid="kpi-overdue"]').textContent() };
}

describe('an assignment from start to verification, in the browser', { timeout: 120_000 }, () => {
  it('the vice-chairman lands on the dashboard, whose figures are the API’s planProgress', async () => {
    const api = await planProgress(server, token, planId);
    const shown = await dashboardFigures(leader);
    expect(shown.completion).toBe(shownPercent(api.completionRate));
    expect(shown.overdue).toBe(shownPercent(api.overdueRate));
    await leader.page.locator('[data-testid="unit-chart"] svg').first().waitFor();
    await expect(leader.page.locator('[data-testid="unit-ranking"] tbody tr').count()).resolves.toBeGreaterThan(3);
    await screenshot(leader.page, 'dashboard-desktop');
    // The targets are one tab away.
    await leader.page.locator('[data-testid="tab-targets"]').click();
    await leader.page.locator('[data-testid="targets"]').waitFor();
    await leader.page.setViewportSize(PHONE);
    await screenshot(leader.page, 'dashboard-phone');
    await leader.page.setViewportSize(DESKTOP);
  });

  it('an officer lands on My work, starts the assignment, records progress and submits it', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/#/`);
    await page.waitForURL(/#\/my-work/);
    await openMyWork(page, server);
    const mine = card(page, assignmentId);
    await expect(mine.locator('[data-testid="action-START"]').count()).resolves.toBe(1);
    await expect(mine.locator('[data-testid="action-VERIFY"]').count()).resolves.toBe(0);
    await screenshot(page, 'my-work-desktop');

    await mine.locator('[data-testid="action-START"]').click();
    await mine.locator('[data-testid="status-chip"][data-value="IN_PROGRESS"]').waitFor();
    await mine.locator('[data-testid="action-UPDATE_PROGRESS"]').click();
    await page.locator('[data-testid="progress-input"]').fill('70');
    await page.locator('[data-testid="note-input"]').fill('Đã tập huấn 14/20 trường');
    await page.locator('[data-testid="save-progress"]').click();
    await mine.locator('[data-testid="progress-value"]', { hasText: '70%' }).waitFor();
    await submitForReview(page, server, assignmentId);

    const stored = await getAssignment(server, token, assignmentId);
    expect(stored).toMatchObject({ status: 'SUBMITTED', progress: 70, note: 'Đã tập huấn 14/20 trường' });
  });

  it('the coordinator returns it with a comment, which a return without one cannot do', async () => {
    const { page } = coordinator;
    await page.goto(`${server.url}/#/review`);
    const target = await reviewRow(coordinator);
    await screenshot(page, 'review-desktop');
    await target.locator('[data-testid="action-RETURN"]').click();
    await expect(page.locator('[data-testid="confirm-action"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid="comment-input"]').fill('Thiếu danh sách trường đã tập huấn');
    await page.locator('[data-testid="confirm-action"]').click();
    await target.waitFor({ state: 'detached' });
    expect((await getAssignment(server, token, assignmentId)).status).toBe('IN_PROGRESS');
  });

  it('the officer sees the comment on the card and submits again', async () => {
    const { page } = officer;
    await openMyWork(page, server);
    const mine = card(page, assignmentId);
    await expect(mine.locator('[data-testid="return-comment"]').textContent()).resolves.toContain('Thiếu danh sách trường đã tập huấn');
    await mine.getByText(/Lịch sử xử lý/).click();
    await mine.locator('[data-testid="history-comment"]', { hasText: 'Thiếu danh sách trường đã tập huấn' }).waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'my-work-phone');
    await page.setViewportSize(DESKTOP);
    await submitForReview(page, server, assignmentId);
  });

  it('the coordinator verifies it and the dashboard’s figures move as planProgress does', async () => {
    const before = await planProgress(server, token, planId);
    const { page } = coordinator;
    await page.goto(`${server.url}/#/review`);
    await page.reload();
    const target = await reviewRow(coordinator);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'review-phone');
    await page.setViewportSize(DESKTOP);
    await target.locator('[data-testid="action-VERIFY"]').click();
    // Reported at 70%: verifying sets it to 100%, so the coordinator confirms first.
    await expect(page.locator('[data-testid="verify-below-full"]').textContent()).resolves.toBe('Tiến độ mới 70%. Vẫn xác nhận hoàn thành?');
    await page.locator('[data-testid="confirm-action"]').click();
    await target.waitFor({ state: 'detached' });

    const after = await planProgress(server, token, planId);
    expect(after.doneOnTime + after.doneLate).toBe(before.doneOnTime + before.doneLate + 1);
    const shown = await dashboardFigures(leader);
    expect(shown.completion).toBe(shownPercent(after.completionRate));
    expect(shown.overdue).toBe(shownPercent(after.overdueRate));
    const total = await leader.page.locator('[data-testid="kpi-total"]').textContent();
    expect(total).toBe(String(after.total));
    expect((await getAssignment(server, token, assignmentId)).status).toBe('DONE');
  });

  it('nothing was loaded from anywhere but the API’s own server, and the schema was never asked for', () => {
    const sessions = [officer, coordinator, leader];
    expect(sessions.flatMap((s) => s.foreignRequests)).toEqual([]);
    expect(sessions.flatMap((s) => s.introspections)).toEqual([]);
  });
});

/** The buttons of our assignment on the review screen. */
async function reviewRow(s: Session) {
  const actions = s.page.locator(`[data-testid="actions"][data-assignment-id="${assignmentId}"]`);
  await actions.waitFor();
  return actions;
}
