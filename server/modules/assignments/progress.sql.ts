import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgressFigures } from './deadline.js';
import { deadlineClassAsOfSql } from './deadline.sql.js';

/** What PostgreSQL counts for one group; the rates are derived from these in figuresFromCounts. */
export type ClassCounts = Omit<ProgressFigures, 'completionRate' | 'overdueRate' | 'averageProgress'> & {
  doneComeDue: number;
  progressSum: number;
};

export interface PlanCounts {
  overall: ClassCounts | undefined;
  byUnit: Map<string, ClassCounts>;
  byTask: Map<string, ClassCounts>;
  /** Counts of a task's sub-tasks' assignments, keyed by the parent task. */
  byParentTask: Map<string, ClassCounts>;
}

/**
 * One pass over the plan's assignments, grouped four ways at once. The class is the shared SQL
 * definition (assignment_deadline_class, with the history for work cancelled after a past day), the same
 * that filters the lists; cancelled work (class null) counts nowhere, as in computeFigures().
 */
const planCountsSql = (classSql: string) => `
  select grouping(a.unit_id) = 0 as by_unit, grouping(a.task_id) = 0 as by_task, grouping(t.parent_id) = 0 as by_parent,
         a.unit_id, a.task_id, t.parent_id,
         count(c.cls)::int as total,
         count(*) filter (where c.cls = 'DONE_ON_TIME')::int as done_on_time,
         count(*) filter (where c.cls = 'DONE_LATE')::int as done_late,
         count(*) filter (where c.cls = 'NOT_DONE_WITHIN_DEADLINE')::int as not_done_within_deadline,
         count(*) filter (where c.cls = 'OVERDUE')::int as overdue,
         count(c.cls) filter (where a.due_date < ?::date)::int as come_due,
         count(*) filter (where c.cls in ('DONE_ON_TIME', 'DONE_LATE') and a.due_date < ?::date)::int as done_come_due,
         coalesce(sum(a.progress) filter (where c.cls is not null), 0)::float8 as progress_sum
    from assignment a
    join task t on t.id = a.task_id
    cross join lateral (select ${classSql} as cls) c
   where a.plan_id = ?
   group by grouping sets ((), (a.unit_id), (a.task_id), (t.parent_id))`;

interface CountRow extends CountColumns {
  by_unit: boolean;
  by_task: boolean;
  by_parent: boolean;
  unit_id: string | null;
  task_id: string | null;
  parent_id: string | null;
}

export async function planCounts(em: EntityManager, planId: string, asOf: string): Promise<PlanCounts> {
  const cls = deadlineClassAsOfSql('a', asOf);
  const rows = await em.getConnection().execute<CountRow[]>(planCountsSql(cls.sql), [asOf, asOf, ...cls.params, planId]);
  const result: PlanCounts = { overall: undefined, byUnit: new Map(), byTask: new Map(), byParentTask: new Map() };
  for (const row of rows) {
    const counts = countsFromRow(row);
    if (row.by_unit) result.byUnit.set(row.unit_id!, counts);
    else if (row.by_task) result.byTask.set(row.task_id!, counts);
    // The (parent_id) set also has a group for top-level tasks (parent null): not a parent's count.
    else if (row.by_parent) {
      if (row.parent_id) result.byParentTask.set(row.parent_id, counts);
    } else result.overall = counts;
  }
  return result;
}

/** The columns every count statement returns, as PostgreSQL names them; progress_sum where progress counts. */
export interface CountColumns {
  total: number;
  done_on_time: number;
  done_late: number;
  not_done_within_deadline: number;
  overdue: number;
  come_due: number;
  done_come_due: number;
  progress_sum?: number;
}

export function countsFromRow(row: CountColumns): ClassCounts {
  return {
    total: row.total,
    doneOnTime: row.done_on_time,
    doneLate: row.done_late,
    notDoneWithinDeadline: row.not_done_within_deadline,
    overdue: row.overdue,
    comeDue: row.come_due,
    doneComeDue: row.done_come_due,
    progressSum: row.progress_sum ?? 0,
  };
}

export const EMPTY_COUNTS: ClassCounts = {
  total: 0, doneOnTime: 0, doneLate: 0, notDoneWithinDeadline: 0, overdue: 0, comeDue: 0, doneComeDue: 0, progressSum: 0,
};

/** A parent task's counts with its sub-tasks' added. */
export function addCounts(a: ClassCounts, b: ClassCounts | undefined): ClassCounts {
  if (!b) return a;
  return Object.fromEntries(Object.keys(EMPTY_COUNTS).map((k) => [k, a[k as keyof ClassCounts] + b[k as keyof ClassCounts]])) as unknown as ClassCounts;
}

export function figuresFromCounts(c: ClassCounts): ProgressFigures {
  return {
    total: c.total,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    notDoneWithinDeadline: c.notDoneWithinDeadline,
    overdue: c.overdue,
    comeDue: c.comeDue,
    completionRate: c.comeDue ? c.doneComeDue / c.comeDue : null,
    overdueRate: c.total ? c.overdue / c.total : null,
    averageProgress: c.total ? c.progressSum / c.total : null,
  };
}
