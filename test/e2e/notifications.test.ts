import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { code, connectDb } from '../security/helpers.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let officer: Session;
let db: pg.Client;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  db = await connectDb(server);
  officer = await signIn(browser, server, 'gddt');
});

afterAll(async () => {
  await db?.end();
  await browser?.close();
  await server?.close();
});

const RETURN = `mutation($id: ID!, $v: Int!, $comment: String) {
  transitionAssignment(id: $id, action: RETURN, version: $v, comment: $comment) { id status } }`;

const bell = (s: Session, unread: number) => s.page.locator(`[data-testid="notification-bell"][data-unread="${unread}"]`);

describe('the notification bell and inbox', { timeout: 120_000 }, () => {
  it('the officer’s bell counts a return made by the reviewer elsewhere, without a reload; opening it from the inbox marks it read', async () => {
    const { page } = officer;
    // The unit's work waiting for review, as if submitted with its evidence.
    const { rows } = await db.query(
      `update assignment set status = 'SUBMITTED', submitted_at = now(), started_at = now(), version = version + 1
        where id = (select a.id from assignment a join unit u on u.id = a.unit_id where u.code = 'PHONG-GDDT' and a.status = 'NOT_STARTED' order by a.id limit 1)
        returning id, version`,
    );
    const work = rows[0] as { id: string; version: number };

    // Listening from the moment the socket opens, so its first pushed frame cannot be missed.
    const pushed = new Promise<void>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) => {
          if (String(frame.payload).includes('notificationsChanged')) resolve();
        }),
      );
    });
    await page.goto(`${server.url}/#/my-work`);
    await page.reload();
    await pushed;
    await bell(officer, 0).waitFor();
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

    // Another unit's officer may not return it: nothing reaches the bell.
    const stranger = await server.login('vanphong');
    expect(code(await server.gql(RETURN, { id: work.id, v: work.version, comment: 'Thử' }, stranger))).toBe('FORBIDDEN');

    const reviewer = await server.login('vhtt');
    const returned = await server.gql(RETURN, { id: work.id, v: work.version, comment: 'Bổ sung danh sách trường' }, reviewer);
    expect(returned.data!.transitionAssignment.status).toBe('IN_PROGRESS');

    await bell(officer, 1).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);

    await bell(officer, 1).click();
    await page.waitForURL((url) => url.hash === '#/inbox');
    const item = page.locator('[data-testid="inbox-item"][data-kind="RETURNED"]');
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.textContent()).toContain('Bổ sung danh sách trường');
    expect(await item.locator('[data-testid="inbox-item-time"]').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const weight = await item.locator('.MuiListItemText-primary').evaluate((el) => getComputedStyle(el).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(700);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'inbox-phone');
    await page.setViewportSize(DESKTOP);

    await item.click();
    await page.waitForURL((url) => url.hash === `#/Assignment/${work.id}/show`);
    await bell(officer, 0).waitFor();
    const token = await server.login('gddt');
    const inbox = await server.gql('{ myNotifications { edges { node { kind read } } } }', {}, token);
    expect(inbox.data!.myNotifications.edges).toEqual([{ node: { kind: 'RETURNED', read: true } }]);
  });

  it('the menu leads to the inbox, where everything can be marked read at once', async () => {
    const { page } = officer;
    await db.query(
      `insert into notification (id, created_at, updated_at, user_id, kind, title, body, day, dedupe_key)
       select gen_random_uuid(), now(), now(), id, 'REMINDER', 'Sắp đến hạn: nhiệm vụ 4', 'Còn 3 ngày làm việc', current_date, 'e2e:reminder'
         from app_user where username = 'gddt'`,
    );
    await page.goto(`${server.url}/#/my-work`);
    await page.reload();
    await page.locator('[data-testid="menu-inbox"]').click();
    await page.waitForURL((url) => url.hash === '#/inbox');
    await page.locator('[data-testid="inbox-item"][data-read="false"]').first().waitFor();
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await page.locator('[data-testid="inbox-item"][data-read="false"]').first().waitFor({ state: 'detached' });
    await bell(officer, 0).waitFor();
    expect(await page.locator('[data-testid="inbox-item"]').count()).toBe(2);
  });
});
