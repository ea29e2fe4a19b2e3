import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgressFigures } from '../assignments/deadline.js';
import { countsFromRow, figuresFromCounts, type CountColumns } from '../assignments/progress.sql.js';

/** A plan's unit reports in the four deadline classes as of a day: one statement over the plan's reports. */
const REPORT_COUNTS_SQL = `
  select count(*)::int as total,
         count(*) filter (where c.cls = 'DONE_ON_TIME')::int as done_on_time,
         count(*) filter (where c.cls = 'DONE_LATE')::int as done_late,
         count(*) filter (where c.cls = 'NOT_DONE_WITHIN_DEADLINE')::int as not_done_within_deadline,
         count(*) filter (where c.cls = 'OVERDUE')::int as overdue,
         count(*) filter (where o.due_before <= ?::date)::int as come_due,
         count(*) filter (where c.cls in ('DONE_ON_TIME', 'DONE_LATE') and o.due_before <= ?::date)::int as done_come_due
    from unit_report r
    join reporting_obligation o on o.id = r.obligation_id
    cross join lateral (select unit_report_deadline_class(r.state, r.submitted_at, r.reviewed_at, o.due_before, ?::date) as cls) c
   where r.plan_id = ?`;

/** Reports have no progress of their own: the average stays empty. */
export async function reportFigures(em: EntityManager, planId: string, asOf: string): Promise<ProgressFigures> {
  const [row] = await em.getConnection().execute<CountColumns[]>(REPORT_COUNTS_SQL, [asOf, asOf, asOf, planId]);
  return {
    ...figuresFromCounts(countsFromRow(row)),
    averageProgress: null,
  };
}
