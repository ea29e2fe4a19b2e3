import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { unitAssignments, unitId } from './api.js';
import { PHONE, card, launchBrowser, openMyWork, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let officer: Session;
let admin: Session;
let workId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const token = await server.login('xa-hachau');
  workId = (await unitAssignments(server, token, await unitId(server, token, 'XA-HACHAU'))).find((a) => a.status === 'NOT_STARTED')!.id;
  [officer, admin] = await Promise.all([signIn(browser, server, 'xa-hachau', PHONE), signIn(browser, server, 'admin', PHONE)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('details of the admin on a 390×844 phone', { timeout: 120_000 }, () => {
  it('the progress slider has room to be dragged beside the number box', async () => {
    const { page } = officer;
    await openMyWork(page, server);
    const mine = card(page, workId);
    await mine.locator('[data-testid="action-START"]').click();
    await mine.locator('[data-testid="status-chip"][data-value="IN_PROGRESS"]').waitFor();
    await mine.locator('[data-testid="action-UPDATE_PROGRESS"]').click();
    const slider = (await page.locator('[data-testid="progress-slider"]').boundingBox())!;
    expect(slider.width).toBeGreaterThan(150);
    await page.getByRole('button', { name: 'Hủy' }).click();
  });

  it('an error message drops from the top, clear of the card’s buttons at the bottom', async () => {
    const { page } = officer;
    const mine = card(page, workId);
    // Sending without evidence is refused: the message says where to attach it.
    await mine.locator('[data-testid="action-SUBMIT"]').scrollIntoViewIfNeeded();
    await mine.locator('[data-testid="action-SUBMIT"]').click();
    const message = page.locator('.MuiSnackbar-root', { hasText: 'Chưa gửi được' });
    await message.waitFor();
    const toast = (await message.boundingBox())!;
    expect(toast.y + toast.height).toBeLessThan(PHONE.height / 2);
    for (const button of await mine.locator('[data-testid="actions"] button').all()) {
      expect(overlaps(toast, (await button.boundingBox())!)).toBe(false);
    }
  });

  it('a page that does not exist says so in one sentence with one full stop', async () => {
    const { page } = officer;
    await page.goto(`${server.url}/#/khong-co-trang-nay`);
    const text = await page.locator('[data-testid="not-found"]').innerText();
    expect(text).toContain('Địa chỉ không đúng hoặc liên kết đã hỏng.');
    expect(text).not.toContain('..');
    await expect(page.locator('h1').textContent()).resolves.toBe('Không tìm thấy');
  });

  it('an assignment not yet started shows — for its empty dates, as for its empty note', async () => {
    const { page } = officer;
    const token = await server.login('xa-hachau');
    const untouched = (await unitAssignments(server, token, await unitId(server, token, 'XA-HACHAU'))).find((a) => a.status === 'NOT_STARTED')!;
    await page.goto(`${server.url}/#/Assignment/${encodeURIComponent(untouched.id)}/show`);
    await page.locator('.ra-field-startedAt').waitFor();
    for (const field of ['startedAt', 'submittedAt', 'completedAt', 'note']) {
      const value = (await page.locator(`.ra-field-${field}`).innerText()).split('\n').filter(Boolean)[1];
      expect({ field, value }).toEqual({ field, value: '—' });
    }
  });

  it('the create button floats clear of the last target (T5.2) once the list is scrolled to its end', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/Target`);
    const rows = page.locator('.MuiList-root li');
    await rows.filter({ hasText: /^T5/ }).first().waitFor();
    await page.mouse.wheel(0, 5_000);
    await page.waitForFunction(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
    const last = (await rows.last().boundingBox())!;
    const create = (await page.locator('.MuiFab-root').boundingBox())!;
    expect(overlaps(last, create)).toBe(false);
  });
});
