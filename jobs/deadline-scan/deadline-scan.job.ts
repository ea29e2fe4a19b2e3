import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../../server/shared/dates.js';

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

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One statement, whatever the number of open assignments: PostgreSQL selects the open work due by the
 * horizon, writes each reminder's text, and skips the ones the day already has.
 */
const SWEEP_SQL = `
  insert into notification (id, created_at, updated_at, version, unit_id, assignment_id, kind, day, message)
  select gen_random_uuid(), now(), now(), 1, a.unit_id, a.id, k.kind::notification_kind, ?::date,
         case k.kind
           when 'OVERDUE' then 'Quá hạn ' || (?::date - a.due_date) || ' ngày: nhiệm vụ ' || t.number || ' (' || t.title || '), hạn '
                               || to_char(a.due_date, 'DD/MM/YYYY') || '.'
           else 'Sắp đến hạn ' || to_char(a.due_date, 'DD/MM/YYYY') || ': nhiệm vụ ' || t.number || ' (' || t.title || ').'
         end
    from assignment a
    join task t on t.id = a.task_id
    cross join lateral (select case when a.due_date < ?::date then 'OVERDUE' else 'DUE_SOON' end as kind) k
   where a.status in ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED') and a.due_date <= ?::date
  on conflict (assignment_id, kind, day) do nothing`;

/**
 * Reminds each unit of its open assignments that are overdue or due within a few days. Work already
 * submitted waits on the reviewer, not the unit, so it is left alone. Safe to run twice for a day:
 * the (assignment, kind, day) key makes the second run create nothing.
 */
export async function runDeadlineScan(em: EntityManager, data: DeadlineScanJobData): Promise<DeadlineScanResult> {
  const asOf = data.asOf ?? today();
  const horizon = addDays(asOf, data.dueSoonDays ?? 7);
  const result = await em.getConnection().execute(SWEEP_SQL, [asOf, asOf, asOf, horizon], 'run');
  return { asOf, created: (result as unknown as { affectedRows: number }).affectedRows };
}
