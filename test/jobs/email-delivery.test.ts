import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { JobName, QueueName, type JobContext } from '../../jobs/registry.js';
import { runEmailDigest } from '../../jobs/email-digest/email-digest.job.js';
import { silentLogger } from '../../server/shared/logger.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { eventually } from '../helpers/webhook-receiver.js';

let server: TestServer;
let workers: Workers;
let events: QueueEvents;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

const DAY = '2026-11-20';

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({
    SMTP_URL: sink.url,
    EMAIL_FROM: 'Tiến độ Hà Trung <tiendo@hatrung.thanhhoa.gov.vn>',
    PUBLIC_URL: 'https://tiendo.hatrung.thanhhoa.gov.vn/',
    EMAIL_RETRY_BASE_SECONDS: '60',
    EMAIL_MAX_ATTEMPTS: '3',
  });
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.EMAIL, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
}, 60_000);
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
  await sink?.close();
});

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().execute<T[]>(query, params);

async function run(name: string, data: object = {}) {
  const job = await server.app.queues.email.add(name, data);
  return job.waitUntilFinished(events, 20_000);
}

async function notify(username: string, title: string, body: string, options: { urgent?: boolean; assignment?: boolean } = {}) {
  await sql(
    `insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, assignment_id, dedupe_key)
     select gen_random_uuid(), now(), now(), 1, u.id, 'ESCALATION', ?, ?, ?::date, ?,
            case when ? then (select a.id from assignment a where a.unit_id = u.unit_id order by a.id limit 1) end,
            gen_random_uuid()::text
       from app_user u where u.username = ?`,
    [title, body, DAY, options.urgent ?? false, options.assignment ?? false, username],
  );
}

async function pendingRow(dedupeKey: string, to: string) {
  const [row] = await sql<{ id: string }>(
    `insert into outbox_email (id, created_at, updated_at, version, to_address, subject, text, dedupe_key, state, attempts, next_attempt_at)
     values (gen_random_uuid(), now(), now(), 1, ?, 'Đôn đốc khẩn: nhiệm vụ 4 quá hạn', 'Nhiệm vụ 4 đã quá hạn 7 ngày làm việc.', ?, 'PENDING', 0, now())
     returning id`,
    [to, dedupeKey],
  );
  return row.id;
}

describe('e-mail through the outbox', () => {
  it('the daily digest sends one Vietnamese mail per user with an address, listing the day\'s non-urgent notifications with links, once', async () => {
    await sql(`update app_user set email = username || '@hatrung.gov.vn' where username in ('gddt', 'vhtt')`);
    await notify('gddt', 'Sắp đến hạn: nhiệm vụ 4', 'Nhiệm vụ 4 đến hạn ngày 31/12/2022.', { assignment: true });
    await notify('gddt', 'Công việc bị trả lại', 'Phòng Văn hóa và Thông tin trả lại báo cáo nhiệm vụ 3.');
    await notify('gddt', 'Đôn đốc cấp 3', 'Đã gửi lãnh đạo UBND.', { urgent: true });
    await notify('vhtt', 'Có báo cáo chờ thẩm định', 'Phòng Giáo dục và Đào tạo đã nộp nhiệm vụ 4.');
    // No address: nothing to send.
    await notify('phochutich', 'Đôn đốc cấp 2', 'Đơn vị chậm nộp.');

    expect(await run(JobName.EMAIL_DIGEST, { day: DAY })).toEqual({ day: DAY, queued: 2 });
    await eventually(async () => sink.received.length >= 2, 20_000, 'two digests');

    const toGddt = sink.received.find((m) => m.envelopeTo.includes('gddt@hatrung.gov.vn'))!;
    expect(toGddt.mail.subject).toBe('[Tiến độ] 2 thông báo ngày 20/11/2026');
    const text = toGddt.mail.text!;
    expect(text).toContain('Ngày 20/11/2026 bạn có 2 thông báo trên hệ thống Tiến độ:');
    expect(text).toContain('1. Sắp đến hạn: nhiệm vụ 4');
    expect(text).toContain('2. Công việc bị trả lại');
    expect(text).not.toContain('Đôn đốc cấp 3');
    expect(text).toMatch(/Xem: https:\/\/tiendo\.hatrung\.thanhhoa\.gov\.vn\/#\/Assignment\/[0-9a-f-]{36}\/show/);
    expect(text).toContain('Xem tất cả thông báo: https://tiendo.hatrung.thanhhoa.gov.vn/');
    expect(toGddt.mail.from!.text).toContain('tiendo@hatrung.thanhhoa.gov.vn');

    const rows = await sql<{ id: string; to_address: string; state: string; sent_at: Date; dedupe_key: string }>(
      `select id, to_address, state, sent_at, dedupe_key from outbox_email where dedupe_key like 'digest:%' order by to_address`,
    );
    expect(rows.map((r) => [r.to_address, r.state])).toEqual([['gddt@hatrung.gov.vn', 'SENT'], ['vhtt@hatrung.gov.vn', 'SENT']]);
    expect(rows[0].sent_at).not.toBeNull();
    expect(rows[0].dedupe_key).toMatch(new RegExp(`^digest:[0-9a-f-]{36}:${DAY}$`));
    // The Message-ID names the outbox row: a resend after a crash would be recognisable.
    expect(toGddt.mail.messageId).toBe(`<outbox-${rows[0].id}@hatrung.thanhhoa.gov.vn>`);

    // The digest and the relay again: nothing is queued or sent twice.
    expect(await run(JobName.EMAIL_DIGEST, { day: DAY })).toEqual({ day: DAY, queued: 0 });
    expect(await run(JobName.DELIVER_EMAILS)).toMatchObject({ sent: 0, skipped: false });
    expect(sink.received).toHaveLength(2);
  });

  it('urgent mails written by others go out as they are, once', async () => {
    const before = sink.received.length;
    const id = await pendingRow('esc:test-1:user-1', 'lanhdao@hatrung.gov.vn');
    await server.app.queues.kickEmailRelay();
    await eventually(async () => sink.received.length > before, 20_000, 'the urgent mail');
    const mail = sink.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(['lanhdao@hatrung.gov.vn']);
    expect(mail.mail.subject).toBe('Đôn đốc khẩn: nhiệm vụ 4 quá hạn');
    expect(mail.mail.messageId).toBe(`<outbox-${id}@hatrung.thanhhoa.gov.vn>`);
    await run(JobName.DELIVER_EMAILS);
    expect(sink.received.length).toBe(before + 1);
  });

  it('a mail server that refuses is retried later with a growing wait, then the mail goes out; it gives up after the last attempt', async () => {
    sink.state.rejecting = true;
    const before = sink.received.length;
    const id = await pendingRow('esc:test-2:user-1', 'vanphong@hatrung.gov.vn');
    const first = await run(JobName.DELIVER_EMAILS);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    let [row] = await sql(`select state, attempts, last_error, extract(epoch from next_attempt_at - now()) as wait from outbox_email where id = ?`, [id]);
    expect(row).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(row.last_error).toMatch(/451/);
    expect(Number(row.wait)).toBeGreaterThan(30);
    expect(Number(row.wait)).toBeLessThanOrEqual(60);

    // Not due yet: another run leaves it alone.
    expect(await run(JobName.DELIVER_EMAILS)).toMatchObject({ sent: 0, retried: 0 });

    // A minute later the server still refuses: the wait doubles.
    await sql(`update outbox_email set next_attempt_at = now() where id = ?`, [id]);
    expect(await run(JobName.DELIVER_EMAILS)).toMatchObject({ retried: 1 });
    [row] = await sql(`select attempts, extract(epoch from next_attempt_at - now()) as wait from outbox_email where id = ?`, [id]);
    expect(row.attempts).toBe(2);
    expect(Number(row.wait)).toBeGreaterThan(90);

    // The server recovers: the next due run sends it.
    sink.state.rejecting = false;
    await sql(`update outbox_email set next_attempt_at = now() where id = ?`, [id]);
    expect(await run(JobName.DELIVER_EMAILS)).toMatchObject({ sent: 1 });
    [row] = await sql(`select state, attempts, sent_at from outbox_email where id = ?`, [id]);
    expect(row).toMatchObject({ state: 'SENT', attempts: 3 });
    expect(sink.received.length).toBe(before + 1);

    // Three refusals (EMAIL_MAX_ATTEMPTS=3): FAILED, kept with its error.
    sink.state.rejecting = true;
    const doomed = await pendingRow('esc:test-3:user-1', 'vanphong@hatrung.gov.vn');
    for (let i = 0; i < 3; i++) {
      await sql(`update outbox_email set next_attempt_at = now() where id = ?`, [doomed]);
      await run(JobName.DELIVER_EMAILS);
    }
    [row] = await sql(`select state, attempts, last_error from outbox_email where id = ?`, [doomed]);
    expect(row).toMatchObject({ state: 'FAILED', attempts: 3 });
    sink.state.rejecting = false;
  });

  it('without SMTP_URL no digest is queued and the relay leaves the outbox alone', async () => {
    const ctx: JobContext = {
      em: server.app.orm.em.fork(),
      config: { ...server.config, email: { ...server.config.email, smtpUrl: undefined } },
      redis: server.app.redis,
      queues: server.app.queues,
      log: silentLogger,
    };
    expect(await runEmailDigest(ctx, { day: '2026-11-21' })).toEqual({ day: '2026-11-21', queued: 0 });
    const { runDeliverEmails } = await import('../../jobs/deliver-emails/deliver-emails.job.js');
    expect(await runDeliverEmails(ctx)).toMatchObject({ skipped: true, sent: 0 });
    await expect(run(JobName.EMAIL_DIGEST, { day: '2026-02-30' })).rejects.toThrow(/invalid day/);
  });
});
