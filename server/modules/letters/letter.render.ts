import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config.js';
import type { Logger } from '../../shared/logger.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { AssignmentAction, StatusChange } from '../assignments/status-change.entity.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import { evidenceStore, storeBytes } from '../evidence/storage/index.js';
import { publishNotificationsChanged } from '../notifications/notification.events.js';
import { lateAssignments } from './late-work.js';
import type { LetterContent } from './letter.docx.js';
import { letterFileName, shortDate, subjectLine } from './letter-text.js';
import { UrgingLetter, UrgingLetterState } from './urging-letter.entity.js';
import { UNIT_STAFF_ROLES_SQL } from '../notifications/recipients.sql.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Working days the unit is given to finish and report, counted from the letter's day. */
export const REPORT_WITHIN_WORKING_DAYS = 5;

/** Where the unit reports when it has no office of its own to report through. */
const DEFAULT_REPORT_TO = 'Phòng Văn hóa và Thông tin';

/** What rendering needs from the process: the worker's job context has all of it. */
export interface RenderDeps {
  em: EntityManager;
  config: AppConfig;
  redis: Redis;
  log: Logger;
}

export type RenderOutcome =
  /** Not pending (already written or failed), gone, or being written by another worker right now. */
  | { state: 'skipped' }
  | { state: UrgingLetterState.READY; assignmentCount: number; notified: number }
  | { state: UrgingLetterState.FAILED; error: string };

/** The letter's key in the document store: fixed by its id, so a retried job overwrites rather than adds. */
export const letterStorageKey = (letterId: string) => `letters/${letterId}`;

const NOTIFY_SQL = `
  insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, letter_id, dedupe_key)
  select gen_random_uuid(), now(), now(), 1, u.id, 'URGING_LETTER', ?, ?, ?::date, true, ?, ?
    from app_user u
   where u.unit_id = ? and u.active and u.role in ${UNIT_STAFF_ROLES_SQL}
  on conflict (user_id, dedupe_key) do nothing
  returning user_id as "userId"`;

/**
 * Writes one pending letter: the DOCX into the document store, then in one transaction the letter made
 * READY, an URGE entry in the history of each assignment it names and a notification to the unit's
 * officers and head. The row is locked with SKIP LOCKED and only a PENDING letter is written, so a job
 * delivered twice, or racing the minute sweep, writes it once.
 */
export async function renderLetter(deps: RenderDeps, letterId: string): Promise<RenderOutcome> {
  const calendar = await loadWorkingCalendar(deps.em);
  const store = await evidenceStore(deps.config);
  const notified: string[] = [];
  const outcome = await deps.em.fork().transactional(async (em): Promise<RenderOutcome> => {
    const locked = await em.execute(
      `select id from urging_letter where id = ? and state = 'PENDING' for update skip locked`,
      [letterId],
    );
    if (!locked.length) return { state: 'skipped' };
    const letter = await em.findOneOrFail(UrgingLetter, { id: letterId }, { populate: ['plan', 'unit', 'unit.reportsThrough', 'requestedBy'] });
    const { plan, unit } = letter;

    const late = await lateAssignments(em, plan.id, unit.id, letter.day);
    if (!late.length) {
      letter.state = UrgingLetterState.FAILED;
      letter.error = `${unit.name} không còn nhiệm vụ chậm hạn tại ngày ${shortDate(letter.day)}: không soạn văn bản.`;
      return { state: UrgingLetterState.FAILED, error: letter.error };
    }
    const content: LetterContent = {
      plan,
      unitName: unit.name,
      reportTo: unit.reportsThrough?.name ?? DEFAULT_REPORT_TO,
      day: letter.day,
      reportBy: addWorkingDays(calendar, letter.day, REPORT_WITHIN_WORKING_DAYS),
      rows: late.map((row) => ({ ...row, workingDaysLate: workingDaysBetween(calendar, row.dueDate, letter.day) })),
    };
    let bytes: Buffer;
    try {
      // The DOCX writer is loaded on the first letter, not when the API starts.
      const { letterDocx } = await import('./letter.docx.js');
      bytes = await letterDocx(content);
    } catch (error) {
      // The same data would fail the same way on every retry: record it for the people who asked.
      letter.state = UrgingLetterState.FAILED;
      letter.error = `Không soạn được văn bản: ${(error as Error)?.message ?? String(error)}`;
      deps.log.error('urging letter failed', { letterId, error: letter.error });
      return { state: UrgingLetterState.FAILED, error: letter.error };
    }
    const key = letterStorageKey(letter.id);
    await storeBytes(store, key, bytes, DOCX_TYPE);

    const fileName = letterFileName(unit.code, letter.day);
    Object.assign(letter, {
      state: UrgingLetterState.READY,
      storageKey: key,
      fileName,
      byteSize: bytes.length,
      generatedAt: new Date(),
      error: null,
      assignmentIds: late.map((row) => row.id),
      assignmentCount: late.length,
    });
    const at = new Date();
    for (const row of late) {
      em.create(StatusChange, {
        assignment: em.getReference(Assignment, row.id),
        plan,
        actor: letter.requestedBy ?? null,
        action: AssignmentAction.URGE,
        fromStatus: row.status,
        toStatus: row.status,
        progress: row.progress,
        comment: `Văn bản đôn đốc ${fileName} (ngày ${shortDate(letter.day)}${letter.automatic ? ', soạn tự động' : ''}): hoàn thành và báo cáo trước ngày ${shortDate(content.reportBy)}.`,
        at,
      });
    }
    const rows = await em.execute<Array<{ userId: string }>>(NOTIFY_SQL, [
      `Văn bản đôn đốc: ${late.length} nhiệm vụ chậm hạn`,
      `${plan.issuingBody} đôn đốc ${unit.name} hoàn thành ${late.length} nhiệm vụ quá hạn (${subjectLine(plan).replace(/^V\/v đôn đốc thực hiện /, '')}) ` +
        `và báo cáo trước ngày ${shortDate(content.reportBy)}.`,
      letter.day,
      letter.id,
      `letter:${letter.id}`,
      unit.id,
    ]);
    notified.push(...rows.map((row) => row.userId));
    return { state: UrgingLetterState.READY, assignmentCount: late.length, notified: rows.length };
  });
  // Only once committed: a listener must never be told of a notification that was rolled back.
  await publishNotificationsChanged(deps.redis, deps.config.queuePrefix, notified);
  return outcome;
}

/** At most this many letters per sweep; the next minute takes the rest. */
const SWEEP_BATCH = 50;

/**
 * Writes the letters still pending: those the ladder drafted (no job was enqueued for them) and any whose
 * job was lost. Oldest first; a letter another worker holds is skipped, not waited for.
 */
export async function renderPendingLetters(deps: RenderDeps): Promise<{ ready: number; failed: number; skipped: number; errors: number }> {
  const pending = await deps.em.fork().execute<Array<{ id: string }>>(
    `select id from urging_letter where state = 'PENDING' order by created_at, id limit ${SWEEP_BATCH}`,
  );
  const counts = { ready: 0, failed: 0, skipped: 0, errors: 0 };
  for (const { id } of pending) {
    let outcome: RenderOutcome;
    try {
      outcome = await renderLetter({ ...deps, em: deps.em.fork() }, id);
    } catch (error) {
      // One letter the store or the database refuses now must not hold up the others; it stays PENDING.
      deps.log.error('urging letter not written', { letterId: id, error: String((error as Error)?.message ?? error) });
      counts.errors += 1;
      continue;
    }
    if (outcome.state === UrgingLetterState.READY) counts.ready += 1;
    else if (outcome.state === UrgingLetterState.FAILED) counts.failed += 1;
    else counts.skipped += 1;
  }
  return counts;
}
