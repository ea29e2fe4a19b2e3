import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createToken } from '../security/helpers.js';
import { getAssignment, reportProgressThroughApi, transitionThroughApi, unitAssignments, unitId } from './api.js';
import { PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let leader: Session;
let admin: Session;
let adminToken: string;
let moving: string;
let edited: string;

const REASON = 'Xã Hà Bắc nhận làm điểm theo chỉ đạo';
const PLANNING_REASON = 'Chờ kinh phí bổ sung năm 2023';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  adminToken = await server.login('admin');
  const officer = await server.login('gddt');
  const gddt = await unitAssignments(server, adminToken, await unitId(server, adminToken, 'PHONG-GDDT'));
  // Task 4's district part is the office's alone, so any commune may take it over.
  moving = gddt.find((a) => a.task.number === '4')!.id;
  edited = gddt.find((a) => a.task.number === '1.2')!.id;
  await transitionThroughApi(server, officer, moving, 'START');
  // One step by an integrator's token, so the history shows who that was.
  const integrator = await createToken(server, adminToken, 'PHONG-GDDT', 'READ_WRITE');
  await reportProgressThroughApi(server, integrator.secret, moving, { progress: 30, note: 'Đồng bộ từ phần mềm quản lý trường học' });
  [leader, admin] = await Promise.all([signIn(browser, server, 'phochutich'), signIn(browser, server, 'admin')]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const entries = (page: Page) => page.locator('[data-testid="history-entry"]');

async function openShow(page: Page, id: string) {
  await page.goto(`${server.url}/#/Assignment/${id}/show`);
  await page.locator('[data-testid="history"]').waitFor();
}

describe('an assignment’s history and its move to another unit, in the browser', { timeout: 120_000 }, () => {
  it('the history shows each write’s changes and who made it, a person or an integrator’s token', async () => {
    const { page } = leader;
    await openShow(page, moving);
    const progress = entries(page).filter({ has: page.locator('[data-testid="history-change"][data-field="progress"]') });
    await expect(progress.count()).resolves.toBe(1);
    expect(await progress.locator('[data-testid="history-actor"]').textContent()).toContain('Mã API: Tích hợp PHONG-GDDT READ_WRITE');
    expect(await progress.locator('[data-testid="history-actor"]').getAttribute('data-actor-kind')).toBe('TOKEN');
    expect(await progress.locator('[data-field="progress"]').textContent()).toBe('Tiến độ: 0% → 30%');
    expect(await progress.locator('[data-field="note"]').textContent()).toBe('Ghi chú: — → Đồng bộ từ phần mềm quản lý trường học');
    // The report's comment is its note, shown once.
    await expect(progress.locator('[data-testid="history-comment"]').count()).resolves.toBe(0);
    const start = entries(page).filter({ has: page.locator('[data-field="status"]') });
    expect(await start.locator('[data-field="status"]').textContent()).toBe('Trạng thái: Chưa bắt đầu → Đang thực hiện');
    expect(await start.locator('[data-testid="history-actor"]').textContent()).toContain('Cán bộ Phòng Giáo dục và Đào tạo');
  });

  it('an officer has no “Chuyển đơn vị” button; the leader moves the work through the dialog, on a phone too', async () => {
    const officer = await signIn(browser, server, 'gddt');
    await openShow(officer.page, moving);
    await expect(officer.page.locator('[data-testid="reassign-button"]').count()).resolves.toBe(0);
    await officer.context.close();

    // A phone from the start: the menu is folded away as it is for a leader on the road.
    const phone = await signIn(browser, server, 'phochutich', PHONE);
    const { page } = phone;
    await openShow(page, moving);
    await page.locator('[data-testid="reassign-button"]').click();
    const dialog = page.locator('[data-testid="reassign-dialog"]');
    await dialog.getByText('Phân công đang giao cho Phòng Giáo dục và Đào tạo').waitFor();
    // Nothing is sent without a reason.
    await dialog.getByLabel('Đơn vị nhận').fill('Hà Bắc');
    await page.getByRole('option', { name: 'Xã Hà Bắc' }).click();
    await dialog.locator('[data-testid="reassign-confirm"]').click();
    await dialog.getByText('Bắt buộc').first().waitFor();
    expect((await getAssignment(server, adminToken, moving)).unit.code).toBe('PHONG-GDDT');

    await dialog.locator('[data-testid="reassign-reason"]').fill(REASON);
    await screenshot(page, 'reassign-dialog-phone');
    // The dialog fills the phone's screen and nothing in it runs off the side.
    const box = (await dialog.locator('.MuiDialog-paper').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await dialog.locator('[data-testid="reassign-confirm"]').click();
    await dialog.waitFor({ state: 'detached' });

    const moved = entries(page).filter({ has: page.locator('[data-field="unit"]') });
    await moved.waitFor();
    expect(await moved.getAttribute('data-action')).toBe('REASSIGN');
    expect(await moved.locator('[data-field="unit"]').textContent()).toBe('Đơn vị: Phòng Giáo dục và Đào tạo → Xã Hà Bắc');
    expect(await moved.locator('[data-testid="history-comment"]').textContent()).toBe(`“${REASON}”`);
    expect(await moved.locator('[data-testid="history-actor"]').textContent()).toContain('Chuyển đơn vị thực hiện — Hoàng Văn Long');
    await expect(entries(page).count()).resolves.toBe(3);
    await page.locator('[data-testid="history"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'reassign-history-phone');
    await phone.context.close();

    const stored = await getAssignment(server, adminToken, moving);
    expect(stored.unit.code).toBe('XA-HABAC');
    expect(stored.progress).toBe(30);
  });

  it('ADMIN’s edit form asks for the reason of a new due date, and the history shows both dates dd/MM/yyyy', async () => {
    const { page } = admin;
    const before = await getAssignment(server, adminToken, edited);
    await page.goto(`${server.url}/#/Assignment/${edited}`);
    const due = page.locator('input[name="dueDate"]');
    await due.waitFor();
    await expect(page.locator('[data-testid="reason-input"]').count()).resolves.toBe(0);
    await due.fill('2023-03-15');
    const reason = page.locator('[data-testid="reason-input"]');
    await reason.waitFor();
    await page.locator('button[type="submit"]').click();
    await page.getByText('Vui lòng ghi rõ lý do thay đổi.').waitFor();
    expect((await getAssignment(server, adminToken, edited)).dueDate).toBe(before.dueDate);

    await reason.fill(PLANNING_REASON);
    await screenshot(page, 'assignment-edit-reason');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show$/);
    await page.locator('[data-testid="history"]').waitFor();
    const edit = entries(page).filter({ has: page.locator('[data-field="dueDate"]') });
    await edit.waitFor();
    expect(await edit.getAttribute('data-action')).toBe('EDIT');
    const [y, m, d] = before.dueDate.split('-');
    expect(await edit.locator('[data-field="dueDate"]').textContent()).toBe(`Hạn: ${d}/${m}/${y} → 15/03/2023`);
    expect(await edit.locator('[data-testid="history-comment"]').textContent()).toBe(`“${PLANNING_REASON}”`);
    expect(await edit.locator('[data-testid="history-actor"]').textContent()).toContain('Sửa kế hoạch thực hiện — Quản trị hệ thống');
    expect((await getAssignment(server, adminToken, edited)).dueDate).toBe('2023-03-15');
  });
});
