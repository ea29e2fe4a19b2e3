import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { silentLogger } from '../../server/shared/logger.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let workers: Workers;
let browser: Browser;
let admin: Session;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(() => 200);
  [server, browser] = await Promise.all([startTestServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_BASE_MS: '100' }), launchBrowser()]);
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  admin = await signIn(browser, server, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await workers?.close();
  await server?.close();
  await receiver?.close();
});

describe('webhooks in the admin', { timeout: 120_000 }, () => {
  it('an administrator adds an endpoint, sees its secret once, and then the deliveries with their attempts', async () => {
    const { page } = admin;
    await page.locator('a[href="#/WebhookEndpoint"]').waitFor();
    await page.goto(`${server.url}/#/WebhookEndpoint/create`);
    await page.locator('input[name="url"]').fill(receiver.url);
    await page.locator('input[name="description"]').fill('Cổng dữ liệu tỉnh (thử)');
    // Every event is ticked by default; this endpoint only wants status changes.
    await page.getByLabel('Có đôn đốc mới').uncheck();
    await page.getByLabel('Có minh chứng mới').uncheck();
    await page.locator('button[type="submit"]').click();

    const dialog = page.locator('[data-testid="webhook-secret-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="webhook-secret-warning"]').textContent()).toContain('chỉ hiện MỘT LẦN');
    const secret = await dialog.locator('[data-testid="webhook-secret"]').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await screenshot(page, 'webhook-secret');
    await dialog.locator('[data-testid="webhook-secret-close"]').click();
    await page.waitForURL(/#\/WebhookEndpoint\/[0-9a-f-]{36}\/show$/);
    await page.getByText('Phân công đổi trạng thái').first().waitFor();
    await page.getByText('Chưa gửi sự kiện nào tới địa chỉ này.').waitFor();
    expect(await page.content()).not.toContain(secret);

    // An office starts its work: the endpoint is told.
    const officer = await server.login('gddt');
    const assignment = await findAssignment(server, officer, 'PHONG-GDDT', '4');
    await server.gql(TRANSITION, { id: assignment.id, action: 'START', version: assignment.version }, officer);

    const attempt = page.locator('[data-testid="webhook-attempt"]');
    for (let i = 0; i < 50 && !(await attempt.count()); i++) {
      await page.locator('[data-testid="webhook-deliveries-refresh"]').click();
      await page.waitForTimeout(200);
    }
    expect(await attempt.first().textContent()).toContain('HTTP 200');
    const delivery = page.locator('[data-testid="webhook-delivery"]').first();
    expect(await delivery.textContent()).toContain('Đã gửi');
    await screenshot(page, 'webhook-deliveries');

    await delivery.locator('[data-testid="webhook-redeliver"]').click();
    await page.getByText('Đã xếp lịch gửi lại').waitFor();
    for (let i = 0; i < 50 && (await attempt.count()) < 2; i++) {
      await page.locator('[data-testid="webhook-deliveries-refresh"]').click();
      await page.waitForTimeout(200);
    }
    expect(await attempt.count()).toBe(2);
    expect(receiver.received).toHaveLength(2);
  });

  it('only an administrator has the webhook screen in the menu', async () => {
    const leader = await signIn(browser, server, 'phochutich');
    await leader.page.locator('[data-testid="menu-dashboard"]').waitFor();
    await expect(leader.page.locator('a[href="#/WebhookEndpoint"]').count()).resolves.toBe(0);
    await leader.context.close();
  });
});
