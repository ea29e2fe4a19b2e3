import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { DESKTOP, PHONE, launchBrowser, signIn } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('searching without diacritics, in the browser', { timeout: 120_000 }, () => {
  for (const viewport of [DESKTOP, PHONE]) {
    it(`"ha bac" typed without marks lists Hà Bắc's assignments, at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await signIn(browser, server, 'phochutich', viewport);
      await page.goto(`${server.url}/#/Assignment`);
      const search = page.locator('input[name="q"]');
      await search.fill('ha bac');
      // Every row shown is Hà Bắc's, and there are as many as the API finds for "Hà Bắc" with its marks.
      const rows = page.locator(viewport === PHONE ? '.MuiList-root a' : 'tbody tr');
      await page.waitForFunction(
        (selector) => {
          const found = [...document.querySelectorAll(selector)];
          return found.length > 0 && found.every((row) => row.textContent?.includes('Hà Bắc'));
        },
        viewport === PHONE ? '.MuiList-root a' : 'tbody tr',
        { timeout: 20_000 },
      );
      const leader = await server.login('phochutich');
      const api = await server.gql<{ _allAssignmentsMeta: { count: number } }>('{ _allAssignmentsMeta(filter: { q: "Hà Bắc" }) { count } }', {}, leader);
      const total = api.data!._allAssignmentsMeta.count;
      expect(total).toBeGreaterThan(0);
      // The list's first page of 10.
      expect(await rows.count()).toBe(Math.min(total, 10));
      await page.context().close();
    });
  }
});
