import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { findAssignment, planId } from '../helpers/queries.js';
import { launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the admin says where the plan does not apply and what the data entry assumed', { timeout: 120_000 }, () => {
  let leader: Session;

  it('the overview shows T5’s hospital part as “Không áp dụng”, with its reason, and the targets’ note', async () => {
    leader = await signIn(browser, server, 'phochutich');
    await leader.page.goto(`${server.url}/#/overview?tab=targets`);
    const status = leader.page.locator('[data-testid="target-status-T5.2"]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('NOT_APPLICABLE');
    expect(await status.innerText()).toContain('Không áp dụng');
    const row = leader.page.locator('[data-testid="targets"] tr', { has: status });
    expect(await row.locator('[data-testid="not-applicable-reason"]').innerText()).toContain('không có bệnh viện tuyến tỉnh');
    // The school part applies and is computed.
    expect(await leader.page.locator('[data-testid="target-status-T5.1"]').getAttribute('data-status')).toMatch(/^(MET|NOT_MET)$/);
    expect(await leader.page.locator('[data-testid="target-note"]').first().innerText()).toContain('trên địa bàn tỉnh');
    await row.scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'targets-not-applicable');
  });

  it('the plan, a telecom, a task and a commune’s own-facility work show their assumption line and scope', async () => {
    const token = await server.login('phochutich');
    const plan = await planId(server, token);
    await leader.page.goto(`${server.url}/#/Plan/${plan}/show`);
    const line = leader.page.locator('[data-testid="assumption"]');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Giả định khi nhập liệu: .*Viettel, VNPT và MobiFone/s);

    const units = (await server.gql('{ allUnits(filter: { q: "VT-VNPT" }) { id } }', {}, token)).data!.allUnits;
    await leader.page.goto(`${server.url}/#/Unit/${units[0].id}/show`);
    await line.waitFor();
    expect(await line.innerText()).toContain('không nêu tên');

    const tasks = (await server.gql('query($p: ID) { allTasks(filter: { planId: $p, q: "1.2" }) { id number } }', { p: plan }, token)).data!.allTasks;
    await leader.page.goto(`${server.url}/#/Task/${tasks.find((t: any) => t.number === '1.2').id}/show`);
    await leader.page.getByText('Giả định khi nhập liệu: Kế hoạch không nêu hạn riêng').waitFor();
    await expect.poll(() => leader.page.locator('[data-testid="scope-chip"]').count()).toBe(20);

    const a = await findAssignment(server, token, 'XA-HABAC', '1.1', 'OWN_FACILITIES');
    await leader.page.goto(`${server.url}/#/Assignment/${a.id}/show`);
    // The task page's chips give way to the assignment's own.
    await expect.poll(() => leader.page.locator('[data-testid="scope-chip"]').count()).toBe(1);
    expect(await leader.page.locator('[data-testid="scope-chip"]').innerText()).toBe('Tại cơ sở của xã');
    expect(await line.innerText()).toContain('theo phân cấp');
    await screenshot(leader.page, 'assignment-own-facilities');
  });
});
