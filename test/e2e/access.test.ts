import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ATTACH_EVIDENCE, gqlUpload, samplePdf } from '../helpers/evidence.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { getAssignment, unitAssignments, unitId } from './api.js';
import { card, launchBrowser, openMyWork, signIn, type Session } from './browser.js';

let server: TestServer;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = await server.login('admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TRANSITION = `mutation($id: ID!, $action: AssignmentAction!, $version: Int!, $comment: String) {
  transitionAssignment(id: $id, action: $action, version: $version, comment: $comment) { id version status }
}`;

/** Moves an assignment along through the API, as its own unit would. */
async function advance(token: string, id: string, actions: string[]) {
  for (const action of actions) {
    if (action === 'SUBMIT') {
      const up = await gqlUpload(
        server,
        ATTACH_EVIDENCE,
        { assignmentId: id, files: [null] },
        { 'variables.files.0': { name: 'bien-ban.pdf', content: samplePdf(`${id} ${Date.now()}`), type: 'application/pdf' } },
        token,
      );
      expect(up.errors).toBeUndefined();
    }
    const current = await getAssignment(server, token, id);
    const res = await server.gql(TRANSITION, { id, action, version: current.version }, token);
    expect(res.errors).toBeUndefined();
  }
}

describe('who sees which buttons, and what the API refuses anyway', { timeout: 120_000 }, () => {
  let commune: Session;

  it('a commune officer’s My work holds only their own unit’s work, with buttons for it', async () => {
    commune = await signIn(browser, server, 'xa-habac');
    const token = await server.login('xa-habac');
    const own = await unitAssignments(server, token, await unitId(server, token, 'XA-HABAC'));
    await openMyWork(commune.page, server);
    const shown = await commune.page.locator('[data-testid="assignment-card"]').evaluateAll((cards) =>
      cards.map((c) => c.getAttribute('data-assignment-id')),
    );
    expect(shown.sort()).toEqual(own.map((a) => a.id).sort());
    await expect(card(commune.page, own[0].id).locator('[data-testid="action-START"]').count()).resolves.toBe(1);
  });

  it('the export button downloads the unit’s whole list from the server, in Vietnamese', async () => {
    const { page } = commune;
    const token = await server.login('xa-habac');
    const total = (await server.gql<{ _allAssignmentsMeta: { count: number } }>(
      'query($f: AssignmentFilter) { _allAssignmentsMeta(filter: $f) { count } }',
      { f: { unitId: await unitId(server, token, 'XA-HABAC') } },
      token,
    )).data!._allAssignmentsMeta.count;
    await openMyWork(page, server);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Nhiệm vụ');
    expect(lines).toHaveLength(total + 1);
  });

  it('on another unit’s assignment the commune officer gets no buttons, and a forged request is FORBIDDEN', async () => {
    const other = (await unitAssignments(server, admin, await unitId(server, admin, 'PHONG-GDDT'))).find((a) => a.status === 'NOT_STARTED')!;
    const { page } = commune;
    await page.goto(`${server.url}/#/Assignment/${other.id}/show`);
    await page.getByText('Không có thao tác nào bạn làm được lúc này.').waitFor();
    await expect(page.locator('[data-testid^="action-"]').count()).resolves.toBe(0);

    const forged = await page.evaluate(
      async ({ id, version }) => {
        const res = await fetch('/graphql', {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($id: ID!, $v: Int!) { transitionAssignment(id: $id, action: START, version: $v) { status } }',
            variables: { id, v: version },
          }),
        });
        return res.json();
      },
      { id: other.id, version: other.version },
    );
    expect(forged.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await getAssignment(server, admin, other.id)).status).toBe('NOT_STARTED');
  });

  it('the language switch turns the labels to English and back', async () => {
    const { page } = commune;
    await openMyWork(page, server);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('[data-testid="menu-my-work"]', { hasText: 'My work' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).first().waitFor();
    await expect(page.getByText('Việc của tôi').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
    await page.locator('[data-testid="menu-my-work"]', { hasText: 'Việc của tôi' }).waitFor();
  });
});

describe('two people editing the same assignment', { timeout: 120_000 }, () => {
  it('the second save is refused with a clear message and the card reloads with the first person’s value', async () => {
    const token = await server.login('xa-hason');
    const target = (await unitAssignments(server, token, await unitId(server, token, 'XA-HASON'))).find((a) => a.status === 'NOT_STARTED')!;
    await advance(token, target.id, ['START']);
    const [first, second] = await Promise.all([signIn(browser, server, 'xa-hason'), signIn(browser, server, 'xa-hason')]);
    await Promise.all([openMyWork(first.page, server), openMyWork(second.page, server)]);

    const save = async (s: Session, value: string, note: string) => {
      const mine = card(s.page, target.id);
      await mine.locator('[data-testid="action-UPDATE_PROGRESS"]').click();
      await s.page.locator('[data-testid="progress-input"]').fill(value);
      await s.page.locator('[data-testid="note-input"]').fill(note);
      await s.page.locator('[data-testid="save-progress"]').click();
    };
    await save(first, '30', 'Đã khảo sát 3/10 trường');
    await card(first.page, target.id).locator('[data-testid="progress-value"]', { hasText: '30%' }).waitFor();

    await save(second, '55', 'Số liệu cũ');
    await second.page.getByText('vừa được người khác cập nhật').waitFor();
    await card(second.page, target.id).locator('[data-testid="progress-value"]', { hasText: '30%' }).waitFor();
    await card(second.page, target.id).locator('[data-testid="note-value"]', { hasText: 'Đã khảo sát 3/10 trường' }).waitFor();
    expect(await getAssignment(server, token, target.id)).toMatchObject({ progress: 30, note: 'Đã khảo sát 3/10 trường' });
    await Promise.all([first.context.close(), second.context.close()]);
  });
});

describe('bulk verification on the review screen', { timeout: 120_000 }, () => {
  it('verifies each selected row and reports the one the coordinator may not verify (its own unit’s)', async () => {
    const gddt = await server.login('gddt');
    const vhttToken = await server.login('vhtt');
    const a = (await unitAssignments(server, gddt, await unitId(server, gddt, 'PHONG-GDDT'))).find((x) => x.status === 'NOT_STARTED')!;
    const own = (await unitAssignments(server, vhttToken, await unitId(server, vhttToken, 'PHONG-VHTT'))).find((x) => x.status === 'NOT_STARTED')!;
    await advance(gddt, a.id, ['START', 'SUBMIT']);
    await advance(vhttToken, own.id, ['START', 'SUBMIT']);

    const coordinator = await signIn(browser, server, 'vhtt');
    const { page } = coordinator;
    await page.goto(`${server.url}/#/review`);
    await page.locator(`[data-testid="actions"][data-assignment-id="${a.id}"]`).waitFor();
    await page.locator('thead input[type="checkbox"]').check();
    await page.locator('[data-testid="bulk-verify"]').click();
    // Both were sent at 0%: the queue names them and asks before verifying them as done.
    await expect(page.locator('[data-testid="bulk-verify-dialog"] li').count()).resolves.toBe(2);
    await page.locator('[data-testid="bulk-verify-confirm"]').click();
    await page.locator('[data-testid="bulk-failures"]').waitFor();
    expect(await page.locator('[data-testid="bulk-failures"]').textContent()).toContain('Phòng Văn hóa và Thông tin');
    expect((await getAssignment(server, admin, a.id)).status).toBe('DONE');
    expect((await getAssignment(server, admin, own.id)).status).toBe('SUBMITTED');
    await coordinator.context.close();
  });
});
