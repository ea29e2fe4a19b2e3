import type { EntityManager } from '@mikro-orm/postgresql';
import { countsFromRow, figuresFromCounts, type CountColumns } from './progress.sql.js';
import type { ProgressFigures } from './deadline.js';

export type SeriesFigures = Omit<ProgressFigures, 'averageProgress'>;

export interface ProgressSeriesPoint extends SeriesFigures {
  day: string;
}

/**
 * A plan's (or one unit's) four deadline classes on each of a few days, in one statement.
 *
 * Which class an assignment is in on a day depends on four facts that do not depend on the day: its
 * deadline, the day it was verified (DONE is final, completed_at is that moment), whether the accepted
 * submission was on time, and the day it was cancelled (from its CANCEL entry in status_change; a
 * cancelled row without one counts as cancelled throughout). On a day the assignment counts unless
 * cancelled by then, is done once verified by then, and is otherwise within its deadline or overdue:
 * exactly assignment_deadline_class() as deadlineClassAsOfSql() applies it, which a test keeps equal.
 *
 * Rather than classify every assignment on every day (100,000 × 60 rows for the largest benchmark
 * plan), each fact date is replaced by where it falls among the sorted days — width_bucket() counts the
 * days on or before a date — and the assignments are grouped by those positions. A few hundred groups
 * are then classified on each day: day k (1-based) is within the deadline while k ≤ due_by, and
 * verified or cancelled once k is past the count of days before the verification or cancellation day.
 */
const seriesSql = (byUnit: boolean) => `
  with facts as (
    select width_bucket(a.due_date, d.days) as due_by,
           case when a.status = 'DONE'
                then width_bucket((a.completed_at at time zone 'Asia/Ho_Chi_Minh')::date - 1, d.days) end as done_after,
           a.status = 'DONE'
             and (coalesce(a.submitted_at, a.completed_at) at time zone 'Asia/Ho_Chi_Minh')::date <= a.due_date as on_time,
           case when a.status = 'CANCELLED'
                then coalesce(width_bucket((select (sc.at at time zone 'Asia/Ho_Chi_Minh')::date from status_change sc
                                             where sc.assignment_id = a.id and sc.action = 'CANCEL'
                                             order by sc.at desc limit 1) - 1, d.days), 0) end as cancelled_after,
           count(*)::int as n
      from assignment a
     cross join (select ?::date[] as days) d
     where a.plan_id = ?${byUnit ? ' and a.unit_id = ?' : ''}
     group by 1, 2, 3, 4
  )
  select d.days[k]::text as day,
         coalesce(sum(f.n) filter (where s.counted), 0)::int as total,
         coalesce(sum(f.n) filter (where s.counted and s.done and f.on_time), 0)::int as done_on_time,
         coalesce(sum(f.n) filter (where s.counted and s.done and not f.on_time), 0)::int as done_late,
         coalesce(sum(f.n) filter (where s.counted and not s.done and k <= f.due_by), 0)::int as not_done_within_deadline,
         coalesce(sum(f.n) filter (where s.counted and not s.done and k > f.due_by), 0)::int as overdue,
         coalesce(sum(f.n) filter (where s.counted and k > f.due_by), 0)::int as come_due,
         coalesce(sum(f.n) filter (where s.counted and s.done and k > f.due_by), 0)::int as done_come_due
    from (select ?::date[] as days) d
   cross join generate_series(1, cardinality(d.days)) k
    left join facts f on true
   cross join lateral (select f.cancelled_after is null or k <= f.cancelled_after as counted,
                              coalesce(k > f.done_after, false) as done) s
   group by k, d.days[k]
   order by k`;

interface SeriesRow extends CountColumns {
  day: string;
}

/** `days` sorted ascending, without repeats (historyDays gives them so). */
export async function progressSeries(em: EntityManager, planId: string, days: string[], unitId?: string): Promise<ProgressSeriesPoint[]> {
  const dayArray = `{${days.join(',')}}`;
  const params = unitId ? [dayArray, planId, unitId, dayArray] : [dayArray, planId, dayArray];
  const rows = await em.getConnection().execute<SeriesRow[]>(seriesSql(!!unitId), params);
  return rows.map((row) => {
    const figures = figuresFromCounts(countsFromRow(row));
    return {
      day: row.day,
      total: figures.total,
      doneOnTime: figures.doneOnTime,
      doneLate: figures.doneLate,
      notDoneWithinDeadline: figures.notDoneWithinDeadline,
      overdue: figures.overdue,
      comeDue: figures.comeDue,
      completionRate: figures.completionRate,
      overdueRate: figures.overdueRate,
    };
  });
}
