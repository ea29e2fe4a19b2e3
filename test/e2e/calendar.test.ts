import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { today } from '../../server/shared/dates.js';
import { PHONE, launchBrowser, screenshot, signIn } from './browser.js';

let server: TestServer;
let browser: Browser;
let admin: string;
let planId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = await server.login('admin');
  planId = await findPlanId(server, admin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The list opens on this year: a Saturday of October this year, which no announcement makes special. */
function octoberDay(weekday: number): string {
  const year = Number(today().slice(0, 4));
  for (let d = 1; ; d++) {
    const day = `${year}-10-${String(d).padStart(2, '0')}`;
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === weekday) return day;
  }
}
const ddMMyyyy = (day: string) => day.split('-').reverse().join('/');

const POLICY = 'query($id: ID!) { Plan(id: $id) { escalationPolicy { version level2After } } }';

describe('the working calendar and a plan’s reminder settings in the admin', { timeout: 180_000 }, () => {
  it('ADMIN adds a make-up working Saturday from the menu and sees it in this year’s list', async () => {
    const saturday = octoberDay(6);
    const friday = octoberDay(5);
    const { page, context } = await signIn(browser, server, 'admin');
    await page.getByRole('menuitem', { name: 'Lịch làm việc' }).click();
    await page.locator('[data-testid="calendar-kind-chip"]').first().waitFor();
    await page.getByRole('link', { name: 'Thêm mới' }).click();

    // A make-up working day on a Friday is refused before it is sent.
    await page.locator('input[name="day"]').fill(friday);
    await page.locator('[data-testid="calendar-weekday"]', { hasText: 'Thứ Sáu' }).waitFor();
    await page.getByRole('combobox', { name: 'Loại ngày' }).click();
    await page.getByRole('option', { name: 'Làm bù' }).click();
    await page.locator('input[name="name"]').fill('Làm bù cho ngày nghỉ hoán đổi');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.').first().waitFor();

    await page.locator('input[name="day"]').fill(saturday);
    await page.locator('[data-testid="calendar-weekday"]', { hasText: 'Thứ Bảy' }).waitFor();
    await page.getByRole('button', { name: 'Lưu' }).click();

    const row = page.locator('tr', { hasText: ddMMyyyy(saturday) });
    await row.locator('[data-testid="calendar-kind-chip"][data-value="WORKING_DAY"]', { hasText: 'Làm bù' }).waitFor();
    await expect(row.textContent()).resolves.toContain('Thứ Bảy');
    await expect(row.textContent()).resolves.toContain('Làm bù cho ngày nghỉ hoán đổi');
    await screenshot(page, 'calendar-list-admin');

    const listed = await server.gql(
      'query($y: Int!) { calendarDays(year: $y) { day kind } }', { y: Number(saturday.slice(0, 4)) }, admin,
    );
    expect(listed.data!.calendarDays).toContainEqual({ day: saturday, kind: 'WORKING_DAY' });
    await context.close();
  });

  it('ADMIN renames the day, then removes it', async () => {
    const saturday = octoberDay(6);
    const { page, context } = await signIn(browser, server, 'admin');
    await page.goto(`${server.url}/#/CalendarDay`);
    await page.locator('tr', { hasText: ddMMyyyy(saturday) }).click();
    await page.locator('input[name="name"]').fill('Làm bù (đã sửa)');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('tr', { hasText: 'Làm bù (đã sửa)' }).waitFor();

    await page.locator('tr', { hasText: ddMMyyyy(saturday) }).click();
    await page.getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('[data-testid="calendar-kind-chip"]').first().waitFor();
    await expect(page.locator('tr', { hasText: ddMMyyyy(saturday) }).count()).resolves.toBe(0);
    const listed = await server.gql('query($y: Int!) { calendarDays(year: $y) { day } }', { y: Number(saturday.slice(0, 4)) }, admin);
    expect(listed.data!.calendarDays.map((d: { day: string }) => d.day)).not.toContain(saturday);
    await context.close();
  });

  it('a leader on a phone changes the plan’s level 2 threshold and sees it saved', async () => {
    const { page, context } = await signIn(browser, server, 'phochutich', PHONE);
    await page.goto(`${server.url}/#/Plan/${planId}/show/escalation`);
    const summary = page.locator('[data-testid="escalation-summary"]');
    await summary.getByText('Nhắc trước hạn 7, 3, 1 ngày làm việc và đúng ngày đến hạn.').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/cấp 2 \(.+\) sau 3 ngày làm việc/);

    await page.locator('[data-testid="escalation-edit"]').click();
    await page.locator('[data-testid="escalation-level2After"]').fill('5');
    await page.locator('[data-testid="escalation-save"]').click();
    await summary.getByText(/cấp 2 \(.+\) sau 5 ngày làm việc/).waitFor();
    await screenshot(page, 'escalation-policy-leader-phone');

    const saved = await server.gql(POLICY, { id: planId }, admin);
    expect(saved.data!.Plan.escalationPolicy).toEqual({ version: 2, level2After: 5 });

    // Still there after coming back.
    await page.reload();
    await summary.getByText(/cấp 2 \(.+\) sau 5 ngày làm việc/).waitFor();

    // A threshold out of order is refused with the field named, and nothing changes.
    await page.locator('[data-testid="escalation-edit"]').click();
    await page.locator('[data-testid="escalation-level3After"]').fill('2');
    await page.locator('[data-testid="escalation-save"]').click();
    await page.locator('[data-testid="escalation-error"]').waitFor();
    await expect(page.locator('[data-testid="escalation-error"]').textContent()).resolves.toContain('Cấp 3');
    expect((await server.gql(POLICY, { id: planId }, admin)).data!.Plan.escalationPolicy.version).toBe(2);
    await context.close();
  });

  it('an officer reads the settings but gets no edit button, and the API refuses a forged change', async () => {
    const { page, context } = await signIn(browser, server, 'gddt');
    await page.goto(`${server.url}/#/Plan/${planId}/show/escalation`);
    await page.locator('[data-testid="escalation-summary"]').getByText(/Khi quá hạn: cấp 1/).waitFor();
    await expect(page.locator('[data-testid="escalation-edit"]').count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: 'Lịch làm việc' }).count()).resolves.toBe(0);

    const forged = await page.evaluate(async (id) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($id: ID!) { updateEscalationPolicy(planId: $id, version: 2, input: { level2After: 1 }) { level2After } }',
          variables: { id },
        }),
      });
      return res.json();
    }, planId);
    expect(forged.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await server.gql(POLICY, { id: planId }, admin)).data!.Plan.escalationPolicy.level2After).toBe(5);
    await context.close();
  });
});
