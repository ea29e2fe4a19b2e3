/**
 * The sweep's statements. Each is one `insert … select … on conflict do nothing` or `update … from`
 * over the whole set of open work, so its cost grows with the database's work, never with round trips,
 * and the follow-ups of a new escalation (notifications, e-mails, letters) hang off the rows the insert
 * really returned: a second run for the same day finds every key taken and writes nothing.
 *
 * Parameters are inlined by the driver: no `?` may appear in the SQL text but the placeholders.
 */
import { DEFAULT_ESCALATION_POLICY as D } from '../../server/modules/escalations/escalation-policy.entity.js';
import { UNIT_STAFF_ROLES_SQL, assignmentPathSql } from '../../server/modules/notifications/recipients.sql.js';

const OPEN = `('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED')`;
const SUBMISSION_DAY = `(a.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date`;
const VI_DATE = (column: string) => `to_char(${column}, 'DD/MM/YYYY')`;
/** A unit report the unit still has to send (a submitted one waits on the aggregating office, not on the unit). */
const REPORT_UNSENT = `('NOT_STARTED', 'DRAFT', 'RETURNED')`;
/** "Trước ngày 30/6": the last day a report is on time is the day before its obligation's day. */
const REPORT_LAST_DAY = `(o.due_before - 1)`;

/**
 * Shared by every statement; parameters: as_of, now, public_url. A plan without a policy row chases
 * with the defaults; level 2 goes to the policy's coordinating office, or to every COORDINATOR.
 */
const COMMON = `
  args as (select ?::date as as_of, ?::timestamptz as now, ?::text as public_url),
  pol as (
    select p.id as plan_id,
           coalesce(ep.reminder_days, '{${D.reminderDays.join(',')}}'::int[]) as reminder_days,
           coalesce(ep.level1_after, ${D.level1After}) as l1,
           coalesce(ep.level2_after, ${D.level2After}) as l2,
           coalesce(ep.level3_after, ${D.level3After}) as l3,
           coalesce(ep.repeat_every, ${D.repeatEvery}) as repeat_every,
           coalesce(ep.review_after, ${D.reviewAfter}) as review_after,
           coalesce(ep.review_leader_after, ${D.reviewLeaderAfter}) as review_leader_after,
           coalesce(ep.auto_letter, ${D.autoLetter}) as auto_letter,
           case when ep.coordinator_unit_id is not null
                then array(select u.id from app_user u
                            where u.active and u.unit_id = ep.coordinator_unit_id and u.role <> 'VIEWER' order by u.id) end as coord_ids,
           (select c.name from unit c where c.id = ep.coordinator_unit_id) as coord_label
      from plan p
      left join escalation_policy ep on ep.plan_id = p.id
     where p.status = 'ACTIVE' and coalesce(ep.enabled, ${D.enabled})),
  staff as (
    select u.unit_id, array_agg(u.id order by u.id) as ids
      from app_user u
     where u.active and u.role in ${UNIT_STAFF_ROLES_SQL}
     group by u.unit_id),
  lead as (
    select coalesce(array_agg(u.id order by u.id), '{}') as ids,
           -- One leadership (a district's own install) names itself; several are just "the leaders".
           case when count(distinct lu.id) = 1 then left('Lãnh đạo ' || min(coalesce(lu.short_name, lu.name)), 255)
                else 'Lãnh đạo UBND' end as label
      from app_user u join unit lu on lu.id = u.unit_id
     where u.active and u.role = 'LEADER'),
  coordinators as (
    select coalesce(array_agg(u.id order by u.id), '{}') as ids, 'Cán bộ điều phối kế hoạch' as label
      from app_user u where u.active and u.role = 'COORDINATOR'),
  -- Up the chain of command: a unit's leaders are the LEADER users of its nearest ancestor that has
  -- any (the district's People's Committee for its offices and communes), and its coordinators the
  -- COORDINATOR users of the office it reports through. A national deployment chases each district's
  -- late work to that district's leaders, not to every leader in the country.
  leaders_of as (
    select u.unit_id, array_agg(u.id order by u.id) as ids, left('Lãnh đạo ' || coalesce(min(lu.short_name), min(lu.name)), 255) as label
      from app_user u join unit lu on lu.id = u.unit_id
     where u.active and u.role = 'LEADER'
     group by u.unit_id),
  up (unit_id, ancestor_id, depth) as (
    select u.id, u.parent_id, 1 from unit u where u.parent_id is not null
    union all
    select up.unit_id, p.parent_id, up.depth + 1 from up join unit p on p.id = up.ancestor_id
     where p.parent_id is not null and up.depth < 8),
  unit_leaders as (
    select distinct on (up.unit_id) up.unit_id, l.ids, l.label
      from up join leaders_of l on l.unit_id = up.ancestor_id
     order by up.unit_id, up.depth),
  unit_coordinators as (
    select cu.id as unit_id, array_agg(u.id order by u.id) as ids, min(ru.name) as label
      from unit cu
      join unit ru on ru.id = cu.reports_through_id
      join app_user u on u.unit_id = ru.id and u.active and u.role = 'COORDINATOR'
     group by cu.id)`;

export const COMMON_PARAMS = (asOf: string, now: Date, publicUrl: string) => [asOf, now.toISOString(), publicUrl];

/** The oldest day a late count is needed for: the oldest open due date or pending submission. */
export const OLDEST_DAY_SQL = `
  select to_char(least(
           (select min(a.due_date) from assignment a where a.status in ${OPEN}),
           (select min(${SUBMISSION_DAY}) from assignment a where a.status = 'SUBMITTED'),
           (select min(${REPORT_LAST_DAY}) from unit_report r join reporting_obligation o on o.id = r.obligation_id
             where r.state in ${REPORT_UNSENT})), 'YYYY-MM-DD') as day`;

/** The reminder distances any chasing plan uses. */
export const REMINDER_DISTANCES_SQL = `
  with recursive ${COMMON}
  select distinct unnest(pol.reminder_days) as n from pol`;

/**
 * An escalation is settled once what it chased has happened: the work left the open statuses or its
 * due date moved (OVERDUE), or the submission it waited on is no longer pending (REVIEW), or the work
 * moved to another unit. The same
 * rule as isSettled() in escalation.rules.ts. The version stays: the API settles the same rows through
 * the entity, and a sweep settling them first must not turn the officer's submission into a conflict.
 * Parameter: now.
 */
export const RESOLVE_SQL = `
  with resolved as (
    update escalation e
       set state = 'RESOLVED', resolved_at = ?::timestamptz, updated_at = now()
      from assignment a
     where e.state = 'OPEN' and a.id = e.assignment_id
       and (e.unit_id <> a.unit_id or case e.kind
             when 'OVERDUE' then a.status not in ${OPEN} or a.due_date <> e.basis
             else a.status <> 'SUBMITTED' or ${SUBMISSION_DAY} is distinct from e.basis
           end)
    returning 1)
  select count(*)::int as resolved from resolved`;

/**
 * Reminders to the unit's officers and head, for open work due in exactly n working days for each n of
 * the plan's list. Parameters: COMMON, then the ranges (n[], from[], to[]).
 */
export const REMIND_SQL = `
  with recursive ${COMMON},
  ranges as (select * from unnest(?::int[], ?::date[], ?::date[]) as r(n, day_from, day_to)),
  sent as (
    insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, assignment_id, dedupe_key)
    select gen_random_uuid(), args.now, args.now, 1, staff_id, 'REMINDER',
           left(case when r.n = 0 then 'Đến hạn ' || ${VI_DATE('a.due_date')} || ': nhiệm vụ ' || t.number
                     else 'Còn ' || r.n || ' ngày làm việc đến hạn: nhiệm vụ ' || t.number end, 255),
           'Nhiệm vụ ' || t.number || ' (' || t.title || ') của ' || u.name || ' đến hạn ngày ' || ${VI_DATE('a.due_date')}
             || '. Đề nghị cập nhật tiến độ và nộp kết quả đúng hạn.',
           args.as_of, false, a.id,
           'remind:' || a.id || ':' || to_char(a.due_date, 'YYYY-MM-DD') || ':' || r.n
      from ranges r
      join assignment a on a.due_date between r.day_from and r.day_to
      join pol on pol.plan_id = a.plan_id and r.n = any(pol.reminder_days)
      join task t on t.id = a.task_id
      join unit u on u.id = a.unit_id
      join staff s on s.unit_id = a.unit_id
      cross join unnest(s.ids) as staff_id
      cross join args
     where a.status in ${OPEN}
    on conflict (user_id, dedupe_key) do nothing
    returning user_id)
  select count(*)::int as created, coalesce(array_agg(distinct user_id::text), '{}') as user_ids from sent`;

/**
 * The ladder's current step for every late assignment and every submission waiting for review, the
 * notifications, urgent e-mails and automatic letters of the steps that are new. Parameters: COMMON,
 * then the late table (day[], late[]).
 */
export const ESCALATE_SQL = `
  with recursive ${COMMON},
  late as (select * from unnest(?::date[], ?::int[]) as l(day, late)),
  step as (
    select a.id as assignment_id, a.plan_id, a.unit_id, 'OVERDUE'::escalation_kind as kind, a.due_date as basis, l.late,
           case when l.late >= pol.l3 then 3 when l.late >= pol.l2 then 2 else 1 end as level,
           case when l.late >= pol.l3 then (l.late - pol.l3) / pol.repeat_every else 0 end as round
      from assignment a
      join pol on pol.plan_id = a.plan_id
      join late l on l.day = a.due_date
     where a.status in ${OPEN} and l.late >= pol.l1
    union all
    select a.id, a.plan_id, a.unit_id, 'REVIEW'::escalation_kind, l.day, l.late,
           case when l.late >= pol.review_leader_after then 3 else 2 end, 0
      from assignment a
      join pol on pol.plan_id = a.plan_id
      join late l on l.day = ${SUBMISSION_DAY}
     where a.status = 'SUBMITTED' and l.late >= pol.review_after),
  raised as (
    insert into escalation (id, created_at, updated_at, version, plan_id, assignment_id, unit_id, kind, level, round, basis,
                            working_days_late, raised_at, recipient_ids, recipient_label, state)
    select gen_random_uuid(), args.now, args.now, 1, s.plan_id, s.assignment_id, s.unit_id, s.kind, s.level, s.round, s.basis,
           s.late, args.now,
           case s.level when 1 then coalesce(st.ids, '{}')
                        when 2 then coalesce(pol.coord_ids, uc.ids, coordinators.ids)
                        else coalesce(ul.ids, lead.ids) end,
           case s.level when 1 then u.name
                        when 2 then coalesce(pol.coord_label, uc.label, coordinators.label)
                        else coalesce(ul.label, lead.label) end,
           'OPEN'
      from step s
      join pol on pol.plan_id = s.plan_id
      join unit u on u.id = s.unit_id
      left join staff st on st.unit_id = s.unit_id
      left join unit_leaders ul on ul.unit_id = s.unit_id
      left join unit_coordinators uc on uc.unit_id = s.unit_id
      cross join lead
      cross join coordinators
      cross join args
     where not exists (select 1 from escalation e
                        where e.assignment_id = s.assignment_id and e.unit_id = s.unit_id and e.kind = s.kind
                          and e.basis = s.basis and e.level = s.level and e.round = s.round)
    on conflict (assignment_id, unit_id, kind, basis, level, round) do nothing
    returning id, plan_id, assignment_id, unit_id, kind, level, basis, working_days_late, recipient_ids),
  message as (
    select r.id,
           left(case r.kind
                  when 'OVERDUE' then 'Đôn đốc cấp ' || r.level || ': nhiệm vụ ' || t.number || ' quá hạn '
                                      || r.working_days_late || ' ngày làm việc'
                  else 'Đôn đốc thẩm định cấp ' || r.level || ': nhiệm vụ ' || t.number || ' chờ thẩm định '
                       || r.working_days_late || ' ngày làm việc'
                end, 255) as title,
           case r.kind
             when 'OVERDUE' then 'Nhiệm vụ ' || t.number || ' (' || t.title || ') giao ' || u.name || ', hạn '
                                 || ${VI_DATE('r.basis')} || ', đã quá hạn ' || r.working_days_late
                                 || ' ngày làm việc mà chưa nộp kết quả.'
             else 'Kết quả nhiệm vụ ' || t.number || ' (' || t.title || ') của ' || u.name || ' nộp ngày '
                  || ${VI_DATE('r.basis')} || ' đã chờ thẩm định ' || r.working_days_late || ' ngày làm việc.'
           end as body
      from raised r
      join assignment a on a.id = r.assignment_id
      join task t on t.id = a.task_id
      join unit u on u.id = r.unit_id),
  notified as (
    insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, assignment_id, escalation_id, dedupe_key)
    select gen_random_uuid(), args.now, args.now, 1, recipient,
           (case r.kind when 'OVERDUE' then 'ESCALATION' else 'REVIEW_ESCALATION' end)::notification_kind,
           m.title, m.body, args.as_of, r.level >= 2, r.assignment_id, r.id, 'esc:' || r.id
      from raised r
      join message m on m.id = r.id
      cross join unnest(r.recipient_ids) as recipient
      cross join args
    on conflict (user_id, dedupe_key) do nothing
    returning user_id),
  -- Urgent steps are mailed at once, but as one mail per person and day: a leader with forty late
  -- assignments gets one message listing them (the fifty most urgent), not forty.
  mailed as (
    insert into outbox_email (id, created_at, updated_at, version, user_id, to_address, subject, text, dedupe_key, state, attempts, next_attempt_at)
    -- Queued now, on the real clock, whatever day is swept: the relay's retries and expiry count from it.
    select gen_random_uuid(), now(), now(), 1, x.user_id, x.email,
           case when x.total = 1 then left('[Tiến độ] ' || x.first_title, 255)
                else '[Tiến độ] Đôn đốc ngày ' || to_char(args.as_of, 'DD/MM/YYYY') || ': ' || x.total || ' việc cần xử lý' end,
           x.listing || case when x.total > 50
                             then chr(10) || chr(10) || '… và ' || (x.total - 50) || ' việc khác: ' || args.public_url || '/#/overview'
                             else '' end,
           'urgent:' || x.user_id || ':' || to_char(args.as_of, 'YYYY-MM-DD'), 'PENDING', 0, now()
      from (select y.user_id, y.email, y.total,
                   min(y.title) filter (where y.n = 1) as first_title,
                   string_agg(y.title || chr(10) || y.body || chr(10) || 'Xem chi tiết: ' || (select public_url from args)
                              || ${assignmentPathSql('y.assignment_id')}, chr(10) || chr(10) order by y.n)
                     filter (where y.n <= 50) as listing
              from (select usr.id as user_id, usr.email, m.title, m.body, r.assignment_id,
                           row_number() over (partition by usr.id order by r.level desc, r.working_days_late desc, r.id) as n,
                           count(*) over (partition by usr.id) as total
                      from raised r
                      join message m on m.id = r.id
                      join app_user usr on usr.id = any(r.recipient_ids)
                     where r.level >= 2 and coalesce(usr.email, '') <> '') y
             group by y.user_id, y.email, y.total) x
      cross join args
    on conflict (dedupe_key) do nothing
    returning 1),
  drafted as (
    insert into urging_letter (id, created_at, updated_at, version, plan_id, unit_id, automatic, day, state, assignment_ids,
                               assignment_count, dedupe_key)
    select gen_random_uuid(), args.now, args.now, 1, x.plan_id, x.unit_id, true, args.as_of, 'PENDING', '{}', 0,
           'auto:' || x.plan_id || ':' || x.unit_id || ':' || to_char(args.as_of, 'YYYY-MM-DD')
      from (select distinct r.plan_id, r.unit_id
              from raised r join pol on pol.plan_id = r.plan_id
             where r.kind = 'OVERDUE' and r.level = 3 and pol.auto_letter) x
      cross join args
     -- One automatic letter per unit and repeat period, however many of its assignments reach level 3:
     -- a unit urged in writing this week is not sent another letter tomorrow.
     where not exists (select 1
                         from urging_letter l
                         join late on late.day = l.day
                         join pol on pol.plan_id = l.plan_id
                        where l.plan_id = x.plan_id and l.unit_id = x.unit_id and l.automatic
                          and late.late < pol.repeat_every)
    on conflict (dedupe_key) do nothing
    returning 1)
  select (select count(*)::int from raised) as escalations,
         (select count(*)::int from mailed) as emails,
         (select count(*)::int from drafted) as letters,
         (select coalesce(array_agg(distinct user_id::text), '{}') from notified) as user_ids`;

/**
 * Reminders to a unit whose period report is not sent, n working days before its last day, for each n of
 * the plan's list. Parameters: COMMON, then the ranges (n[], from[], to[]).
 */
export const REPORT_REMIND_SQL = `
  with recursive ${COMMON},
  ranges as (select * from unnest(?::int[], ?::date[], ?::date[]) as r(n, day_from, day_to)),
  sent as (
    insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, unit_report_id, dedupe_key)
    select gen_random_uuid(), args.now, args.now, 1, staff_id, 'REPORT_REMINDER',
           left(case when rg.n = 0 then 'Hôm nay là hạn cuối gửi báo cáo: ' || o.subject
                     else 'Còn ' || rg.n || ' ngày làm việc đến hạn gửi báo cáo: ' || o.subject end, 255),
           u.name || ' gửi ' || lower(left(o.subject, 1)) || substr(o.subject, 2) || ' trước ngày ' || ${VI_DATE('o.due_before')}
             || ' qua ' || coalesce(t.name, 'đơn vị tổng hợp') || '. Đề nghị hoàn thành và gửi đúng hạn.',
           args.as_of, false, r.id,
           'report-remind:' || r.id || ':' || to_char(o.due_before, 'YYYY-MM-DD') || ':' || rg.n
      from ranges rg
      join reporting_obligation o on ${REPORT_LAST_DAY} between rg.day_from and rg.day_to
      join unit_report r on r.obligation_id = o.id
      join pol on pol.plan_id = o.plan_id and rg.n = any(pol.reminder_days)
      join unit u on u.id = r.unit_id
      left join unit t on t.id = o.through_id
      join staff s on s.unit_id = r.unit_id
      cross join unnest(s.ids) as staff_id
      cross join args
     where r.state in ${REPORT_UNSENT}
    on conflict (user_id, dedupe_key) do nothing
    returning user_id)
  select count(*)::int as created, coalesce(array_agg(distinct user_id::text), '{}') as user_ids from sent`;

/**
 * The ladder's current step for every period report not sent by its last day: level 1 to the unit,
 * level 2 to the aggregating office it reports through (else the plan's coordinating office), level 3
 * to the unit's leaders up the chain of command, repeated as for late work. Each step is told once:
 * its key holds the report, its due day, the level and the round. Parameters: COMMON, then the late
 * table (day[], late[]).
 */
export const REPORT_ESCALATE_SQL = `
  with recursive ${COMMON},
  late as (select * from unnest(?::date[], ?::int[]) as l(day, late)),
  aggregators as (
    select u.unit_id, array_agg(u.id order by u.id) as ids
      from app_user u where u.active and u.role in ('COORDINATOR', 'UNIT_HEAD')
     group by u.unit_id),
  step as (
    select r.id as report_id, r.unit_id, o.through_id, o.subject, o.due_before, l.late, pol.plan_id,
           case when l.late >= pol.l3 then 3 when l.late >= pol.l2 then 2 else 1 end as level,
           case when l.late >= pol.l3 then (l.late - pol.l3) / pol.repeat_every else 0 end as round
      from unit_report r
      join reporting_obligation o on o.id = r.obligation_id
      join pol on pol.plan_id = o.plan_id
      join late l on l.day = ${REPORT_LAST_DAY}
     where r.state in ${REPORT_UNSENT} and l.late >= pol.l1),
  addressed as (
    select s.*, u.name as unit_name,
           case s.level when 1 then coalesce(st.ids, '{}')
                        when 2 then coalesce(ag.ids, pol.coord_ids, coordinators.ids)
                        else coalesce(ul.ids, lead.ids) end as recipient_ids
      from step s
      join pol on pol.plan_id = s.plan_id
      join unit u on u.id = s.unit_id
      left join staff st on st.unit_id = s.unit_id
      left join aggregators ag on ag.unit_id = s.through_id
      left join unit_leaders ul on ul.unit_id = s.unit_id
      cross join lead
      cross join coordinators),
  sent as (
    insert into notification (id, created_at, updated_at, version, user_id, kind, title, body, day, urgent, unit_report_id, dedupe_key)
    select gen_random_uuid(), args.now, args.now, 1, recipient, 'REPORT_OVERDUE',
           left('Đôn đốc cấp ' || a.level || ': ' || a.unit_name || ' chưa gửi báo cáo, quá hạn ' || a.late || ' ngày làm việc', 255),
           a.subject || ' của ' || a.unit_name || ' phải gửi trước ngày ' || ${VI_DATE('a.due_before')} || ', đã quá hạn '
             || a.late || ' ngày làm việc mà chưa gửi.',
           -- Not urgent: the urgent mail lists late assignments; these go out in the day's digest.
           args.as_of, false, a.report_id,
           'report-esc:' || a.report_id || ':' || to_char(a.due_before, 'YYYY-MM-DD') || ':' || a.level || ':' || a.round
      from addressed a
      cross join unnest(a.recipient_ids) as recipient
      cross join args
    on conflict (user_id, dedupe_key) do nothing
    returning user_id)
  select count(*)::int as created, coalesce(array_agg(distinct user_id::text), '{}') as user_ids from sent`;
