import type { EntityManager } from '@mikro-orm/postgresql';
import { countsFromRow, figuresFromCounts, type CountColumns } from '../assignments/progress.sql.js';
import { Target } from '../targets/target.entity.js';
import { targetValues, targetValuesForCommune } from '../targets/target-progress.js';
import { UnitKind } from '../units/unit.entity.js';
import type { UnitReportFigures } from './compiled-report.snapshot.js';

/** A report names at most this many late assignments; the plan's lists hold the rest. */
export const MAX_NAMED_OVERDUE = 50;

/** The unit's own assignments in the plan, counted in one statement with the shared class function. */
const UNIT_COUNTS_SQL = `
  select count(c.cls)::int as total,
         count(*) filter (where c.cls = 'DONE_ON_TIME')::int as done_on_time,
         count(*) filter (where c.cls = 'DONE_LATE')::int as done_late,
         count(*) filter (where c.cls = 'NOT_DONE_WITHIN_DEADLINE')::int as not_done_within_deadline,
         count(*) filter (where c.cls = 'OVERDUE')::int as overdue,
         count(c.cls) filter (where a.due_date < ?::date)::int as come_due,
         count(*) filter (where c.cls in ('DONE_ON_TIME', 'DONE_LATE') and a.due_date < ?::date)::int as done_come_due,
         coalesce(sum(a.progress) filter (where c.cls is not null), 0)::float8 as progress_sum,
         (select count(*)::int from evidence e join assignment ea on ea.id = e.owner_id
           where e.owner_kind = 'ASSIGNMENT' and e.hidden_at is null and ea.plan_id = ? and ea.unit_id = ?) as evidence_count
    from assignment a
    cross join lateral (select assignment_deadline_class(a, ?::date) as cls) c
   where a.plan_id = ? and a.unit_id = ?`;

const UNIT_OVERDUE_SQL = `
  select t.number as "taskCode", t.title as "taskTitle", to_char(a.due_date, 'YYYY-MM-DD') as "dueDate", a.status, a.progress
    from assignment a
    join task t on t.id = a.task_id
   where a.plan_id = ? and a.unit_id = ? and assignment_deadline_class(a, ?::date) = 'OVERDUE'
   order by a.due_date desc, t.number
   limit ${MAX_NAMED_OVERDUE}`;

/** A commune's facilities, and those with any figures dated on or before the day. */
const COMMUNE_FACILITIES_SQL = `
  select count(*)::int as total,
         count(*) filter (where exists (select 1 from indicator_value v where v.facility_id = f.id and v.as_of <= ?::date))::int as reported
    from facility f
   where f.commune_id = ?`;

interface CountRow extends CountColumns {
  evidence_count: number;
}

/**
 * What a unit's report is drafted from, as of a day: its work in the four deadline classes with the
 * late work named, its evidence, the targets of its area (the commune's own values for a commune, the
 * district's for an office) and, for a commune, how many of its facilities have reported. Four small
 * statements bounded by the unit's own rows, whatever the size of the plan.
 */
export async function unitReportFigures(
  em: EntityManager, planId: string, unit: { id: string; kind: UnitKind }, asOf: string,
): Promise<UnitReportFigures> {
  const connection = em.getConnection();
  const isCommune = unit.kind === UnitKind.COMMUNE || unit.kind === UnitKind.TOWNSHIP;
  const [[counts], overdue, targets, facilities] = await Promise.all([
    connection.execute<CountRow[]>(UNIT_COUNTS_SQL, [asOf, asOf, planId, unit.id, asOf, planId, unit.id]),
    connection.execute<UnitReportFigures['overdue']>(UNIT_OVERDUE_SQL, [planId, unit.id, asOf]),
    em.find(Target, { plan: planId }, { orderBy: { code: 'asc' }, disableIdentityMap: true }),
    isCommune ? connection.execute<Array<{ total: number; reported: number }>>(COMMUNE_FACILITIES_SQL, [asOf, unit.id]) : Promise.resolve(null),
  ]);
  const values = isCommune ? await targetValuesForCommune(em, targets, asOf, unit.id) : await targetValues(em, targets, asOf);
  return {
    asOf,
    assignments: figuresFromCounts(countsFromRow(counts)),
    overdue: overdue.map((row) => ({ ...row, progress: Number(row.progress) })),
    evidenceCount: counts.evidence_count,
    targets: targets.map((target, i) => {
      const value = values[i];
      return {
        code: target.code,
        title: target.title,
        thresholdPercent: target.thresholdPercent,
        valuePercent: value.valuePercent,
        numerator: value.numerator,
        denominator: value.denominator,
        status: value.status,
      };
    }),
    facilities: facilities ? facilities[0] : null,
  };
}
