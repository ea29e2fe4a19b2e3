/**
 * The floor: each read answered by hand-written SQL, returning the same information the product's
 * GraphQL answer carries. What the database alone costs, plus JSON over HTTP.
 */
import type pg from 'pg';

const TODAY = `(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

/** W1: a unit's first 50 assignments in the product's default order, with the last three history entries each. */
export async function myWork(pool: pg.Pool, unitId: string) {
  const [rows, total] = await Promise.all([
    pool.query(
      `select a.id, a.status, a.progress, a.due_date::text, assignment_deadline_class(a, ${TODAY}) as deadline_class,
              u.code as unit_code, u.name as unit_name, t.number as task_number, t.title as task_title, h.history
         from assignment a
         join task t on t.id = a.task_id
         join unit u on u.id = a.unit_id
         cross join lateral (
           select coalesce(json_agg(json_build_object('action', s.action, 'at', s.at, 'actorName', s.actor_name) order by s.at desc), '[]') as history
             from (select sc.action, sc.at, au.full_name as actor_name
                     from status_change sc left join app_user au on au.id = sc.actor_id
                    where sc.assignment_id = a.id order by sc.at desc limit 3) s) h
        where a.unit_id = $1
        order by t.position, u.code, a.id
        limit 50`,
      [unitId],
    ),
    pool.query(`select count(*)::int as n from assignment where unit_id = $1`, [unitId]),
  ]);
  return { totalCount: total.rows[0].n, nodes: rows.rows };
}

const FIGURES = `
  count(*) filter (where cls is not null)::int as total,
  count(*) filter (where cls = 'DONE_ON_TIME')::int as done_on_time,
  count(*) filter (where cls = 'DONE_LATE')::int as done_late,
  count(*) filter (where cls = 'NOT_DONE_WITHIN_DEADLINE')::int as not_done_within_deadline,
  count(*) filter (where cls = 'OVERDUE')::int as overdue,
  count(*) filter (where cls is not null and due_date < as_of)::int as come_due,
  count(*) filter (where cls in ('DONE_ON_TIME', 'DONE_LATE') and due_date < as_of)::int as done_come_due,
  avg(progress) filter (where cls is not null)::float8 as average_progress`;

/**
 * W2: the plan's figures overall, per unit and per task (a parent task counting its sub-tasks), each
 * count one `filter` over the deadline class, in one statement with grouping sets.
 */
export async function planProgress(pool: pg.Pool, planId: string) {
  const { rows } = await pool.query(
    `with classed as (
       select a.unit_id, a.task_id, t.parent_id, a.due_date, a.progress, ${TODAY} as as_of, assignment_deadline_class(a, ${TODAY}) as cls
         from assignment a join task t on t.id = a.task_id
        where a.plan_id = $1)
     select case when grouping(unit_id) = 0 then 'unit' else 'overall' end as scope, unit_id as key, ${FIGURES}
       from classed group by grouping sets ((), (unit_id))
     union all
     select 'task', g.task_id, ${FIGURES}
       from classed cross join lateral (values (classed.task_id), (classed.parent_id)) g(task_id)
      where g.task_id is not null group by g.task_id`,
    [planId],
  );
  const [units, tasks] = await Promise.all([
    pool.query(`select id, code from unit where id = any($1::uuid[]) order by code`, [rows.filter((r) => r.scope === 'unit').map((r) => r.key)]),
    pool.query(`select id, number from task where plan_id = $1 order by position`, [planId]),
  ]);
  const figures = (r: Record<string, any>) => ({
    ...r,
    completion_rate: r.come_due ? r.done_come_due / r.come_due : null,
    overdue_rate: r.total ? r.overdue / r.total : null,
  });
  const byKey = new Map(rows.map((r) => [r.key, figures(r)]));
  return {
    overall: figures(rows.find((r) => r.scope === 'overall')!),
    byUnit: units.rows.map((u) => ({ unit: u, figures: byKey.get(u.id) })),
    byTask: tasks.rows.map((t) => ({ task: t, figures: byKey.get(t.id) ?? null })),
  };
}

/** W3: one assignment with its task and unit. */
export async function oneAssignment(pool: pg.Pool, id: string) {
  const { rows } = await pool.query(
    `select a.id, a.status, a.progress, a.due_date::text, a.version, assignment_deadline_class(a, ${TODAY}) as deadline_class,
            t.number as task_number, t.title as task_title, u.code as unit_code, u.name as unit_name
       from assignment a join task t on t.id = a.task_id join unit u on u.id = a.unit_id
      where a.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** W5: the plan's targets valued from every facility's latest indicator values, as the product counts them. */
export async function targets(pool: pg.Pool, planId: string) {
  const { rows } = await pool.query(
    `with latest as (
       select distinct on (f.id) f.sector, f.level, v.uses_digital_platform, v.accepts_cashless, v.cashless_transactions, v.total_transactions
         from facility f join indicator_value v on v.facility_id = f.id
        where v.as_of <= ${TODAY}
        order by f.id, v.as_of desc)
     select t.code, t.metric, t.comparator, t.threshold_percent, count(l.sector)::int as facilities_counted,
            case when t.metric = 'CASHLESS_TRANSACTION_SHARE'
                 then 100.0 * sum(l.cashless_transactions) filter (where l.total_transactions > 0 and l.cashless_transactions is not null)
                      / nullif(sum(l.total_transactions) filter (where l.total_transactions > 0 and l.cashless_transactions is not null), 0)
                 when count(l.sector) > 0
                 then 100.0 * count(*) filter (where case when t.metric = 'FACILITIES_USING_DIGITAL_PLATFORM' then l.uses_digital_platform else l.accepts_cashless end)
                      / count(l.sector) end::float8 as value_percent
       from target t
       left join latest l on case t.sector when 'EDUCATION' then l.sector = 'EDUCATION' when 'HEALTH' then l.sector = 'HEALTH'
                                           else l.sector = 'EDUCATION' or l.level in ('DISTRICT_HOSPITAL', 'PROVINCIAL_HOSPITAL') end
      where t.plan_id = $1
      group by t.id order by t.code`,
    [planId],
  );
  return rows.map((r) => ({
    code: r.code,
    valuePercent: r.value_percent,
    facilitiesCounted: r.facilities_counted,
    met: r.value_percent !== null && (r.comparator === 'MORE_THAN' ? r.value_percent > r.threshold_percent : r.value_percent >= r.threshold_percent),
  }));
}
