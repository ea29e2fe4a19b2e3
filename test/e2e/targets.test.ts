import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, screenshot, signIn } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the overview’s targets', { timeout: 120_000 }, () => {
  it('show a status chip, and under each target its communes and its value over time against the threshold', async () => {
    const leader = await signIn(browser, server, 'phochutich');
    await leader.page.goto(`${server.url}/#/overview`);
    const status = leader.page.locator('[data-testid="target-status-T1"]');
    await status.waitFor();
    // The seeded plan's deadline (31/12/2022) has passed: a target is met or not, in Vietnamese.
    const value = await status.getAttribute('data-status');
    expect(value).toMatch(/^(MET|NOT_MET)$/);
    expect(await status.innerText()).toContain(value === 'MET' ? 'Đạt' : 'Không đạt');

    await leader.page.locator('[data-testid="target-expand-T1"]').click();
    const communes = leader.page.locator('[data-testid="target-communes-T1"]');
    await communes.waitFor();
    const habac = communes.locator('tr[data-commune="XA-HABAC"]');
    expect(await habac.innerText()).toContain('Xã Hà Bắc');
    expect(await habac.locator('[data-status]').getAttribute('data-status')).toMatch(/^(MET|NOT_MET)$/);
    await leader.page.locator('[data-testid="target-history-chart"] svg path').first().waitFor();

    // T5.2 does not apply in any commune either.
    await leader.page.locator('[data-testid="target-expand-T5.2"]').click();
    const t52 = leader.page.locator('[data-testid="target-communes-T5.2"]');
    await t52.waitFor();
    const statuses = await t52.locator('tbody [data-status]').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(10);
    expect(new Set(statuses)).toEqual(new Set(['NOT_APPLICABLE']));
    expect(await t52.locator('tbody tr').first().innerText()).toContain('Không áp dụng');
    await leader.page.locator('[data-testid="target-expand-T1"]').scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'targets-by-commune');
  });
});
