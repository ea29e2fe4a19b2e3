import type { EntityManager } from '@mikro-orm/postgresql';
import { UnrecoverableError } from 'bullmq';
import { loadWorkingCalendar } from '../../server/modules/calendar/calendar.service.js';
import type { WorkingCalendar } from '../../server/modules/calendar/working-days.js';
import { publishNotificationsChanged } from '../../server/modules/notifications/notification.events.js';
import { insertEscalationWebhooks } from '../../server/modules/webhooks/webhook.events.js';
import { today } from '../../server/shared/dates.js';
import type { JobContext } from '../registry.js';
import { lateTable, pgArray, reminderRanges } from './ladder.js';
import {
  COMMON_PARAMS, ESCALATE_SQL, OLDEST_DAY_SQL, REMIND_SQL, REMINDER_DISTANCES_SQL, REPORT_ESCALATE_SQL, REPORT_REMIND_SQL, RESOLVE_SQL,
} from './sweep.sql.js';

export interface DeadlineScanJobData {
  /** The day to sweep as (YYYY-MM-DD, Vietnam time); defaults to today. */
  asOf?: string;
  /** The instant written on what the sweep creates (ISO 8601); defaults to now. Tests fix the clock with it. */
  now?: string;
}

export interface DeadlineScanResult {
  asOf: string;
  /** False on weekends, holidays and days off: nobody is reminded or chased on those days. */
  workingDay: boolean;
  reminders: number;
  escalations: number;
  resolved: number;
  letters: number;
  emails: number;
  /** Notifications about period reports not sent: reminders and steps of the ladder. */
  reportNotices: number;
}

interface Sweep extends Omit<DeadlineScanResult, 'asOf' | 'workingDay'> {
  notifiedUserIds: string[];
  webhookDeliveryIds: string[];
}

/**
 * The daily sweep of one day: settles the escalations whose work has moved on, reminds units of work
 * coming due, raises the current step of the ladder for late work and for submissions waiting on the
 * reviewer, with their notifications, urgent e-mails and automatic urging letters. One transaction of
 * set-based statements: however many assignments are open, none is read into memory, and a second run
 * for the same day (or a second delivery of the job) creates nothing.
 */
export async function runDeadlineScan(ctx: JobContext, data: DeadlineScanJobData): Promise<DeadlineScanResult> {
  const asOf = data.asOf ?? today();
  const now = data.now ? new Date(data.now) : new Date();
  // Retrying cannot fix a malformed payload.
  if (Number.isNaN(now.getTime())) throw new UnrecoverableError(`invalid now: ${JSON.stringify(data.now)}`);
  const calendar = await loadWorkingCalendar(ctx.em);
  const workingDay = calendar.isWorkingDay(asOf);

  const sweep = await ctx.em.transactional(async (em): Promise<Sweep> => {
    const [{ resolved }] = await em.execute<Array<{ resolved: number }>>(RESOLVE_SQL, [now.toISOString()]);
    if (!workingDay) {
      return { reminders: 0, escalations: 0, resolved, letters: 0, emails: 0, reportNotices: 0, notifiedUserIds: [], webhookDeliveryIds: [] };
    }
    const common = COMMON_PARAMS(asOf, now, ctx.config.publicUrl);
    const tables = await dayTables(em, common, calendar, asOf);
    const reminded = await remind(em, common, tables);
    const escalated = await escalate(em, common, tables);
    const reports = await chaseReports(em, common, tables);
    return {
      reminders: reminded.created,
      escalations: escalated.escalations,
      resolved,
      letters: escalated.letters,
      emails: escalated.emails,
      reportNotices: reports.created,
      notifiedUserIds: [...reminded.user_ids, ...escalated.user_ids, ...reports.user_ids],
      // Integrators hear of each escalation through the same transaction that raised it.
      webhookDeliveryIds: escalated.escalations ? await escalationWebhooks(em, now) : [],
    };
  });

  // Only after the commit: a subscriber told of a notification must find it. The rest is handed on at
  // once but best effort: the e-mail, letter and webhook relays also run every minute and find it anyway.
  await publishNotificationsChanged(ctx.redis, ctx.config.queuePrefix, sweep.notifiedUserIds);
  await Promise.allSettled([
    sweep.emails ? ctx.queues.kickEmailRelay() : undefined,
    sweep.letters ? ctx.queues.kickPendingLetters() : undefined,
    ctx.queues.deliverWebhooks(sweep.webhookDeliveryIds.map((id) => ({ deliveryId: id, jobId: id }))),
  ]);
  const { notifiedUserIds, webhookDeliveryIds, ...counts } = sweep;
  ctx.log.info(`deadline sweep ${asOf}: ${JSON.stringify({ workingDay, ...counts, notifiedUsers: notifiedUserIds.length })}`);
  return { asOf, workingDay, ...counts };
}

/** The day arithmetic every statement shares: which due days are n working days ahead, and how late each past day is. */
async function dayTables(em: EntityManager, common: unknown[], calendar: WorkingCalendar, asOf: string) {
  const distances = await em.execute<Array<{ n: number }>>(REMINDER_DISTANCES_SQL, common);
  const ranges = reminderRanges(calendar, asOf, distances.map((row) => row.n));
  const [{ day: oldest }] = await em.execute<Array<{ day: string | null }>>(OLDEST_DAY_SQL);
  const late = oldest && oldest < asOf ? lateTable(calendar, oldest, asOf) : null;
  return { ranges, late };
}
type DayTables = Awaited<ReturnType<typeof dayTables>>;

interface Notified {
  created: number;
  user_ids: string[];
}
const NOBODY: Notified = { created: 0, user_ids: [] };

async function remind(em: EntityManager, common: unknown[], { ranges }: DayTables, sql = REMIND_SQL): Promise<Notified> {
  if (!ranges.n.length) return NOBODY;
  const [row] = await em.execute<Notified[]>(sql, [...common, pgArray(ranges.n), pgArray(ranges.from), pgArray(ranges.to)]);
  return row;
}

async function escalate(em: EntityManager, common: unknown[], { late }: DayTables) {
  if (!late) return { escalations: 0, emails: 0, letters: 0, user_ids: [] as string[] };
  const [row] = await em.execute<Array<{ escalations: number; emails: number; letters: number; user_ids: string[] }>>(
    ESCALATE_SQL, [...common, pgArray(late.days), pgArray(late.late)],
  );
  return row;
}

/** Period reports not sent: reminders before their last day, the ladder after it. */
async function chaseReports(em: EntityManager, common: unknown[], tables: DayTables): Promise<Notified> {
  const reminded = await remind(em, common, tables, REPORT_REMIND_SQL);
  if (!tables.late) return reminded;
  const [chased] = await em.execute<Notified[]>(REPORT_ESCALATE_SQL, [...common, pgArray(tables.late.days), pgArray(tables.late.late)]);
  return { created: reminded.created + chased.created, user_ids: [...reminded.user_ids, ...chased.user_ids] };
}

/** Deliveries for the endpoints that asked for ESCALATION_RAISED: everything this run raised carries its `now`. */
async function escalationWebhooks(em: EntityManager, now: Date): Promise<string[]> {
  const [{ wanted }] = await em.execute<Array<{ wanted: boolean }>>(
    `select exists (select 1 from webhook_endpoint where active and 'ESCALATION_RAISED' = any(events)) as wanted`,
  );
  if (!wanted) return [];
  return insertEscalationWebhooks(em, { sql: 'select id from escalation where raised_at = ?::timestamptz', params: [now.toISOString()] });
}
