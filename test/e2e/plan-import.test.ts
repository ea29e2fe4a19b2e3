import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planProgress } from './api.js';
import { PHONE, launchBrowser, screenshot, signIn, type Session } from './browser.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HA_TRUNG = readFileSync(path.join(ROOT, 'server/db/seed/ke-hoach-ha-trung-2022.txt'), 'utf8');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/plans', name));

let server: TestServer;
let browser: Browser;
let admin: Session;
let adminToken: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  adminToken = await server.login('admin');
  admin = await signIn(browser, server, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Everything the source pane shows marked now, as one line. */
async function marked(page: Page): Promise<string> {
  const marks = await page.locator('[data-testid="draft-source"] mark').allTextContents();
  return squash(marks.join(' '));
}

/** The draft the review page shows, read back from the API. */
async function draftOf(page: Page) {
  const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/PlanDraft\//, '').split(/[/?]/)[0]);
  const res = await server.gql<{ PlanDraft: any }>(
    'query($id: ID!) { PlanDraft(id: $id) { id version state header { code title } tasks { number title } unplaced { dismissed } problems { path message } } }',
    { id },
    adminToken,
  );
  return res.data!.PlanDraft;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

describe('an administrator imports a plan from its text', { timeout: 180_000 }, () => {
  it('pastes the plan, reviews it beside its text, corrects a task, activates it and finds it on the overview', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid="menu-plan-import"]').click();
    await page.locator('a[href="#/PlanDraft/create"]').click();
    await page.locator('[data-testid="import-text"]').fill(HA_TRUNG);
    await page.locator('[data-testid="import-submit"]').click();
    await page.locator('[data-testid="draft-review"]').waitFor();
    await page.waitForURL(/#\/PlanDraft\/[\w-]+$/);

    // Side by side on a desk: the document on the left, the form on the right, level with each other.
    const source = await box(page.locator('[data-testid="draft-source-pane"]'));
    const form = await box(page.locator('[data-testid="draft-form-pane"]'));
    expect(source.x + source.width).toBeLessThanOrEqual(form.x);
    expect(Math.abs(source.y - form.y)).toBeLessThan(5);
    expect(await page.locator('[data-testid="draft-source"]').textContent()).toContain('Hà Trung');

    // Focusing a task lights up the words it was read from, scrolled into the document's view.
    const title = page.locator('[name="tasks.6.title"]');
    const taskTitle = await title.inputValue();
    expect(taskTitle).toContain('Tăng cường thông tin, tuyên truyền');
    await title.focus();
    await expect.poll(() => marked(page)).toContain(taskTitle);
    const mark = await box(page.locator('[data-testid="draft-source"] mark').first());
    const pane = await box(page.locator('[data-testid="draft-source"]'));
    expect(mark.y).toBeGreaterThanOrEqual(pane.y);
    expect(mark.y).toBeLessThan(pane.y + pane.height);
    // Pointing at another item marks its own passage: a body, where the plan names it.
    await page.locator('[name="bodies.2.name"]').hover();
    await expect.poll(() => marked(page)).toContain('Phòng Văn hóa và Thông tin');
    await screenshot(page, 'plan-import-review');

    // The reader could not place four passages: activation waits until each is looked at.
    expect(await page.locator('[data-testid="draft-problem"]').count()).toBe(4);
    await expect(page.locator('[data-testid="draft-activate"]').isDisabled()).resolves.toBe(true);

    const corrected = 'Tăng cường thông tin, tuyên truyền về chuyển đổi số và thanh toán không dùng tiền mặt';
    await title.fill(corrected);
    const dismissals = page.locator('[data-testid="draft-unplaced"] input[type="checkbox"]');
    expect(await dismissals.count()).toBe(4);
    for (let i = 0; i < 4; i++) await dismissals.nth(i).check();
    // Unsaved: the content the server would activate is not what is on screen.
    await expect(page.locator('[data-testid="draft-activate"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid="draft-save"]').click();
    await page.locator('[data-testid="draft-ready"]').waitFor();
    const saved = await draftOf(page);
    expect(saved.tasks[6].title).toBe(corrected);
    expect(saved.unplaced.every((u: { dismissed: boolean }) => u.dismissed)).toBe(true);
    expect(saved.problems).toEqual([]);

    await page.locator('[data-testid="draft-activate"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kích hoạt kế hoạch' }).click();
    await page.waitForURL(/#\/overview/);
    await page.locator('[data-testid="dashboard"]').waitFor();
    const select = page.locator('[data-testid="plan-select"]');
    await expect.poll(() => select.textContent()).toContain(saved.header.code);
    expect(await select.textContent()).toContain(saved.header.title);

    const plans = await server.gql<{ allPlans: Array<{ id: string; code: string; status: string }> }>('{ allPlans(perPage: 100) { id code status } }', {}, adminToken);
    const plan = plans.data!.allPlans.find((p) => p.code === saved.header.code)!;
    expect(plan.status).toBe('ACTIVE');
    const figures = await planProgress(server, adminToken, plan.id);
    expect(figures.total).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="kpi-total"]').textContent()).toBe(String(figures.total));
    await screenshot(page, 'plan-import-activated-overview');

    // The draft is kept as the record of what was imported, read-only, with the way to its plan.
    await page.goto(`${server.url}/#/PlanDraft/${saved.id}`);
    const banner = page.locator('[data-testid="draft-state-banner"]');
    expect(await banner.textContent()).toContain('đã được kích hoạt');
    expect(await page.locator('[data-testid="draft-activate"]').count()).toBe(0);
  });

  it('reads a plan from a file, refuses a news item and a wrong save with the server’s reasons, and discards the draft', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/PlanDraft/create`);
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: 'tin-tuc.txt', mimeType: 'text/plain', buffer: fixture('tin-tuc.txt') });
    await page.locator('[data-testid="import-submit"]').click();
    const error = page.locator('[data-testid="import-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Không thấy tên loại văn bản "KẾ HOẠCH"');
    expect(page.url()).toMatch(/#\/PlanDraft\/create$/);

    await page.locator('[data-testid="import-file-chosen"] svg').click();
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'tinh-lam-son-2023.txt',
      mimeType: 'text/plain',
      buffer: fixture('tinh-lam-son-2023.txt'),
    });
    await page.locator('[data-testid="import-submit"]').click();
    await page.locator('[data-testid="draft-review"]').waitFor();
    expect(await page.locator('[data-testid="draft-source-pane"]').textContent()).toContain('tinh-lam-son-2023.txt');
    await page.locator('[name="header.title"]').focus();
    await expect.poll(() => marked(page)).toContain('Lam Sơn');

    // Content wrong in itself is not saved: the refusal lists why, and each reason leads to its field.
    await page.locator('[name="tasks.1.number"]').fill('1.x');
    await page.locator('[data-testid="draft-save"]').click();
    const refused = page.locator('[data-testid="draft-refused"]');
    await refused.waitFor();
    const reason = refused.locator('[data-testid="draft-problem"][data-path="tasks[1].number"]');
    expect(await reason.textContent()).toContain('Số nhiệm vụ "1.x" không đúng dạng');
    await reason.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('tasks.1.number');
    await page.locator('[name="tasks.1.number"]').fill('1.1');
    await refused.waitFor({ state: 'detached' });
    await page.locator('[data-testid="draft-problems"]').waitFor();

    // Discarded, it stays in the list for the record and opens read-only.
    await page.locator('[data-testid="draft-discard"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy bản nháp' }).click();
    await page.waitForURL(/#\/PlanDraft(\?.*)?$/);

    // The list names it with its file and who imported it, newest first.
    await page.goto(`${server.url}/#/PlanDraft`);
    const first = page.locator('tbody tr').first();
    await first.getByText('tinh-lam-son-2023.txt').waitFor();
    expect(await first.locator('[data-testid="draft-state"]').getAttribute('data-value')).toBe('DISCARDED');
    expect(await first.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await first.textContent()).toContain('Quản trị');
    await first.click();
    await page.locator('[data-testid="draft-state-banner"]').waitFor();
    expect(await page.locator('[data-testid="draft-save"]').count()).toBe(0);
    await expect(page.locator('[name="header.title"]').isDisabled()).resolves.toBe(true);
  });

  it('on a phone the document folds above the form and still marks what is focused', async () => {
    const imported = await server.gql<{ importPlan: { id: string } }>(
      'mutation($text: String) { importPlan(text: $text) { id } }',
      { text: fixture('phong-gddt-binh-an-2023.txt').toString('utf8') },
      adminToken,
    );
    const phone = await signIn(browser, server, 'admin', PHONE);
    const { page } = phone;
    await page.goto(`${server.url}/#/PlanDraft`);
    await page.locator(`a[href="#/PlanDraft/${imported.data!.importPlan.id}"]`).click();
    await page.locator('[data-testid="draft-review"]').waitFor();
    const pane = page.locator('[data-testid="draft-source-pane"]');
    expect((await box(pane)).y).toBeLessThan((await box(page.locator('form'))).y);
    await pane.getByRole('button').first().click();
    const title = page.locator('[name="tasks.0.title"]');
    await title.focus();
    await expect.poll(() => marked(page)).toContain(await title.inputValue());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Nothing of the form runs off the screen's edge, where the layout would cut it off unseen.
    const right = await page.locator('form').evaluate((form) => Math.max(...[...form.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'plan-import-review-phone');
    await phone.context.close();
  });
});

describe('who may import plans', { timeout: 120_000 }, () => {
  it('an officer has no menu entry, is refused on the page and by the API', async () => {
    const officer = await signIn(browser, server, 'gddt');
    const { page } = officer;
    await page.locator('[data-testid="menu-my-work"]').waitFor();
    expect(await page.locator('[data-testid="menu-plan-import"]').count()).toBe(0);
    for (const route of ['/#/PlanDraft', '/#/PlanDraft/create']) {
      await page.goto(`${server.url}${route}`);
      await page.locator('[data-testid="forbidden"]').waitFor();
    }
    const forged = await page.evaluate(async (text) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($text: String) { importPlan(text: $text) { id } }', variables: { text } }),
      });
      return res.json();
    }, HA_TRUNG);
    expect(forged.errors[0].extensions.code).toBe('FORBIDDEN');
    await officer.context.close();
  });

  it('the vice-chairman (LEADER) has the menu entry', async () => {
    const leader = await signIn(browser, server, 'phochutich');
    await leader.page.locator('[data-testid="menu-plan-import"]').waitFor();
    await leader.context.close();
  });
});
