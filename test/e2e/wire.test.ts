import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { DESKTOP, launchBrowser } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sign-in page on a 1.6 Mbps provincial link must not cost more than this. */
const SIGN_IN_BUDGET = 350 * 1024;

interface Wire {
  /** Bytes received, as Chromium counts them on the network: headers and compressed bodies. */
  bytes(): number;
  urls(): string[];
  reset(): void;
}

/** Counts what crosses the network for one page, from Chromium's own accounting (CDP Network domain). */
async function watchWire(cdp: CDPSession): Promise<Wire> {
  const urls = new Map<string, string>();
  let bytes = 0;
  let seen: string[] = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    seen.push(urls.get(event.requestId) ?? '');
  });
  await cdp.send('Network.enable');
  return {
    bytes: () => bytes,
    urls: () => seen,
    reset: () => {
      bytes = 0;
      seen = [];
    },
  };
}

async function freshPage(): Promise<{ page: Page; wire: Wire }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const wire = await watchWire(await context.newCDPSession(page));
  return { page, wire };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

describe('what the admin costs on a slow link', { timeout: 120_000 }, () => {
  it('the sign-in page of a first visit stays within 350 KiB on the wire, with no chart code in it', async () => {
    const { page, wire } = await freshPage();
    await page.goto(`${server.url}/#/login`);
    await page.locator('input[name="username"]').waitFor();
    await page.waitForLoadState('networkidle');
    const scripts = wire.urls().filter((url) => url.endsWith('.js'));
    console.info(`sign-in: ${kib(wire.bytes())} on the wire in ${wire.urls().length} responses (${scripts.length} scripts)`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(wire.bytes()).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    expect(scripts.filter((url) => /\/assets\/Dashboard-/.test(url))).toEqual([]);
    await page.context().close();
  });

  it('the overview brings its charts only once the vice-chairman opens it', async () => {
    const { page, wire } = await freshPage();
    await page.goto(`${server.url}/#/login`);
    await page.locator('input[name="username"]').waitFor();
    await page.waitForLoadState('networkidle');
    const signInBytes = wire.bytes();
    wire.reset();
    await page.locator('input[name="username"]').fill('phochutich');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="dashboard"]').waitFor();
    await page.waitForLoadState('networkidle');
    const dashboardScripts = wire.urls().filter((url) => /\/assets\/Dashboard-[\w-]+\.js$/.test(url));
    console.info(`overview after sign-in: ${kib(wire.bytes())} more on the wire (${kib(signInBytes + wire.bytes())} from a first visit)`);
    expect(dashboardScripts).toHaveLength(1);
    await page.context().close();
  });
});
