import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeFindings, blocking } from './axe.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TRANSITION } from '../helpers/queries.js';
import { DESKTOP, PHONE, SCREENSHOTS, launchBrowser, screenshot, signIn, type Session } from './browser.js';
import { shownPercent } from './api.js';

/**
 * The vice-chairman's overview in Chromium. A plan of 2022 is written as its units worked it then —
 * verifications and cancellations with their dates, in the rows and in the history — so the figures of
 * any day can be counted by hand:
 *
 *   task 1 (due 30/6)  Hà Bắc sent 20/6, verified 25/6 (on time); Hà Bình sent 10/7, verified 12/7 (late);
 *                      Hà Châu cancelled 1/5; Hà Đông, Hà Giang, Hà Hải never started
 *   task 2 (due 30/9)  Hà Bắc sent 25/9, verified 3/10 (on time); Hà Đông cancelled 15/11; the rest not started
 *   task 3 (due 31/12) Hà Giang sent 20/12, verified 5/1/2023 (on time); the rest not started
 */
let server: TestServer;
let browser: Browser;
let leader: Session;
/** The same person on a phone: a browser of its own, as a phone is. */
let phone: Session;
let token: string;
let planId: string;
const PLAN = 'E2E-TQ-2022';
const UNITS = ['XA-HABAC', 'XA-HABINH', 'XA-HACHAU', 'XA-HADONG', 'XA-HAGIANG', 'XA-HAHAI'];
const unitIds: Record<string, string> = {};
const ids: Record<string, string> = {};
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

/** What each tab shows once loaded: measured and checked only then. */
const TAB_CONTENT: Record<string, string> = {
  units: '[data-testid="unit-ranking"]',
  trend: '[data-testid="trend-table"]',
  tasks: '[data-testid="task-progress"]',
  overdue: '[data-testid="overdue-total"]',
  targets: '[data-testid="targets"]',
};

async function openTab(page: Page, tab: string) {
  await page.locator(`[data-testid="tab-${tab}"]`).click();
  await page.locator(`[data-testid="panel-${tab}"] ${TAB_CONTENT[tab]}`).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
}


/** The phone's page may be at most this many screens tall, whichever tab is open. */
const PHONE_SCREENS = 5;

async function writePlan() {
  const units = (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, token)).data!.allUnits as Array<{ id: string; code: string }>;
  for (const u of units) unitIds[u.code] = u.id;
  [{ id: planId }] = await sql(
    `insert into plan (id, created_at, updated_at, code, title, issuing_body, status, period_start, period_end)
     values (gen_random_uuid(), now(), now(), ?, 'Kế hoạch thử tổng quan năm 2022', 'UBND huyện Hà Trung', 'ACTIVE', '2022-01-01', '2022-12-31') returning id`,
    [PLAN],
  );
  const due = ['2022-06-30', '2022-09-30', '2022-12-31'];
  const tasks: string[] = [];
  for (const [i, dueDate] of due.entries()) {
    const [{ id }] = await sql(
      `insert into task (id, created_at, updated_at, plan_id, number, position, title, due_date)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?) returning id`,
      [planId, String(i + 1), i + 1, `Nhiệm vụ thử số ${i + 1}`, dueDate],
    );
    tasks.push(id);
  }
  type Event = [action: string, from: string, to: string, at: string];
  const work: Record<string, { status: string; submitted?: string; completed?: string; events: Event[] }> = {
    'XA-HABAC/1': { status: 'DONE', submitted: '2022-06-20T09:00:00', completed: '2022-06-25T09:00:00', events: [] },
    'XA-HABINH/1': { status: 'DONE', submitted: '2022-07-10T09:00:00', completed: '2022-07-12T09:00:00', events: [] },
    'XA-HACHAU/1': { status: 'CANCELLED', events: [['CANCEL', 'NOT_STARTED', 'CANCELLED', '2022-05-01T10:00:00']] },
    'XA-HABAC/2': { status: 'DONE', submitted: '2022-09-25T09:00:00', completed: '2022-10-03T09:00:00', events: [] },
    'XA-HADONG/2': { status: 'CANCELLED', events: [['CANCEL', 'NOT_STARTED', 'CANCELLED', '2022-11-15T10:00:00']] },
    'XA-HAGIANG/3': { status: 'DONE', submitted: '2022-12-20T09:00:00', completed: '2023-01-05T09:00:00', events: [] },
  };
  for (const [t, taskId] of tasks.entries()) {
    for (const unit of UNITS) {
      const key = `${unit}/${t + 1}`;
      const w = work[key] ?? { status: 'NOT_STARTED', events: [] };
      if (w.submitted) {
        w.events.push(['START', 'NOT_STARTED', 'IN_PROGRESS', '2022-03-01T08:00:00'], ['SUBMIT', 'IN_PROGRESS', 'SUBMITTED', w.submitted], ['VERIFY', 'SUBMITTED', 'DONE', w.completed!]);
      }
      const [{ id }] = await sql(
        `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, status, progress, due_date, submitted_at, completed_at)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, 'LEAD', ?, ?, ?, ?, ?) returning id`,
        [planId, taskId, unitIds[unit], w.status, w.status === 'DONE' ? 100 : 0, due[t], w.submitted ? vn(w.submitted) : null, w.completed ? vn(w.completed) : null],
      );
      ids[key] = id;
      for (const [action, from, to, at] of w.events) {
        await sql(
          `insert into status_change (id, assignment_id, plan_id, action, from_status, to_status, progress, comment, at)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, planId, action, from, to, to === 'DONE' ? 100 : 0, action === 'CANCEL' ? 'Không còn phù hợp' : null, vn(at)],
        );
      }
    }
  }
}

async function openOverview(page: Page, query = '') {
  await page.goto(`${server.url}/#/overview${query}`);
  await page.locator('[data-testid="kpi-completion"]').waitFor();
}

async function choosePlan(page: Page, code: string) {
  await page.locator('[data-testid="plan-select"] [role="combobox"]').click();
  await page.getByRole('option', { name: new RegExp(`^${code}`) }).click();
  await page.locator('[data-testid="plan-select"]', { hasText: code }).waitFor();
}

async function figures(page: Page) {
  return {
    completion: await page.locator('[data-testid="kpi-completion"]').textContent(),
    overdue: await page.locator('[data-testid="kpi-overdue"]').textContent(),
    total: await page.locator('[data-testid="kpi-total"]').textContent(),
  };
}

/** Bottom edges of the first screen's parts, with the page scrolled to the top. */
async function bottoms(page: Page, testIds: string[]) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const result: Record<string, number> = {};
  for (const id of testIds) {
    const box = await page.locator(`[data-testid="${id}"]`).first().boundingBox();
    if (!box) throw new Error(`${id} is not on the page`);
    result[id] = box.y + box.height;
  }
  return result;
}

async function progressOn(asOf: string, unitCode?: string) {
  const res = await server.gql(
    `query($planId: ID!, $asOf: LocalDate) { planProgress(planId: $planId, asOf: $asOf) {
      overall { total doneOnTime doneLate notDoneWithinDeadline overdue comeDue }
      byUnit { unit { code } figures { total doneOnTime doneLate notDoneWithinDeadline overdue comeDue } } } }`,
    { planId, asOf },
    token,
  );
  const p = res.data!.planProgress;
  return unitCode ? p.byUnit.find((u: any) => u.unit.code === unitCode).figures : p.overall;
}

async function pointsOfTable(table: Locator) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return {
        day: d.day!,
        figures: {
          total: Number(d.total), doneOnTime: Number(d.doneOnTime), doneLate: Number(d.doneLate),
          notDoneWithinDeadline: Number(d.within), overdue: Number(d.overdue), comeDue: Number(d.comeDue),
        },
      };
    }),
  );
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  token = await server.login('phochutich');
  await writePlan();
  [leader, phone] = await Promise.all([signIn(browser, server, 'phochutich'), signIn(browser, server, 'phochutich', PHONE)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the overview, for the vice-chairman', { timeout: 180_000 }, () => {
  it('the first screen holds the figures, the units furthest behind and the latest changes, at 1366×768 and at 390×844', async () => {
    for (const [session, viewport] of [[leader, DESKTOP], [phone, PHONE]] as const) {
      const { page } = session;
      const size = viewport === DESKTOP ? 'desktop' : 'phone';
      // The seeded plan, then ours on a day when nobody had finished anything yet: a notice and a list of changes, the tallest case.
      for (const [plan, query] of [['HT-CDS-TTKDTM-2022', ''], [PLAN, '?asOf=2022-06-24']]) {
        await openOverview(page, query);
        await choosePlan(page, plan);
        await page.locator('[data-testid="worst-units"]').waitFor();
        if (plan === PLAN) await page.locator('[data-testid="change"]').first().waitFor();
        const edges = await bottoms(page, ['kpi-cards', 'worst-units', 'recent-changes']);
        await screenshot(page, `overview-first-screen-${size}${plan === PLAN ? '-changes' : ''}`);
        for (const [part, bottom] of Object.entries(edges)) expect(bottom, `${plan}: ${part} at ${size}`).toBeLessThanOrEqual(viewport.height);
      }
    }
  });

  it('on a phone the page stays within five screens whichever tab is open, and the tables become cards', async () => {
    const { page } = phone;
    await openOverview(page);
    await choosePlan(page, 'HT-CDS-TTKDTM-2022');
    for (const tab of Object.keys(TAB_CONTENT)) {
      await openTab(page, tab);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, `page height with the ${tab} tab open`).toBeLessThanOrEqual(PHONE_SCREENS * PHONE.height);
      // Nothing wider than the screen: no sideways scrolling, no column cut off.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), tab).toBeLessThanOrEqual(PHONE.width);
    }
    await page.locator('[data-testid="tab-units"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-ranking"] [data-testid="unit-card"]').count()).toBeGreaterThan(20);
    // Every tab is opened and measured in turn, charts included: more than one page's worth of work.
  }, 90_000);

  it('a running plan opens on today; the picker moves the figures to a past day, counted by hand', async () => {
    const { page } = leader;
    await openOverview(page);
    await choosePlan(page, PLAN);
    expect(page.url()).not.toContain('asOf=');
    const asOf = page.locator('[data-testid="as-of"]');
    await expect(asOf.getAttribute('data-kind')).resolves.toBe('today');
    expect(await asOf.innerText()).toMatch(/^Số liệu tính đến hôm nay \d{2}\/\d{2}\/\d{4}/);
    expect(await asOf.innerText()).toContain('Kỳ kế hoạch đã hết ngày 31/12/2022.');
    // Today: 16 counted (two cancelled), 4 done of 16 come due, 12 overdue.
    await expect.poll(() => figures(page)).toEqual({ completion: '25,0%', overdue: '75,0%', total: '16' });

    await page.locator('[data-testid="as-of-input"]').fill('31/08/2022');
    await page.locator('[data-testid="as-of"][data-as-of="2022-08-31"]').waitFor();
    // 31/8/2022: Hà Đông's task 2 is not cancelled yet (17 counted); task 1 has come due for 5 units, 2 done; 3 overdue.
    await expect.poll(() => figures(page)).toEqual({ completion: '40,0%', overdue: '17,6%', total: '17' });
    expect(await asOf.innerText()).toBe('Số liệu đến ngày 31/08/2022 Kỳ kế hoạch đã hết ngày 31/12/2022. Xem tại ngày kết thúc kỳ');
    expect(page.url()).toContain('asOf=2022-08-31');

    // 14/11: task 2 has come due too (6 more, Hà Bắc's done), Hà Đông's cancellation is tomorrow.
    await page.locator('[data-testid="as-of-input"]').fill('14/11/2022');
    await expect.poll(() => figures(page)).toEqual({ completion: '27,3%', overdue: '47,1%', total: '17' });

    await page.locator('[data-testid="as-of-period-end"]').click();
    await page.locator('[data-testid="as-of"][data-as-of="2022-12-31"]').waitFor();
    // 31/12: Hà Giang's task 3 is verified only on 5/1/2023.
    await expect.poll(() => figures(page)).toEqual({ completion: '30,0%', overdue: '43,8%', total: '16' });
    await page.locator('[data-testid="as-of-reset"]').click();
    await page.locator('[data-testid="as-of"][data-kind="today"]').waitFor();
  });

  it('a closed plan opens on its last day and says so', async () => {
    await sql(`update plan set status = 'CLOSED' where id = ?`, [planId]);
    try {
      const { page } = leader;
      await openOverview(page);
      // Opened afresh, as the next morning: the plan's new status comes with the page.
      await page.reload();
      const asOf = page.locator('[data-testid="as-of"][data-kind="closed_end"]');
      await asOf.waitFor();
      expect(await asOf.innerText()).toBe('Kế hoạch đã kết thúc: số liệu tại 31/12/2022');
      await expect.poll(() => figures(page)).toEqual({ completion: '30,0%', overdue: '43,8%', total: '16' });
    } finally {
      await sql(`update plan set status = 'ACTIVE' where id = ?`, [planId]);
      await leader.page.reload();
    }
  });

  it('the ranking goes by completion then overdue work, shows ties as ties, and the worst units open their work', async () => {
    const { page } = leader;
    await openOverview(page);
    const worst = page.locator('[data-testid="worst-unit"]');
    await worst.first().waitFor();
    expect(await worst.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-code')))).toEqual([
      'XA-HAHAI', 'XA-HADONG', 'XA-HACHAU', 'XA-HAGIANG', 'XA-HABINH',
    ]);
    const ranks = await page.locator('[data-testid="unit-ranking"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-unit-code'), r.getAttribute('data-rank')]),
    );
    expect(ranks).toEqual([
      ['XA-HABAC', '1'], ['XA-HABINH', '2'], ['XA-HAGIANG', '2'], ['XA-HACHAU', '4'], ['XA-HADONG', '4'], ['XA-HAHAI', '6'],
    ]);
    expect(await page.locator('[data-testid="unit-ranking"] tbody tr[data-unit-code="XA-HAGIANG"]').innerText()).toContain('đồng hạng');

    await worst.first().click();
    await page.waitForURL(/#\/Assignment\?/);
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')!);
    expect(filter).toEqual({ planId, unitId: unitIds['XA-HAHAI'] });
    await expect.poll(() => page.locator('.RaList-main tbody tr, .RaList-main li').count()).toBe(3);
  });

  it('says plainly when no unit has finished anything', async () => {
    const { page } = leader;
    await openOverview(page, '?asOf=2022-06-24');
    const notice = page.locator('[data-testid="nobody-finished"]').first();
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Chưa đơn vị nào có việc được xác nhận hoàn thành (tính đến 24/06/2022).');
  });

  it('the chart’s points are planProgress on their days, for the plan and for one unit', async () => {
    const { page } = leader;
    await openOverview(page, '?tab=trend');
    const trend = page.locator('[data-testid="progress-trend"]');
    await trend.locator('[data-testid="trend-chart"] svg').first().waitFor();
    expect(await trend.getAttribute('data-from')).toBe('2022-01-01');
    const table = trend.locator('[data-testid="trend-table"]');
    const points = await pointsOfTable(table);
    expect(points.length).toBe(24);
    for (const p of points) expect(p.figures, p.day).toEqual(await progressOn(p.day));
    await trend.evaluate((card) => card.scrollIntoView());
    await screenshot(page, 'overview-trend');

    await trend.locator('[data-testid="trend-unit"] [role="combobox"]').click();
    await page.locator('li[data-unit-code="XA-HABINH"]').click();
    await page.locator(`[data-testid="progress-trend"][data-unit-id="${unitIds['XA-HABINH']}"] [data-testid="trend-table"]`).waitFor({ state: 'attached' });
    await expect.poll(async () => (await pointsOfTable(table)).at(-1)?.figures.total).toBe(3);
    for (const p of await pointsOfTable(table)) expect(p.figures, `Hà Bình ${p.day}`).toEqual(await progressOn(p.day, 'XA-HABINH'));
  });

  it('the overdue list gives its true total, opens the list of all of them, and a row opens its assignment', async () => {
    const { page } = leader;
    await openOverview(page);
    const tab = page.locator('[data-testid="tab-overdue"]');
    expect(await tab.textContent()).toBe('Quá hạn (12)');
    await tab.click();
    const header = page.locator('[data-testid="overdue-total"]');
    await header.waitFor();
    expect(await header.getAttribute('data-total')).toBe('12');
    expect(await page.locator('[data-testid="overdue-row"]').count()).toBe(10);

    await page.locator('[data-testid="see-all-overdue"]').click();
    await page.waitForURL(/#\/Assignment\?/);
    await page.locator('.MuiTablePagination-displayedRows', { hasText: /\b12\b/ }).waitFor();
    expect(await page.locator('.MuiTablePagination-displayedRows').innerText()).toBe('1–12 / 12');

    await page.goBack();
    const row = page.locator('[data-testid="overdue-row"]').first();
    await row.waitFor();
    const id = await row.getAttribute('data-assignment-id');
    await row.locator('td').nth(2).click();
    await page.waitForURL(new RegExp(`#/Assignment/${id}/show`));
  });

  it('marks what changed since the last visit, newest first', async () => {
    // The visit above was the first; a new tab of the same browser is the next visit.
    const officer = await server.login('xa-habac');
    const version = (await server.gql('query($id: ID!) { Assignment(id: $id) { version } }', { id: ids['XA-HABAC/3'] }, officer)).data!.Assignment.version;
    const started = await server.gql(TRANSITION, { id: ids['XA-HABAC/3'], action: 'START', version }, officer);
    expect(started.errors).toBeUndefined();

    const page = await leader.context.newPage();
    await openOverview(page);
    const since = page.locator('[data-testid="changes-since"]');
    await since.waitFor();
    expect(await since.getAttribute('data-count')).toBe('1');
    expect(await since.innerText()).toMatch(/^1 thay đổi mới kể từ lần xem trước \(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/);
    const first = page.locator('[data-testid="change"]').first();
    expect(await first.getAttribute('data-new')).toBe('true');
    expect(await first.innerText()).toContain('Bắt đầu thực hiện: 3. Nhiệm vụ thử số 3');
    expect(await page.locator('[data-testid="change"][data-new="true"]').count()).toBe(1);
    await first.click();
    await page.waitForURL(new RegExp(`#/Assignment/${ids['XA-HABAC/3']}/show`));
    await page.close();
  });

  it('prints on A4 without the app bar and the menu, and no table is cut off — the overview and the assignment list', async () => {
    const page = await leader.context.newPage();
    // A4 less 12 mm margins either side, at 96 dpi.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    for (const [path, table] of [
      ['/#/overview?tab=tasks', '[data-testid="task-progress"]'],
      ['/#/overview', '[data-testid="unit-ranking"]'],
      [`/#/Assignment?filter=${encodeURIComponent(JSON.stringify({ planId }))}`, '.RaList-main table'],
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.locator(table).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('header.MuiAppBar-root').first().isVisible(), path).toBe(false);
      expect(await page.locator('.RaSidebar-root').first().isVisible(), path).toBe(false);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right),
      }));
      expect(widths.page, path).toBeLessThanOrEqual(703);
      for (const right of widths.tables) expect(right, path).toBeLessThanOrEqual(703);
    }
    await page.goto(`${server.url}/#/overview`);
    await page.locator('[data-testid="kpi-completion"]').waitFor();
    // The plan picker is not printed: the page names its plan instead.
    expect(await page.locator('[data-testid="plan-select"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="print-heading"]').innerText()).toBe(`Tổng quan tiến độ: ${PLAN} — Kế hoạch thử tổng quan năm 2022`);
    await page.pdf({ path: path.join(SCREENSHOTS, 'overview-print.pdf'), format: 'A4' });
    await page.close();
  });

  it('nothing inside the overview has a serious accessibility fault, on any tab, at either size', async () => {
    for (const session of [leader, phone]) {
      const { page } = session;
      await openOverview(page);
      for (const tab of Object.keys(TAB_CONTENT)) {
        await openTab(page, tab);
        // The whole page: the overview's content and the frame around it.
        const serious = blocking(await axeFindings(page));
        expect(serious, `${tab} at ${page.viewportSize()!.width}px`).toEqual([]);
      }
    }
  });

  it('the API’s figures of today are what the first screen shows', async () => {
    const { page } = leader;
    await openOverview(page);
    await choosePlan(page, PLAN);
    const overall = (await server.gql('query($p: ID!) { planProgress(planId: $p) { overall { completionRate overdueRate total } } }', { p: planId }, token)).data!.planProgress.overall;
    await expect.poll(() => figures(page)).toEqual({ completion: shownPercent(overall.completionRate), overdue: shownPercent(overall.overdueRate), total: String(overall.total) });
  });
});
