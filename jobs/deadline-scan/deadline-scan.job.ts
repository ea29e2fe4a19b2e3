import type { EntityManager } from '@mikro-orm/postgresql';
import { Assignment, AssignmentStatus } from '../../server/modules/assignments/assignment.entity.js';
import { NotificationKind } from '../../server/modules/notifications/notification.entity.js';
import { daysBetween, formatViDate, today } from '../../server/shared/dates.js';

export interface DeadlineScanJobData {
  /** The day to scan as (YYYY-MM-DD, Vietnam time); defaults to today. */
  asOf?: string;
  /** How many days ahead counts as "due soon". */
  dueSoonDays?: number;
}

export interface DeadlineScanResult {
  asOf: string;
  created: number;
}

const OPEN = [AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.BLOCKED];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reminds each unit of its open assignments that are overdue or due within a few days. Work already
 * submitted waits on the reviewer, not the unit, so it is left alone. Safe to run twice for a day:
 * the (assignment, kind, day) key makes the second run create nothing.
 */
export async function runDeadlineScan(em: EntityManager, data: DeadlineScanJobData): Promise<DeadlineScanResult> {
  const asOf = data.asOf ?? today();
  const horizon = addDays(asOf, data.dueSoonDays ?? 7);
  const open = await em.find(Assignment, { status: { $in: OPEN }, dueDate: { $lte: horizon } }, { populate: ['task'] });
  const rows = open.map((a) => {
    const overdue = a.dueDate < asOf;
    const task = `nhiệm vụ ${a.task.number} (${a.task.title})`;
    return {
      unit: a.unit.id,
      assignment: a.id,
      kind: overdue ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON,
      day: asOf,
      message: overdue
        ? `Quá hạn ${daysBetween(a.dueDate, asOf)} ngày: ${task}, hạn ${formatViDate(a.dueDate)}.`
        : `Sắp đến hạn ${formatViDate(a.dueDate)}: ${task}.`,
    };
  });
  if (rows.length === 0) return { asOf, created: 0 };
  const values = rows.map(() => '(gen_random_uuid(), now(), now(), 1, ?, ?, ?, ?, ?)').join(', ');
  const inserted = await em.getConnection().execute<Array<{ id: string }>>(
    `insert into notification (id, created_at, updated_at, version, unit_id, assignment_id, kind, day, message)
     values ${values} on conflict (assignment_id, kind, day) do nothing returning id`,
    rows.flatMap((r) => [r.unit, r.assignment, r.kind, r.day, r.message]),
  );
  return { asOf, created: inserted.length };
}
