import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { JobName, QueueName } from '../../jobs/registry.js';
import { runDeadlineScan, type DeadlineScanResult } from '../../jobs/deadline-scan/deadline-scan.job.js';
import { WorkingCalendar, shiftDays } from '../../server/modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';
import { silentLogger } from '../../server/shared/logger.js';
import { today } from '../../server/shared/dates.js';
import { scheduleDailyJobs } from '../../jobs/queues.js';
import { UPDATE_ASSIGNMENT, findAssignment } from '../helpers/queries.js';

let server: TestServer;
let workers: Workers;
let events: QueueEvents;
const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);

beforeAll(async () => {
  server = await startTestServer();
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.DEADLINES, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
});

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(query, params);

/** The sweep of one day at 07:00 Vietnam time, as the daily scheduler runs it. */
const sweep = (asOf: string): Promise<DeadlineScanResult> =>
  runDeadlineScan(
    { em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, queues: server.app.queues, log: silentLogger },
    { asOf, now: `${asOf}T00:00:00.000Z` },
  );

/** Every calendar day from `from` to `to`, the weekends and holidays too: the scheduler fires daily. */
async function sweepEveryDay(from: string, to: string) {
  for (let day = from; day <= to; day = shiftDays(day, 1)) await sweep(day);
}

/** What arrived for one assignment, day by day: reminders by distance, escalations by level (and round). */
async function timeline(assignmentId: string) {
  const rows = await sql<{ day: string; what: string }>(
    `select to_char(day, 'YYYY-MM-DD') as day, what from (
       select distinct n.day, 'remind ' || split_part(n.dedupe_key, ':', 4) as what
         from notification n where n.assignment_id = ? and n.kind = 'REMINDER'
       union
       select (e.raised_at at time zone 'Asia/Ho_Chi_Minh')::date, e.kind || ' ' || e.level || case when e.round > 0 then '.' || e.round else '' end
         from escalation e join assignment a on a.id = e.assignment_id and a.due_date = e.basis where e.assignment_id = ?) x
     order by day, what`,
    [assignmentId, assignmentId],
  );
  return rows.map((r) => `${r.day} ${r.what}`);
}

async function recipients(assignmentId: string, kind: string, extra = '') {
  const rows = await sql<{ username: string }>(
    `select distinct u.username from notification n join app_user u on u.id = n.user_id
      where n.assignment_id = ? and n.kind = ? ${extra} order by u.username`,
    [assignmentId, kind],
  );
  return rows.map((r) => r.username);
}

describe('the seeded 2022 plan swept years later', () => {
  it('gets one current step per open assignment, not every step it missed', async () => {
    const result = await sweep('2026-03-02');
    const late = calendar.workingDaysBetween('2022-12-31', '2026-03-02');
    expect(result).toMatchObject({ asOf: '2026-03-02', workingDay: true, escalations: 236, reminders: 0, resolved: 0 });
    const steps = await sql<{ level: number; round: number; working_days_late: number; assignments: number; rows: number }>(
      `select level, round, working_days_late, count(distinct assignment_id)::int as assignments, count(*)::int as rows
         from escalation group by level, round, working_days_late`,
    );
    expect(steps).toEqual([{ level: 3, round: Math.floor((late - 7) / 7), working_days_late: late, assignments: 236, rows: 236 }]);
    // One automatic letter per unit with late work; nobody has an e-mail address yet.
    const units = await sql<{ n: number }>('select count(distinct unit_id)::int as n from assignment');
    expect(result.letters).toBe(units[0].n);
    expect(result.emails).toBe(0);
    const letters = await sql<{ automatic: boolean; state: string; day: string; dedupe_key: string }>(
      `select automatic, state, to_char(day, 'YYYY-MM-DD') as day, dedupe_key from urging_letter`,
    );
    expect(letters.every((l) => l.automatic && l.state === 'PENDING' && l.day === '2026-03-02' && l.dedupe_key.startsWith('auto:'))).toBe(true);
    // The leaders hear of each step once, urgently.
    const [leader] = await sql<{ n: number; urgent: number }>(
      `select count(*)::int as n, count(*) filter (where urgent)::int as urgent from notification n join app_user u on u.id = n.user_id
        where u.username = 'phochutich' and n.kind = 'ESCALATION'`,
    );
    expect(leader).toEqual({ n: 236, urgent: 236 });
  });

  it('a second run for the same day creates nothing', async () => {
    const counts = () => sql<{ e: number; n: number; l: number }>(
      'select (select count(*) from escalation)::int as e, (select count(*) from notification)::int as n, (select count(*) from urging_letter)::int as l',
    );
    const before = await counts();
    expect(await sweep('2026-03-02')).toEqual({
      asOf: '2026-03-02', workingDay: true, reminders: 0, escalations: 0, resolved: 0, letters: 0, emails: 0, reportNotices: 0,
    });
    expect(await counts()).toEqual(before);
  });
});

describe('the schedule in working days', () => {
  let afterTet: { id: string };
  let saturday: { id: string };

  beforeAll(async () => {
    const admin = await server.login('admin');
    // A unit head, an officer who left and a viewer in the same office: only the first two are reminded.
    await sql(
      `insert into app_user (id, created_at, updated_at, version, username, full_name, password_hash, role, unit_id, active, is_demo, email)
       select gen_random_uuid(), now(), now(), 1, x.username, x.full_name, '-', x.role::user_role, u.id, x.active, true, x.email
         from unit u, (values ('truongphong-gddt', 'Trưởng phòng GD&ĐT', 'UNIT_HEAD', true, 'truongphong@gddt.example'),
                              ('nghiviec-gddt', 'Cán bộ đã nghỉ', 'OFFICER', false, 'nghiviec@gddt.example'),
                              ('xem-gddt', 'Người xem', 'VIEWER', true, 'xem@gddt.example')) as x(username, full_name, role, active, email)
        where u.code = 'PHONG-GDDT'`,
    );
    await sql(`update app_user set email = username || '@hatrung.example' where username in ('vhtt', 'phochutich')`);
    for (const [unit, task, due] of [['PHONG-GDDT', '4', '2026-02-23'], ['XA-HABAC', '3', '2026-03-07']] as const) {
      const a = await findAssignment(server, admin, unit, task);
      const res = await server.gql(UPDATE_ASSIGNMENT, { id: a.id, version: a.version, dueDate: due, reason: 'Hạn theo lịch làm việc năm 2026' }, admin);
      expect(res.errors).toBeUndefined();
    }
    afterTet = await findAssignment(server, admin, 'PHONG-GDDT', '4');
    saturday = await findAssignment(server, admin, 'XA-HABAC', '3');
    // An officer may not move a due date.
    const officer = await server.login('gddt');
    const refused = await server.gql(UPDATE_ASSIGNMENT, { id: afterTet.id, version: 2, dueDate: '2026-12-31', reason: 'Xin lùi hạn' }, officer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await sweepEveryDay('2026-02-01', '2026-03-16');
  });

  it('work due the Monday after Tết is reminded 7, 3, 1 working days before and on the day, then climbs the ladder', async () => {
    expect(await timeline(afterTet.id)).toEqual([
      '2026-02-05 remind 7',
      '2026-02-11 remind 3',
      // The last working day before the Tết holiday (16–20/02) is one working day before 23/02.
      '2026-02-13 remind 1',
      '2026-02-23 remind 0',
      '2026-02-24 OVERDUE 1',
      '2026-02-26 OVERDUE 2',
      '2026-03-04 OVERDUE 3',
      '2026-03-13 OVERDUE 3.1',
    ]);
  });

  it('work due on a Saturday is "due" on the Friday before and one day late on the Monday after', async () => {
    expect(await timeline(saturday.id)).toEqual([
      '2026-02-25 remind 7',
      '2026-03-03 remind 3',
      '2026-03-05 remind 1',
      '2026-03-06 remind 0',
      '2026-03-09 OVERDUE 1',
      '2026-03-11 OVERDUE 2',
    ]);
  });

  it('reminders and level 1 go to the unit, level 2 to the coordinating office, level 3 to the leaders', async () => {
    expect(await recipients(afterTet.id, 'REMINDER')).toEqual(['gddt', 'truongphong-gddt']);
    const ladder = await sql<{ level: number; round: number; recipient_label: string; recipients: string[] }>(
      `select e.level, e.round, e.recipient_label, array(select u.username from app_user u where u.id = any(e.recipient_ids) order by 1)::text[] as recipients
         from escalation e join assignment a on a.id = e.assignment_id and a.due_date = e.basis
        where e.assignment_id = ? order by e.level, e.round`,
      [afterTet.id],
    );
    expect(ladder).toEqual([
      { level: 1, round: 0, recipient_label: 'Phòng Giáo dục và Đào tạo', recipients: ['gddt', 'truongphong-gddt'] },
      { level: 2, round: 0, recipient_label: 'Phòng Văn hóa và Thông tin', recipients: ['vhtt'] },
      { level: 3, round: 0, recipient_label: 'Lãnh đạo UBND huyện', recipients: ['phochutich'] },
      { level: 3, round: 1, recipient_label: 'Lãnh đạo UBND huyện', recipients: ['phochutich'] },
    ]);
    expect(await recipients(afterTet.id, 'ESCALATION', 'and not n.urgent')).toEqual(['gddt', 'truongphong-gddt']);
    expect(await recipients(afterTet.id, 'ESCALATION', 'and n.urgent')).toEqual(['phochutich', 'vhtt']);
    // Urgent steps are e-mailed at once, with a link to the assignment; level 1 waits for the digest.
    const mails = await sql<{ to_address: string; subject: string; text: string }>(
      `select m.to_address, m.subject, m.text from outbox_email m where m.text like ? order by m.created_at, m.to_address`,
      [`%/#/Assignment/${afterTet.id}/show`],
    );
    expect(mails.map((m) => m.to_address)).toEqual(['vhtt@hatrung.example', 'phochutich@hatrung.example', 'phochutich@hatrung.example']);
    // One mail per person and day: the only urgent step of that day is its subject.
    expect(mails[0].subject).toBe('[Tiến độ] Đôn đốc cấp 2: nhiệm vụ 4 quá hạn 3 ngày làm việc');
    expect(mails[0].text).toContain('hạn 23/02/2026, đã quá hạn 3 ngày làm việc');
    expect(mails[0].text).toContain(`${server.config.publicUrl}/#/Assignment/${afterTet.id}/show`);
    const [reminder] = await sql<{ title: string; body: string }>(
      `select title, body from notification where assignment_id = ? and dedupe_key like 'remind:%:0'`,
      [afterTet.id],
    );
    expect(reminder.title).toBe('Đến hạn 23/02/2026: nhiệm vụ 4');
    expect(reminder.body).toMatch(/^Nhiệm vụ 4 \(.+\) của Phòng Giáo dục và Đào tạo đến hạn ngày 23\/02\/2026\./);
  });

  it('sends nothing on a weekend or a holiday, and says so', async () => {
    for (const day of ['2026-03-14', '2026-02-17']) {
      expect(await sweep(day)).toMatchObject({ asOf: day, workingDay: false, reminders: 0, escalations: 0, letters: 0, emails: 0 });
      const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from notification where day = ?', [day]);
      expect(n).toBe(0);
    }
  });

  it('settles the escalations of work done outside the workflow and of a moved due date', async () => {
    await sql(`update assignment set status = 'DONE' where id = ?`, [afterTet.id]);
    await sql(`update assignment set due_date = '2026-06-30' where id = ?`, [saturday.id]);
    const result = await sweep('2026-03-17');
    expect(result.resolved).toBe(6);
    const open = await sql<{ n: number }>(`select count(*)::int as n from escalation where assignment_id in (?, ?) and state = 'OPEN'`, [afterTet.id, saturday.id]);
    expect(open[0].n).toBe(0);
  });
});

describe('the job on a real Redis queue', () => {
  it('runs once per day however often it is asked for or delivered', async () => {
    const jobId = await server.app.queues.scanDeadlines({ asOf: '2026-03-18', now: '2026-03-18T00:00:00.000Z' });
    expect(jobId).toBe(`${JobName.DEADLINE_SCAN}-2026-03-18`);
    const first = await (await server.app.queues.deadlines.getJob(jobId!))!.waitUntilFinished(events, 20_000);
    expect(first).toMatchObject({ asOf: '2026-03-18', workingDay: true });
    expect(await server.app.queues.scanDeadlines({ asOf: '2026-03-18' })).toBe(jobId);
    // Delivered a second time under another id (a retry after a lost acknowledgement): nothing new.
    const again = await server.app.queues.deadlines.add(JobName.DEADLINE_SCAN, { asOf: '2026-03-18', now: '2026-03-18T00:05:00.000Z' });
    expect(await again.waitUntilFinished(events, 20_000)).toEqual({
      asOf: '2026-03-18', workingDay: true, reminders: 0, escalations: 0, resolved: 0, letters: 0, emails: 0, reportNotices: 0,
    });
  });

  it('a malformed payload fails at once without retries', async () => {
    const job = await server.app.queues.deadlines.add(JobName.DEADLINE_SCAN, { asOf: '2023-02-30' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/invalid asOf/);
    expect((await server.app.queues.deadlines.getJob(job.id!))!.attemptsMade).toBe(1);
  });

  it('a worker that starts sweeps today, once however often it starts, beside the daily schedule', async () => {
    await scheduleDailyJobs(server.app.queues, { sweepToday: true });
    await scheduleDailyJobs(server.app.queues, { sweepToday: true });
    const todays = (await server.app.queues.deadlines.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']))
      .filter((job) => job?.data?.asOf === today());
    expect(todays.map((job) => job.id)).toEqual([`${JobName.DEADLINE_SCAN}-${today()}`]);
    const schedulers = await server.app.queues.deadlines.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(['award-periods-daily', 'daily-deadline-scan']);
    await todays[0].waitUntilFinished(events, 20_000);
  });
});
