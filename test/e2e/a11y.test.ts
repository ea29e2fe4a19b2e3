import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { submitThroughApi, unitAssignments, unitId } from './api.js';
import { axeFindings, blocking } from './axe.js';
import { DESKTOP, PHONE, launchBrowser, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let officer: Session;
let leader: Session;
let coordinator: Session;
let submittedId: string;
let draftId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // The review queue needs a row, or its table (and the select-all checkbox) is never drawn.
  const token = await server.login('gddt');
  const waiting = (await unitAssignments(server, token, await unitId(server, token, 'PHONG-GDDT'))).find((a) => a.status === 'NOT_STARTED')!;
  await submitThroughApi(server, token, waiting.id, { progress: 60, note: 'Đã tập huấn 12/20 trường' });
  submittedId = waiting.id;
  // A plan read from its text, for the import's review screen.
  const text = readFileSync(path.resolve(import.meta.dirname, '../../server/db/seed/ke-hoach-ha-trung-2022.txt'), 'utf8');
  const imported = await server.gql<{ importPlan: { id: string } }>('mutation($text: String) { importPlan(text: $text) { id } }', { text }, await server.login('phochutich'));
  draftId = imported.data!.importPlan.id;
  [officer, leader, coordinator] = await Promise.all([
    signIn(browser, server, 'gddt'),
    signIn(browser, server, 'phochutich'),
    signIn(browser, server, 'vhtt'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Screen {
  name: string;
  session: () => Session | null;
  path: string;
  ready: (page: Page, phone: boolean) => Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    session: () => null,
    path: '/#/login',
    ready: async (page) => {
      await page.locator('input[name="username"]').waitFor();
    },
  },
  {
    name: 'dashboard',
    session: () => leader,
    path: '/#/overview',
    ready: async (page) => {
      await page.locator('[data-testid="kpi-completion"]').waitFor();
      await page.locator('[data-testid="unit-ranking"]').first().waitFor();
    },
  },
  {
    name: 'my work',
    session: () => officer,
    path: '/#/my-work',
    ready: async (page) => {
      await page.locator('[data-testid="assignment-card"]').first().waitFor();
    },
  },
  {
    name: 'review',
    session: () => coordinator,
    path: '/#/review',
    ready: async (page, phone) => {
      await page.locator(`[data-testid="${phone ? 'review-row' : 'review-open'}"][data-assignment-id="${submittedId}"]`).waitFor();
    },
  },
  {
    name: 'review panel',
    session: () => coordinator,
    path: '/#/review',
    ready: async (page, phone) => {
      await page.locator(`[data-testid="${phone ? 'review-row' : 'review-open'}"][data-assignment-id="${submittedId}"]`).click();
      await page.locator('[data-testid="review-panel"] [data-testid="evidence-item"]').first().waitFor();
      await page.locator('[data-testid="review-panel"] [data-testid="history"]').waitFor();
      await page.waitForFunction(() => {
        const sheet = document.querySelector('[data-testid="review-panel"]');
        return !!sheet && getComputedStyle(sheet).transform === 'none';
      });
    },
  },
  {
    name: 'plan import',
    session: () => leader,
    path: '/#/PlanDraft/create',
    ready: async (page) => {
      await page.locator('[data-testid="import-text"]').waitFor();
    },
  },
  {
    name: 'plan draft review',
    session: () => leader,
    path: '/#/PlanDraft/:draft',
    ready: async (page) => {
      await page.locator('[data-testid="draft-review"]').waitFor();
      await page.locator('[data-testid="draft-problems"]').waitFor();
      // With a passage marked in the source, as the reviewer sees it while working.
      await page.locator('[name="tasks.0.title"]').focus();
      await page.locator('[data-testid="draft-source"] mark').first().waitFor({ state: 'attached' });
    },
  },
  {
    name: 'a page that does not exist',
    session: () => officer,
    path: '/#/khong-co-trang-nay',
    ready: async (page) => {
      await page.locator('[data-testid="not-found"]').waitFor();
    },
  },
  {
    name: 'assignments',
    session: () => leader,
    path: '/#/Assignment',
    ready: async (page, phone) => {
      await page.locator(phone ? '.MuiList-root a, .MuiList-root li' : 'tbody tr').first().waitFor();
    },
  },
];

async function open(screen: Screen, viewport: typeof DESKTOP): Promise<{ page: Page; close: () => Promise<void> }> {
  const session = screen.session();
  if (session) {
    await session.page.setViewportSize(viewport);
    await session.page.goto(`${server.url}${screen.path.replace(':draft', draftId)}`);
    await session.page.reload();
    return { page: session.page, close: async () => {} };
  }
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(`${server.url}${screen.path}`);
  return { page, close: () => context.close() };
}

describe('every main screen passes axe without a critical or serious finding', { timeout: 180_000 }, () => {
  for (const [label, viewport] of [['1366×768', DESKTOP], ['390×844', PHONE]] as const) {
    for (const screen of SCREENS) {
      it(`${screen.name} at ${label}`, async () => {
        const { page, close } = await open(screen, viewport);
        await screen.ready(page, viewport === PHONE);
        await page.waitForLoadState('networkidle');
        const findings = await axeFindings(page);
        expect(blocking(findings)).toEqual([]);
        // A screen reader user jumps to the page's title first: every screen names itself in one h1.
        expect(await page.locator('h1').count()).toBe(1);
        await close();
      });
    }
  }
});
