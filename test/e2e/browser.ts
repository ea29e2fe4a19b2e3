import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { samplePdf } from '../helpers/evidence.js';
import { DEMO_PASSWORD, type TestServer } from '../helpers/server.js';


export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../screenshots');
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests the page made to anywhere but the API's own origin. */
  foreignRequests: string[];
  /** GraphQL requests asking for the schema: production refuses them to everyone but administrators. */
  introspections: string[];
}

/** A fresh browser profile signed in through the sign-in form, as the person would. */
export async function signIn(browser: Browser, server: TestServer, username: string, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  // Generous: the run shares two cores with the API, PostgreSQL and the other test files.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const introspections: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.endsWith('/graphql') && /__schema|__type\b/.test(request.postData() ?? '')) introspections.push(request.postData()!.slice(0, 200));
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(`${server.url}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  return { context, page, foreignRequests, introspections };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export function card(page: Page, assignmentId: string): Locator {
  return page.locator(`[data-testid="assignment-card"][data-assignment-id="${assignmentId}"]`);
}

/** Opens My work afresh (a full load, as after coming back to the app later). */
export async function openMyWork(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/#/my-work`);
  await page.reload();
  await page.locator('[data-testid="assignment-card"]').first().waitFor();
}

export interface PanelFile {
  name: string;
  buffer: Buffer;
  mimeType?: string;
}

/**
 * Chooses a file in an evidence upload panel (inside `scope`, e.g. an assignment card), describes it
 * and presses upload, as an officer would; resolves once the panel reports success or an error.
 */
export async function uploadThroughPanel(scope: Locator, file: PanelFile, description: string): Promise<'done' | 'error'> {
  await scope.locator('[data-testid="evidence-file-input"]').setInputFiles({
    name: file.name,
    mimeType: file.mimeType ?? 'application/pdf',
    buffer: file.buffer,
  });
  await scope.locator('[data-testid="evidence-description"]').last().fill(description);
  await scope.locator('[data-testid="evidence-upload-button"]').click();
  const done = scope.locator('[data-testid="evidence-upload-done"]');
  const error = scope.locator('[data-testid="evidence-upload-error"]');
  await done.or(error).first().waitFor();
  return (await done.count()) > 0 ? 'done' : 'error';
}

/**
 * Sends an assignment for review from My work: the one place the submit step lives. The API requires
 * evidence before SUBMIT, so the officer first attaches a PDF in the card's evidence panel, then
 * presses the button on the card the upload reloaded.
 */
export async function submitForReview(page: Page, server: TestServer, assignmentId: string): Promise<void> {
  await openMyWork(page, server);
  const assignmentCard = card(page, assignmentId);
  const before = Number((await assignmentCard.getAttribute('data-evidence-count')) ?? 0);
  const result = await uploadThroughPanel(
    assignmentCard,
    { name: 'bien-ban.pdf', buffer: samplePdf(`Biên bản ${assignmentId} ${Date.now()}`) },
    'Biên bản kết quả',
  );
  if (result !== 'done') throw new Error(`evidence upload refused: ${await assignmentCard.locator('[data-testid="evidence-upload-error"]').textContent()}`);
  // The upload reloads the card: press the button the fresh assignment offers, with its fresh version.
  await page.locator(`[data-testid="assignment-card"][data-assignment-id="${assignmentId}"][data-evidence-count="${before + 1}"]`).waitFor();
  await assignmentCard.locator('[data-testid="action-SUBMIT"]').click();
  await assignmentCard.locator('[data-testid="status-chip"][data-value="SUBMITTED"]').waitFor();
}
