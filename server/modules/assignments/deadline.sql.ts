import { today } from '../../shared/dates.js';
import { DeadlineClass } from './deadline.js';

/**
 * SQL twins of deadline.ts. The class itself is the database function assignment_deadline_class()
 * (migration Migration20261129190000_deadline_class_function); a test keeps it equal to deadlineClass().
 */
export function deadlineClassSql(alias: string): string {
  return `assignment_deadline_class(${alias}, ?::date)`;
}

/**
 * The class as of a day, with the history where the row is not enough. The function reads the row as it
 * is now, which is right for any day as far as verification goes (DONE is final and completed_at is when
 * it happened) but not for cancellation: work cancelled after the day was still open on it. CANCEL comes
 * only from an open status, so that work was within its deadline or overdue then. The history's CANCEL
 * entry says when; a cancelled row without one (loaded, never worked) counts as cancelled throughout.
 * Every cancellation happened on or before today, so from today on the function alone is the answer and
 * the history is not read.
 */
export function deadlineClassAsOfSql(alias: string, asOf: string): { sql: string; params: string[] } {
  if (asOf >= today()) return { sql: deadlineClassSql(alias), params: [asOf] };
  // CASE evaluates its branches in order: the history is read for cancelled rows only.
  return {
    sql: `(case when ${alias}.status <> 'CANCELLED' then assignment_deadline_class(${alias}, ?::date)
                when (select sc.at from status_change sc
                       where sc.assignment_id = ${alias}.id and sc.action = 'CANCEL' order by sc.at desc limit 1)
                     >= (?::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
                then case when ?::date <= ${alias}.due_date then 'NOT_DONE_WITHIN_DEADLINE' else 'OVERDUE' end
           end)`,
    params: [asOf, asOf, asOf],
  };
}

/**
 * Conditions implied by each class, on plain columns, so the planner can use indexes on the status and
 * the due date before it evaluates the class on what remains. Before today a cancelled row may still
 * have been open, so the open classes imply only the due date.
 */
const IMPLIED: Record<DeadlineClass, (alias: string, past: boolean) => string> = {
  [DeadlineClass.DONE_ON_TIME]: (a) => `${a}.status = 'DONE'`,
  [DeadlineClass.DONE_LATE]: (a) => `${a}.status = 'DONE'`,
  [DeadlineClass.NOT_DONE_WITHIN_DEADLINE]: (a, past) => `${past ? '' : `${a}.status <> 'CANCELLED' and `}${a}.due_date >= ?::date`,
  [DeadlineClass.OVERDUE]: (a, past) => `${past ? '' : `${a}.status <> 'CANCELLED' and `}${a}.due_date < ?::date`,
};

/** A where-clause for "in this class as of the day", with its parameters in order. */
export function deadlineClassCondition(alias: string, cls: DeadlineClass, asOf: string): { sql: string; params: string[] } {
  const implied = IMPLIED[cls](alias, asOf < today());
  const impliedParams = implied.includes('?') ? [asOf] : [];
  const classSql = deadlineClassAsOfSql(alias, asOf);
  return { sql: `${implied} and ${classSql.sql} = ?`, params: [...impliedParams, ...classSql.params, cls] };
}
