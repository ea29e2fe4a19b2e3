import { DeadlineClass } from './deadline.js';

/**
 * SQL twins of deadline.ts. The class itself is the database function assignment_deadline_class()
 * (migration Migration20261129190000_deadline_class_function); a test keeps it equal to deadlineClass().
 */
export function deadlineClassSql(alias: string): string {
  return `assignment_deadline_class(${alias}, ?::date)`;
}

/**
 * Conditions implied by each class, on plain columns, so the planner can use indexes on the status and
 * the due date before it evaluates the function on what remains.
 */
const IMPLIED: Record<DeadlineClass, (alias: string) => string> = {
  [DeadlineClass.DONE_ON_TIME]: (a) => `${a}.status = 'DONE'`,
  [DeadlineClass.DONE_LATE]: (a) => `${a}.status = 'DONE'`,
  [DeadlineClass.NOT_DONE_WITHIN_DEADLINE]: (a) => `${a}.status <> 'CANCELLED' and ${a}.due_date >= ?::date`,
  [DeadlineClass.OVERDUE]: (a) => `${a}.status <> 'CANCELLED' and ${a}.due_date < ?::date`,
};

/** A where-clause for "in this class as of the day", with its parameters in order. */
export function deadlineClassCondition(alias: string, cls: DeadlineClass, asOf: string): { sql: string; params: string[] } {
  const implied = IMPLIED[cls](alias);
  const impliedParams = implied.includes('?') ? [asOf] : [];
  return { sql: `${implied} and ${deadlineClassSql(alias)} = ?`, params: [...impliedParams, asOf, cls] };
}
