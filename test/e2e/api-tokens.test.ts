import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let admin: Session;

const NAME = 'Cổng dữ liệu tỉnh (thử)';

/** What an integrating system would send with the token. */
async function planCountWith(secret: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ _allPlansMeta { count } }' }),
  });
  return (await response.json()) as { data?: { _allPlansMeta: { count: number } } | null; errors?: Array<{ extensions?: { code?: string } }> };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = await signIn(browser, server, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('API tokens and the security log in the admin', { timeout: 120_000 }, () => {
  it('only an administrator has the API token and security log screens in the menu', async () => {
    await admin.page.locator('a[href="#/ApiToken"]').waitFor();
    await admin.page.locator('a[href="#/AuditEvent"]').waitFor();
    const officer = await signIn(browser, server, 'gddt');
    await officer.page.locator('[data-testid="menu-my-work"]').waitFor();
    await expect(officer.page.locator('a[href="#/ApiToken"], a[href="#/AuditEvent"]').count()).resolves.toBe(0);
    await officer.context.close();
  });

  it('an administrator issues a token, sees its secret once, the token works, and after “Thu hồi” it is refused', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/ApiToken/create`);
    await page.locator('input[name="name"]').fill(NAME);
    await page.getByLabel('Đơn vị').fill('Giáo dục');
    await page.getByRole('option', { name: 'Phòng Giáo dục và Đào tạo' }).click();
    await page.locator('button[type="submit"]').click();

    const dialog = page.locator('[data-testid="api-token-secret-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="api-token-secret-warning"]').textContent()).toContain('chỉ hiện MỘT LẦN');
    const secret = await dialog.locator('[data-testid="api-token-secret"]').inputValue();
    expect(secret).toMatch(/^tdk_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'api-token-secret');

    const working = await planCountWith(secret);
    expect(working.errors).toBeUndefined();
    expect(working.data!._allPlansMeta.count).toBeGreaterThan(0);

    await dialog.locator('[data-testid="api-token-secret-close"]').click();
    await page.waitForURL(/#\/ApiToken$/);
    const row = page.locator('tr', { hasText: NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain(secret.slice(0, 12));
    // Nowhere in the list, nor anywhere else on the page, is the secret shown again.
    expect(await page.content()).not.toContain(secret);

    const dates = async () => ((await row.textContent()) ?? '').match(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g)?.length ?? 0;
    const datesBefore = await dates();

    await row.locator('[data-testid="api-token-revoke"]').click();
    await page.locator('.ra-confirm').click();
    await row.locator('[data-testid="api-token-revoke"]').waitFor({ state: 'detached' });
    // The row stays, now with its revocation time.
    expect(await dates()).toBe(datesBefore + 1);
    await screenshot(page, 'api-tokens');

    const refused = await planCountWith(secret);
    expect(refused.data?._allPlansMeta).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the security log lists the token’s issue and revocation, in Vietnamese', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/AuditEvent`);
    await page.locator('tr', { hasText: 'Cấp mã truy cập API' }).first().waitFor();
    await page.locator('tr', { hasText: 'Thu hồi mã truy cập API' }).first().waitFor();
    await expect(page.locator('tr', { hasText: 'Thu hồi mã truy cập API' }).first().textContent()).resolves.toContain('admin');
    await screenshot(page, 'audit-events');
  });
});
