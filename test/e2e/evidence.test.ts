import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { attachEvidence, samplePdf, sha256 } from '../helpers/evidence.js';
import { TRANSITION } from '../helpers/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { unitAssignments, unitId } from './api.js';
import { DESKTOP, PHONE, card, launchBrowser, openMyWork, screenshot, signIn, uploadThroughPanel, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let officer: Session;
let coordinator: Session;
let officerToken: string;
let adminToken: string;
/** The assignment the officer proves and the coordinator verifies. */
let provedId: string;
/** A second one, where the officer tries to attach a disguised program. */
let refusedId: string;

const PDF = { name: 'bien-ban-tap-huan.pdf', buffer: samplePdf('Biên bản tập huấn chuyển đổi số, xã Hà Bắc') };
/** A Windows program ("MZ" header) named as a PDF: the server decides on the bytes, not the name. */
const DISGUISED = { name: 'bao-cao-quy-3.pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]) };

const EVIDENCE_OF = `query($id: ID!) { Assignment(id: $id) { status version evidenceCount evidence { originalName description sha256 } } }`;

async function evidenceOf(id: string) {
  const res = await server.gql<{ Assignment: { status: string; version: number; evidenceCount: number; evidence: any[] } }>(EVIDENCE_OF, { id }, adminToken);
  return res.data!.Assignment;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  [officerToken, adminToken] = await Promise.all([server.login('xa-habac'), server.login('admin')]);
  const waiting = (await unitAssignments(server, officerToken, await unitId(server, officerToken, 'XA-HABAC'))).filter((a) => a.status === 'NOT_STARTED');
  [provedId, refusedId] = [waiting[0].id, waiting[1].id];
  [officer, coordinator] = await Promise.all([signIn(browser, server, 'xa-habac'), signIn(browser, server, 'vhtt')]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('evidence in My work and on the review screen', { timeout: 120_000 }, () => {
  it('an officer cannot submit without evidence and is told where to attach it', async () => {
    const { page } = officer;
    await openMyWork(page, server);
    const mine = card(page, provedId);
    await mine.locator('[data-testid="action-START"]').click();
    await mine.locator('[data-testid="status-chip"][data-value="IN_PROGRESS"]').waitFor();
    await mine.locator('[data-testid="evidence-dropzone"]').waitFor();
    await mine.locator('[data-testid="evidence-needed"]').waitFor();

    await mine.locator('[data-testid="action-SUBMIT"]').click();
    const message = page.getByText(/Chưa gửi được: cần đính kèm ít nhất một minh chứng/);
    await message.waitFor();
    expect(await message.textContent()).toContain('“Minh chứng”');
    expect((await evidenceOf(provedId)).status).toBe('IN_PROGRESS');
  });

  it('the officer attaches a PDF with a description in the card’s panel, sees it listed, and submits', async () => {
    const { page } = officer;
    const mine = card(page, provedId);
    expect(await uploadThroughPanel(mine, PDF, 'Biên bản buổi tập huấn ngày 12/3')).toBe('done');
    const item = mine.locator('[data-testid="evidence-item"]');
    await item.filter({ hasText: PDF.name }).waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Biên bản buổi tập huấn ngày 12/3');
    await page.locator(`[data-testid="assignment-card"][data-assignment-id="${provedId}"][data-evidence-count="1"]`).waitFor();
    await expect(mine.locator('[data-testid="evidence-needed"]').count()).resolves.toBe(0);

    const stored = await evidenceOf(provedId);
    expect(stored.evidence).toEqual([{ originalName: PDF.name, description: 'Biên bản buổi tập huấn ngày 12/3', sha256: sha256(PDF.buffer) }]);

    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'my-work-evidence-desktop');
    await page.setViewportSize(PHONE);
    await mine.locator('[data-testid="evidence-dropzone"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'my-work-evidence-phone');
    await page.setViewportSize(DESKTOP);

    await mine.locator('[data-testid="action-SUBMIT"]').click();
    await mine.locator('[data-testid="status-chip"][data-value="SUBMITTED"]').waitFor();
    // Once submitted the evidence is locked: listed, but no upload panel and no "Gỡ".
    await mine.locator('[data-testid="evidence-count"]').click();
    await mine.locator('[data-testid="evidence-item"]').waitFor();
    await expect(mine.locator('[data-testid="evidence-dropzone"]').count()).resolves.toBe(0);
    await expect(mine.locator('[data-testid="evidence-remove"]').count()).resolves.toBe(0);
    await mine.getByText(/Lịch sử xử lý/).click();
    await mine.locator('[data-testid="history"]').getByText(/· Đính kèm minh chứng —/).waitFor();
    await mine.locator('[data-testid="history-comment"]', { hasText: PDF.name }).waitFor();
    expect((await evidenceOf(provedId)).status).toBe('SUBMITTED');
  });

  it('the coordinator sees the evidence beside verify and return, and downloads exactly the uploaded bytes', async () => {
    const { page } = coordinator;
    const button = page.locator(`[data-testid="review-open"][data-assignment-id="${provedId}"]`);
    const dialog = page.locator('[data-testid="review-panel"]');
    // On a phone the queue is a simple list; tapping the row opens the panel full screen.
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/#/review`);
    await page.reload();
    await page.locator(`[data-testid="review-row"][data-assignment-id="${provedId}"]`).click();
    await dialog.locator('[data-testid="evidence-item"]', { hasText: PDF.name }).waitFor();
    await screenshot(page, 'review-evidence-phone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.setViewportSize(DESKTOP);

    await button.click();
    await dialog.locator('[data-testid="evidence-item"]', { hasText: PDF.name }).waitFor();
    await expect(dialog.locator('[data-testid="action-VERIFY"]').count()).resolves.toBe(1);
    await expect(dialog.locator('[data-testid="action-RETURN"]').count()).resolves.toBe(1);
    await expect(dialog.locator('[data-testid="evidence-dropzone"]').count()).resolves.toBe(0);
    await expect(dialog.locator('[data-testid="evidence-remove"]').count()).resolves.toBe(0);
    await screenshot(page, 'review-evidence-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid="evidence-download"]').first().click()]);
    expect(download.suggestedFilename()).toBe(PDF.name);
    const bytes = await readFile((await download.path())!);
    expect(sha256(bytes)).toBe(sha256(PDF.buffer));
    expect(bytes.equals(PDF.buffer)).toBe(true);

    await dialog.locator('[data-testid="action-VERIFY"]').click();
    await page.locator('[data-testid="verify-below-full"]').waitFor();
    await page.locator('[data-testid="confirm-action"]').click();
    await dialog.waitFor({ state: 'detached' });
    await button.waitFor({ state: 'detached' });
    expect((await evidenceOf(provedId)).status).toBe('DONE');
  });

  it('a program renamed .pdf is refused in the panel with a clear message, and nothing is listed', async () => {
    const start = await server.gql(TRANSITION, { id: refusedId, action: 'START', version: (await evidenceOf(refusedId)).version }, officerToken);
    expect(start.errors).toBeUndefined();
    const { page } = officer;
    await openMyWork(page, server);
    const mine = card(page, refusedId);
    expect(await uploadThroughPanel(mine, DISGUISED, 'Báo cáo quý 3')).toBe('error');
    const error = await mine.locator('[data-testid="evidence-upload-error"]').textContent();
    expect(error).toContain(DISGUISED.name);
    expect(error).toContain('Không nhận tệp chương trình');
    await mine.locator('[data-testid="evidence-empty"]').waitFor();
    await expect(mine.locator('[data-testid="evidence-item"]').count()).resolves.toBe(0);
    // The refused file is taken out of the chosen ones, so the next upload does not carry it again.
    await expect(mine.locator('[data-testid="evidence-chosen"]').count()).resolves.toBe(0);
    await expect(mine.locator('[data-testid="evidence-upload-done"]').count()).resolves.toBe(0);
    const stored = await evidenceOf(refusedId);
    expect(stored).toMatchObject({ evidenceCount: 0, evidence: [] });
  });

  it('the officer removes a wrong file with a reason: gone from their list, shown as removed to the coordinator on the assignment page', async () => {
    const { page } = officer;
    const mine = card(page, refusedId);
    const wrong = { name: 'danh-sach-nham.pdf', buffer: samplePdf('Danh sách tải nhầm') };
    expect(await uploadThroughPanel(mine, wrong, 'Tải nhầm')).toBe('done');
    await mine.locator('[data-testid="evidence-item"]', { hasText: wrong.name }).waitFor();

    await mine.locator('[data-testid="evidence-remove"]').click();
    await expect(page.locator('[data-testid="evidence-remove-confirm"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid="evidence-remove-reason"]').fill('Tải nhầm danh sách có số điện thoại cá nhân');
    await page.locator('[data-testid="evidence-remove-confirm"]').click();
    await mine.locator('[data-testid="evidence-empty"]').waitFor();
    await page.locator(`[data-testid="assignment-card"][data-assignment-id="${refusedId}"][data-evidence-count="0"]`).waitFor();
    expect(await evidenceOf(refusedId)).toMatchObject({ evidenceCount: 0, evidence: [] });

    const reviewer = coordinator.page;
    await reviewer.goto(`${server.url}/#/Assignment/${refusedId}/show`);
    const removed = reviewer.locator('[data-testid="evidence-item"]', { hasText: wrong.name });
    await removed.waitFor();
    expect(await removed.textContent()).toContain('Đã gỡ');
    expect(await removed.textContent()).toContain('Tải nhầm danh sách có số điện thoại cá nhân');
    await expect(reviewer.locator('[data-testid="evidence-dropzone"]').count()).resolves.toBe(0);
  });

  it('a PDF uploaded as .html is listed and saved as .pdf; another unit reads in the history that it was attached, not its name', async () => {
    const polyglot = Buffer.concat([samplePdf('So lieu tong hop'), Buffer.from('<html><script>alert(document.cookie)</script></html>\n')]);
    const res = await attachEvidence(server, officerToken, refusedId, [{ name: 'so-lieu-tong-hop.html', content: polyglot, type: 'text/html' }]);
    expect(res.errors).toBeUndefined();

    const reviewer = coordinator.page;
    await reviewer.goto(`${server.url}/#/Assignment/${refusedId}/show`);
    await reviewer.reload();
    const item = reviewer.locator('[data-testid="evidence-item"]', { hasText: 'so-lieu-tong-hop.pdf' });
    await item.waitFor();
    expect(await item.locator('[data-testid="evidence-download"]').textContent()).toBe('so-lieu-tong-hop.pdf');
    expect(await item.locator('[data-testid="evidence-uploaded-as"]').textContent()).toBe('Tên khi tải lên: so-lieu-tong-hop.html');
    const [download] = await Promise.all([reviewer.waitForEvent('download'), item.locator('[data-testid="evidence-download"]').click()]);
    expect(download.suggestedFilename()).toBe('so-lieu-tong-hop.pdf');
    expect((await readFile((await download.path())!)).equals(polyglot)).toBe(true);
    await reviewer.locator('[data-testid="history-comment"]', { hasText: 'Đính kèm minh chứng: so-lieu-tong-hop.pdf' }).waitFor();

    const other = await signIn(browser, server, 'gddt');
    try {
      await other.page.goto(`${server.url}/#/Assignment/${refusedId}/show`);
      const history = other.page.locator('[data-testid="history"]');
      await history.getByText(/· Gỡ minh chứng —/).waitFor();
      await expect(history.getByText(/· Đính kèm minh chứng —/).count()).resolves.toBe(2);
      const text = await history.textContent();
      expect(text).not.toMatch(/so-lieu-tong-hop|danh-sach-nham|số điện thoại/);
      await expect(other.page.locator('[data-testid="evidence-item"]').count()).resolves.toBe(0);
    } finally {
      await other.context.close();
    }
  });
});
