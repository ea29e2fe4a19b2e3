import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runDeadlineScan } from '../../jobs/deadline-scan/deadline-scan.job.js';
import { silentLogger } from '../../server/shared/logger.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { findAssignment } from '../helpers/queries.js';
import { launchBrowser, screenshot, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;

const sweep = (asOf: string) =>
  runDeadlineScan(
    { em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, queues: server.app.queues, log: silentLogger },
    { asOf, now: `${asOf}T00:00:00.000Z` },
  );

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // The 2022 plan, still open, chased on two days: two rounds of level 3 for each assignment.
  await sweep('2026-03-02');
  await sweep('2026-03-16');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the ladder in the admin', { timeout: 120_000 }, () => {
  let leader: Session;

  it('the overview’s overdue list says how many times each late assignment was chased', async () => {
    leader = await signIn(browser, server, 'phochutich');
    await leader.page.goto(`${server.url}/#/overview?tab=overdue`);
    const list = leader.page.locator('[data-testid="overdue-list"]');
    await list.waitFor();
    await expect.poll(() => list.locator('[data-testid="urge-count"]').count()).toBeGreaterThan(0);
    const labels = await list.locator('[data-testid="urge-count"]').allTextContents();
    expect(new Set(labels)).toEqual(new Set(['đã đôn đốc lần 2']));
    await list.locator('[data-testid="urge-count"]').first().scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'escalations-overview');
  });

  it('an assignment’s page lists its escalations with level, date, recipients and state', async () => {
    const token = await server.login('phochutich');
    const a = await findAssignment(server, token, 'PHONG-GDDT', '4');
    await leader.page.goto(`${server.url}/#/Assignment/${a.id}/show`);
    const items = leader.page.locator('[data-testid="escalation"]');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    const newest = await items.first().innerText();
    expect(newest).toContain('16/03/2026');
    expect(newest).toContain('Đôn đốc cấp 3');
    expect(newest).toContain('Lãnh đạo UBND huyện (Hoàng Văn Long)');
    expect(newest).toContain('Đang đôn đốc');
    expect(await items.nth(1).innerText()).toContain('02/03/2026');
    await expect.poll(() => leader.page.getByText('Đôn đốc', { exact: true }).count()).toBeGreaterThan(0);
    await items.first().scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'escalations-assignment');
  });
});
