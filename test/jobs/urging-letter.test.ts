import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import mammoth from 'mammoth';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { findAssignment, planId as findPlanId, step } from '../helpers/queries.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { JOBS, JobName, QueueName, type JobContext } from '../../jobs/registry.js';
import { loadWorkingCalendar } from '../../server/modules/calendar/calendar.service.js';
import { today } from '../../server/shared/dates.js';
import { silentLogger } from '../../server/shared/logger.js';

let server: TestServer;
let workers: Workers;
let events: QueueEvents;
let leader: string;
let planId: string;
let gddtId: string;

const LETTER_FIELDS = `id state day automatic assignmentCount assignmentIds fileName byteSize generatedAt error downloadUrl
  planId unitId requestedByName unit { code name } plan { id }`;
const URGE = `mutation($planId: ID!, $unitId: ID!) { urgeUnit(planId: $planId, unitId: $unitId) { ${LETTER_FIELDS} } }`;
const LETTER = `query($id: ID!) { urgingLetter(id: $id) { ${LETTER_FIELDS} } }`;
const LETTERS = `query($planId: ID!, $unitId: ID) { urgingLetters(planId: $planId, unitId: $unitId) { id unitId state } }`;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  server.app.orm.em.getConnection().execute<T[]>(text, params);

async function unitId(code: string): Promise<string> {
  const [row] = await sql<{ id: string }>('select id from unit where code = ?', [code]);
  return row.id;
}

async function jobContext(): Promise<JobContext> {
  return { em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, queues: server.app.queues, log: silentLogger };
}

/** Waits for the letter's own job, enqueued by urgeUnit under the id letter-<id>. */
async function letterWritten(letterId: string) {
  const job = (await server.app.queues.letters.getJob(`letter-${letterId}`))!;
  return job.waitUntilFinished(events, 30_000);
}

const download = (id: string, token?: string) =>
  fetch(`${server.url}/letters/${id}/download`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

beforeAll(async () => {
  server = await startTestServer();
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.LETTERS, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
  leader = await server.login('phochutich');
  planId = await findPlanId(server, leader);
  gddtId = await unitId('PHONG-GDDT');
});
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
});

describe('urging letters (văn bản đôn đốc)', () => {
  let letterId: string;

  it('a leader urges a unit with late work: the job writes a Decree 30 letter naming each late task, with its due date and working days late', async () => {
    const officer = await server.login('gddt');
    // Work submitted waits on the reviewer, not the unit: the letter leaves it out.
    const submitted = await findAssignment(server, officer, 'PHONG-GDDT', '3');
    await step(server, officer, await step(server, officer, submitted, 'START'), 'SUBMIT');
    const started = await findAssignment(server, officer, 'PHONG-GDDT', '4');
    await step(server, officer, started, 'START');

    const res = await server.gql(URGE, { planId, unitId: gddtId }, leader);
    expect(res.errors).toBeUndefined();
    const requested = res.data!.urgeUnit;
    expect(requested).toMatchObject({ state: 'PENDING', day: today(), automatic: false, requestedByName: 'Hoàng Văn Long', downloadUrl: null });
    letterId = requested.id;

    expect(await letterWritten(letterId)).toMatchObject({ state: 'READY', assignmentCount: 3, notified: 1 });
    const letter = (await server.gql(LETTER, { id: letterId }, leader)).data!.urgingLetter;
    expect(letter).toMatchObject({
      state: 'READY', assignmentCount: 3, unitId: gddtId, planId, unit: { code: 'PHONG-GDDT' }, plan: { id: planId },
      downloadUrl: `/letters/${letterId}/download`, error: null,
    });
    expect(letter.fileName).toBe(`Don-doc-PHONG-GDDT-${today().split('-').reverse().join('-')}.docx`);

    const response = await download(letterId, leader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${letter.fileName}"; filename*=UTF-8''${letter.fileName}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(letter.byteSize);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;

    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN HÀ TRUNG');
    expect(text).toMatch(/Số: {3,}\/UBND-VP/);
    expect(text).toContain('V/v đôn đốc thực hiện Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số');
    const [y, m, d] = today().split('-').map(Number);
    expect(text).toContain(`Hà Trung, ngày ${String(d).padStart(d < 10 ? 2 : 1, '0')} tháng ${String(m).padStart(m < 3 ? 2 : 1, '0')} năm ${y}`);
    expect(text).toContain('Kính gửi: Phòng Giáo dục và Đào tạo');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Phòng Văn hóa và Thông tin;');
    expect(text).toContain('- Lưu: VT.');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Hoàng Văn Long');

    const calendar = await loadWorkingCalendar(server.app.orm.em.fork());
    const named = await sql<{ id: string; number: string; title: string; due: string }>(
      `select a.id, t.number, t.title, to_char(a.due_date, 'YYYY-MM-DD') as due from assignment a join task t on t.id = a.task_id
        join unit u on u.id = a.unit_id where u.code = 'PHONG-GDDT' and a.status in ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED') order by t.position`,
    );
    expect(named.map((row) => row.number)).toEqual(['1.1', '1.2', '4']);
    expect([...letter.assignmentIds].sort()).toEqual(named.map((row) => row.id).sort());
    const rows = text.split(/\n+/);
    for (const row of named) {
      const at = rows.indexOf(`${row.number}. ${row.title}`);
      expect(at, `task ${row.number} in the table`).toBeGreaterThan(0);
      expect(rows[at + 1]).toBe(ddmmyyyy(row.due));
      expect(rows[at + 2]).toBe(String(calendar.workingDaysBetween(row.due, today())));
    }
    expect(rows[rows.indexOf(`4. ${named[2].title}`) + 3]).toBe('Đang thực hiện (0%)');
    expect(rows.filter((row) => row.startsWith('3. '))).toEqual([]);
    expect(text).toContain(`trước ngày ${ddmmyyyy(calendar.addWorkingDays(today(), 5))}`);
  });

  it('each named assignment records URGE in its history, status unchanged, and the unit’s officer is notified', async () => {
    for (const number of ['1.1', '1.2', '4']) {
      const assignment = await findAssignment(server, leader, 'PHONG-GDDT', number);
      const urge = assignment.history.filter((h: any) => h.action === 'URGE');
      expect(urge).toHaveLength(1);
      expect(urge[0]).toMatchObject({ fromStatus: assignment.status, toStatus: assignment.status, actorUsername: 'phochutich' });
      expect(urge[0].comment).toMatch(/^Văn bản đôn đốc Don-doc-PHONG-GDDT-/);
    }
    const submitted = await findAssignment(server, leader, 'PHONG-GDDT', '3');
    expect(submitted.history.some((h: any) => h.action === 'URGE')).toBe(false);

    const notes = await sql<{ username: string; kind: string; dedupe_key: string; title: string }>(
      `select u.username, n.kind, n.dedupe_key, n.title from notification n join app_user u on u.id = n.user_id where n.letter_id = ?`,
      [letterId],
    );
    expect(notes).toEqual([{ username: 'gddt', kind: 'URGING_LETTER', dedupe_key: `letter:${letterId}`, title: 'Văn bản đôn đốc: 3 nhiệm vụ chậm hạn' }]);
  });

  it('a letter job delivered again, or the sweep after it, changes nothing', async () => {
    const before = await sql(`select state, generated_at, byte_size, version from urging_letter where id = ?`, [letterId]);
    const marks = async () =>
      (await sql(`select (select count(*) from status_change where action = 'URGE') as urges, (select count(*) from notification) as notes`))[0];
    const counted = await marks();
    expect(await server.app.queues.renderLetter(letterId)).toBe(`letter-${letterId}`);
    expect(await JOBS[JobName.URGING_LETTER].handler(await jobContext(), { letterId })).toEqual({ state: 'skipped' });
    expect(await JOBS[JobName.PENDING_LETTERS].handler(await jobContext(), {})).toEqual({
      ready: 0, failed: 0, skipped: 0, errors: 0, reports: { ready: 0, failed: 0, skipped: 0, errors: 0 },
    });
    expect(await sql(`select state, generated_at, byte_size, version from urging_letter where id = ?`, [letterId])).toEqual(before);
    expect(await marks()).toEqual(counted);
  });

  it('the urged unit reads its letter; another unit’s officer gets 403, an unknown letter 404', async () => {
    const officer = await server.login('gddt');
    expect((await download(letterId, officer)).status).toBe(200);
    expect((await download(letterId, await server.login('admin'))).status).toBe(200);
    expect((await download(letterId, await server.login('vhtt'))).status).toBe(200);
    const other = await server.login('xa-habac');
    const refused = await download(letterId, other);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download(letterId)).status).toBe(401);
    expect((await download(randomUUID(), leader)).status).toBe(404);

    expect((await server.gql(LETTERS, { planId }, officer)).data!.urgingLetters.map((l: any) => l.id)).toEqual([letterId]);
    expect((await server.gql(LETTERS, { planId }, other)).data!.urgingLetters).toEqual([]);
    expect((await server.gql(LETTERS, { planId, unitId: gddtId }, other)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.gql(LETTER, { id: letterId }, other)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('only the leadership and the coordinating office may urge: an officer and a unit head are refused', async () => {
    const admin = await server.login('admin');
    const created = await server.gql(
      `mutation($unitId: ID!) { createUser(username: "truongphong-gddt", fullName: "Trưởng phòng GD&ĐT", role: UNIT_HEAD, unitId: $unitId, password: "mot-mat-khau-du-dai") { id } }`,
      { unitId: gddtId },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const head = await server.login('truongphong-gddt', 'mot-mat-khau-du-dai');
    for (const token of [await server.login('gddt'), head, admin]) {
      const res = await server.gql(URGE, { planId, unitId: gddtId }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const coordinator = await server.login('vhtt');
    const res = await server.gql(URGE, { planId, unitId: await unitId('XA-HABAC') }, coordinator);
    expect(res.data!.urgeUnit.state).toBe('PENDING');
    // A commune's late work: its 5 coordinating parts and the 6 tasks it leads at its own facilities.
    expect(await letterWritten(res.data!.urgeUnit.id)).toMatchObject({ state: 'READY', assignmentCount: 11 });
    // The unit head now receives the unit's next letter.
    const again = await server.gql(URGE, { planId, unitId: gddtId }, coordinator);
    await letterWritten(again.data!.urgeUnit.id);
    const heads = await sql(`select 1 from notification n join app_user u on u.id = n.user_id where u.username = 'truongphong-gddt' and n.letter_id = ?`, [
      again.data!.urgeUnit.id,
    ]);
    expect(heads).toHaveLength(1);
  });

  it('a unit with no late work in the plan is not urged', async () => {
    const res = await server.gql(URGE, { planId, unitId: await unitId('UBND-HUYEN') }, leader);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_LATE_WORK' });
    expect((await server.gql(URGE, { planId: randomUUID(), unitId: gddtId }, leader)).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('the minute sweep writes the letters the escalation ladder drafted; a letter not written yet answers 409', async () => {
    const halong = await unitId('XA-HALONG');
    const [auto] = await sql<{ id: string }>(
      `insert into urging_letter (id, created_at, updated_at, version, plan_id, unit_id, automatic, day, state, assignment_ids, assignment_count, dedupe_key)
       values (gen_random_uuid(), now(), now(), 1, ?, ?, true, '2023-01-05', 'PENDING', '{}', 0, ?) returning id`,
      [planId, halong, `auto:${planId}:${halong}:2023-01-05`],
    );
    const pending = await download(auto.id, leader);
    expect(pending.status).toBe(409);
    expect((await pending.json()).errors[0].extensions).toMatchObject({ code: 'CONFLICT', state: 'PENDING' });

    const job = await server.app.queues.letters.add(JobName.PENDING_LETTERS, {});
    expect(await job.waitUntilFinished(events, 30_000)).toEqual({
      ready: 1, failed: 0, skipped: 0, errors: 0, reports: { ready: 0, failed: 0, skipped: 0, errors: 0 },
    });
    const letter = (await server.gql(LETTER, { id: auto.id }, leader)).data!.urgingLetter;
    expect(letter).toMatchObject({ state: 'READY', automatic: true, requestedByName: null, assignmentCount: 11 });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await (await download(auto.id, leader)).arrayBuffer()) })).value;
    // Late work and days late are counted as of the letter's own day: 31/12/2022 (Saturday) → 05/01/2023 is 3 working days (02/01 is the New Year day off).
    expect(text).toContain('Hà Trung, ngày 05 tháng 01 năm 2023');
    const rows = text.split(/\n+/);
    expect(rows[rows.indexOf('31/12/2022') + 1]).toBe('3');
    const urges = await sql(`select actor_id from status_change where action = 'URGE' and comment like '%soạn tự động%'`);
    expect(urges).toHaveLength(11);
    expect(urges.every((row) => row.actor_id === null)).toBe(true);

    const listed = (await server.gql(LETTERS, { planId }, leader)).data!.urgingLetters;
    expect(listed[0].id).toBe(auto.id);
    expect(listed).toHaveLength(4);
  });
});
