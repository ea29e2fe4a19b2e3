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
    await leader.page.goto(`${server.url}/#/overview?tab=targets`);
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

describe('the Targets catalogue', { timeout: 120_000 }, () => {
  it('lists each target’s status in words with its value against the threshold, and the show page says why T5.2 does not apply', async () => {
    const leader = await signIn(browser, server, 'phochutich');
    await leader.page.goto(`${server.url}/#/Target`);
    const t1 = leader.page.locator('[data-testid="target-status-T1"]');
    await t1.waitFor();
    const status = await t1.getAttribute('data-status');
    expect(status).toMatch(/^(MET|NOT_MET)$/);
    expect((await t1.innerText()).trim()).toBe(status === 'MET' ? 'Đạt' : 'Không đạt');
    // T1 asks for at least 50% of the schools; its value is a percentage with a decimal comma.
    expect(await leader.page.locator('[data-testid="target-value-T1"]').innerText()).toMatch(/^\d{1,3}(,\d)?% \/ ≥ 50%$/);

    const t52 = leader.page.locator('[data-testid="target-status-T5.2"]');
    expect(await t52.getAttribute('data-status')).toBe('NOT_APPLICABLE');
    expect((await t52.innerText()).trim()).toBe('Không áp dụng');
    expect(await leader.page.locator('[data-testid="target-value-T5.2"]').innerText()).toBe('— / > 50%');
    const headers = await leader.page.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['Trạng thái', 'Hiện đạt / ngưỡng']));
    await screenshot(leader.page, 'targets-list');

    await t52.click();
    const reason = leader.page.locator('[data-testid="not-applicable-reason"]');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('Huyện Hà Trung không có bệnh viện tuyến tỉnh');
    expect(await leader.page.locator('[data-testid="target-status-T5.2"]').innerText()).toContain('Không áp dụng');
    await screenshot(leader.page, 'target-show-not-applicable');

    // A target that applies says what its percentage is made of instead.
    await leader.page.goBack();
    await t1.click();
    const figures = leader.page.locator('[data-testid="target-figures"]');
    await figures.waitFor();
    expect(await figures.innerText()).toMatch(/^\d+\/\d+ cơ sở$/);
    expect(await leader.page.locator('[data-testid="not-applicable-reason"]').count()).toBe(0);
  });
});
