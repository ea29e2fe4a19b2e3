/**
 * The evaluation's statements. Each scores every candidate of a plan and period in one pass, ranks them
 * with a window, and writes the nominations with `insert … on conflict`: a PROPOSED automatic nomination
 * is brought up to date, a decided or manual one is never touched, and an unchanged one is not rewritten.
 * Parameters are inlined by the driver: no `?` may appear in the SQL text but the placeholders.
 */

/** Parameters: plan, period, period start (exclusive), period end, then the facility criteria. */
const FACILITY_SCORES = `
  args as (select ?::uuid as plan_id, ?::report_period as period, ?::date as start_day, ?::date as end_day),
  crit as (select ?::int as w_platform, ?::int as w_cashless, ?::float8 as share_pct, ?::int as w_share, ?::int as w_focal,
                  ?::int as w_evidence, ?::float8 as min_score, ?::int as max_n),
  communes as (select distinct a.unit_id from assignment a, args where a.plan_id = args.plan_id),
  facilities as (select f.id, f.name, f.commune_id from facility f where f.commune_id in (select unit_id from communes)),
  latest as (
    select distinct on (v.facility_id) v.facility_id, v.digital_platforms, v.cashless_channels, v.accepts_cashless,
           v.cashless_transactions, v.total_transactions, v.focal_person_name
      from indicator_value v, args
     where v.facility_id in (select id from facilities) and v.as_of <= args.end_day
       and not exists (select 1 from indicator_value c where c.supersedes_id = v.id)
     order by v.facility_id, v.as_of desc),
  evidenced as (
    select v.facility_id, count(*)::int as n
      from evidence e
      join indicator_value v on v.id = e.owner_id
     cross join args
     where e.owner_kind = 'INDICATOR_VALUE' and e.hidden_at is null
       and v.facility_id in (select id from facilities) and v.as_of > args.start_day and v.as_of <= args.end_day
     group by v.facility_id),
  facts as (
    select f.id, f.name, f.commune_id, cu.name as commune_name,
           cardinality(l.digital_platforms) as platforms,
           l.accepts_cashless or cardinality(l.cashless_channels) > 0 as cashless,
           case when l.total_transactions > 0 and l.cashless_transactions is not null
                then 100.0 * l.cashless_transactions / l.total_transactions end as share,
           coalesce(btrim(l.focal_person_name), '') <> '' as focal,
           coalesce(ev.n, 0) as evidence
      from facilities f
      join latest l on l.facility_id = f.id
      join unit cu on cu.id = f.commune_id
      left join evidenced ev on ev.facility_id = f.id),
  judged as (
    select x.*, c.*,
           x.platforms > 0 as p_platform, x.cashless as p_cashless, coalesce(x.share >= c.share_pct, false) as p_share,
           x.focal as p_focal, x.evidence > 0 as p_evidence
      from facts x cross join crit c),
  scored as (
    select j.*,
           100.0 * ((case when p_platform then w_platform else 0 end) + (case when p_cashless then w_cashless else 0 end)
                  + (case when p_share then w_share else 0 end) + (case when p_focal then w_focal else 0 end)
                  + (case when p_evidence then w_evidence else 0 end))
                / nullif(w_platform + w_cashless + w_share + w_focal + w_evidence, 0) as score
      from judged j),
  ranked as (
    select s.*, row_number() over (order by s.score desc, s.share desc nulls last, s.name, s.id) as rank
      from scored s),
  chosen as (
    select r.*, row_number() over (order by r.rank) as place
      from ranked r where r.score >= r.min_score),
  nominees as (
    select c.id as candidate, c.commune_id as unit_id, c.id as facility_id, round(c.score::numeric, 1)::float8 as score, c.rank,
           (select coalesce(jsonb_agg(k order by ord), '[]'::jsonb) from (values
              (1, c.w_platform, jsonb_build_object('code', 'PLATFORM', 'label', 'Dùng nền tảng số', 'passed', c.p_platform, 'weight', c.w_platform,
                 'detail', case when c.p_platform then 'Dùng ' || c.platforms || ' nhóm nền tảng số kế hoạch nêu'
                                else 'Chưa dùng nền tảng số nào trong các nhóm kế hoạch nêu' end)),
              (2, c.w_cashless, jsonb_build_object('code', 'CASHLESS', 'label', 'Chấp nhận thanh toán không dùng tiền mặt', 'passed', c.p_cashless,
                 'weight', c.w_cashless, 'detail', case when c.p_cashless then 'Có kênh thanh toán không dùng tiền mặt' else 'Chưa có kênh nào' end)),
              (3, c.w_share, jsonb_build_object('code', 'CASHLESS_SHARE', 'label', 'Tỷ lệ giao dịch không dùng tiền mặt', 'passed', c.p_share,
                 'weight', c.w_share, 'detail', case when c.share is null then 'Chưa có số giao dịch'
                   else replace(round(c.share::numeric, 1)::text, '.', ',') || '% (ngưỡng ' || replace(c.share_pct::text, '.', ',') || '%)' end)),
              (4, c.w_focal, jsonb_build_object('code', 'FOCAL_PERSON', 'label', 'Có đầu mối thanh toán không dùng tiền mặt', 'passed', c.p_focal,
                 'weight', c.w_focal, 'detail', case when c.p_focal then 'Đã cử đầu mối' else 'Chưa cử đầu mối' end)),
              (5, c.w_evidence, jsonb_build_object('code', 'EVIDENCE', 'label', 'Có minh chứng trong kỳ', 'passed', c.p_evidence,
                 'weight', c.w_evidence, 'detail', c.evidence || ' tệp minh chứng kèm số liệu trong kỳ'))
            ) as v(ord, weight, k) where v.weight > 0) as criteria,
           concat_ws('; ',
             case when c.p_platform and c.w_platform > 0 then 'dùng ' || c.platforms || ' nhóm nền tảng số' end,
             case when c.p_cashless and c.w_cashless > 0 then 'chấp nhận thanh toán không dùng tiền mặt' end,
             case when c.p_share and c.w_share > 0 then replace(round(c.share::numeric, 1)::text, '.', ',') || '% giao dịch không dùng tiền mặt' end,
             case when c.p_focal and c.w_focal > 0 then 'có đầu mối thanh toán không dùng tiền mặt' end,
             case when c.p_evidence and c.w_evidence > 0 then 'có minh chứng số liệu' end) as achievement
      from chosen c where c.place <= c.max_n)`;

/** Parameters: plan, period, start, end, tolerance, the late table (day[], late[]), then the unit criteria. */
const UNIT_SCORES = `
  args as (select ?::uuid as plan_id, ?::report_period as period, ?::date as start_day, ?::date as end_day, ?::int as tolerance),
  late as (select * from unnest(?::date[], ?::int[]) as l(day, late)),
  crit as (select ?::int as w_on_time, ?::int as w_reports, ?::int as max_level, ?::int as w_escalation, ?::float8 as min_score, ?::int as max_n),
  work as (
    select a.unit_id, count(*)::int as due,
           count(*) filter (where c.cls = 'DONE_ON_TIME'
                             or (c.cls = 'DONE_LATE' and coalesce(ld.late - ls.late, 1000) <= args.tolerance))::int as on_time
      from assignment a
     cross join args
     cross join lateral (select assignment_deadline_class(a, args.end_day) as cls) c
      left join late ld on ld.day = a.due_date
      left join late ls on ls.day = (coalesce(a.submitted_at, a.completed_at) at time zone 'Asia/Ho_Chi_Minh')::date
     where a.plan_id = args.plan_id and a.status <> 'CANCELLED' and a.due_date > args.start_day and a.due_date <= args.end_day
     group by a.unit_id),
  reports as (
    select r.unit_id, count(*)::int as owed,
           count(*) filter (where unit_report_deadline_class(r.state, r.submitted_at, r.reviewed_at, o.due_before, args.end_day) = 'DONE_ON_TIME')::int as on_time
      from unit_report r
      join reporting_obligation o on o.id = r.obligation_id
     cross join args
     where r.plan_id = args.plan_id and o.due_before > args.start_day and o.due_before <= args.end_day
     group by r.unit_id),
  chased as (
    select e.unit_id, max(e.level)::int as level
      from escalation e cross join args
     where e.plan_id = args.plan_id and (e.raised_at at time zone 'Asia/Ho_Chi_Minh')::date > args.start_day
       and (e.raised_at at time zone 'Asia/Ho_Chi_Minh')::date <= args.end_day
     group by e.unit_id),
  judged as (
    select w.unit_id as id, u.name, w.due, w.on_time, coalesce(rp.owed, 0) as owed, coalesce(rp.on_time, 0) as reports_on_time,
           coalesce(ch.level, 0) as level, c.*,
           w.on_time = w.due as p_on_time, coalesce(rp.on_time, 0) = coalesce(rp.owed, 0) as p_reports,
           coalesce(ch.level, 0) <= c.max_level as p_escalation
      from work w
      join unit u on u.id = w.unit_id
      left join reports rp on rp.unit_id = w.unit_id
      left join chased ch on ch.unit_id = w.unit_id
     cross join crit c),
  scored as (
    select j.*,
           100.0 * ((case when p_on_time then w_on_time else 0 end) + (case when p_reports then w_reports else 0 end)
                  + (case when p_escalation then w_escalation else 0 end))
                / nullif(w_on_time + w_reports + w_escalation, 0) as score
      from judged j),
  ranked as (
    select s.*, row_number() over (order by s.score desc, s.on_time::float8 / s.due desc, s.due desc, s.name, s.id) as rank from scored s),
  chosen as (select r.*, row_number() over (order by r.rank) as place from ranked r where r.score >= r.min_score),
  nominees as (
    select c.id as candidate, c.id as unit_id, null::uuid as facility_id, round(c.score::numeric, 1)::float8 as score, c.rank,
           (select coalesce(jsonb_agg(k order by ord), '[]'::jsonb) from (values
              (1, c.w_on_time, jsonb_build_object('code', 'ON_TIME', 'label', 'Hoàn thành nhiệm vụ đúng hạn', 'passed', c.p_on_time,
                 'weight', c.w_on_time, 'detail', c.on_time || '/' || c.due || ' nhiệm vụ đến hạn trong kỳ hoàn thành đúng hạn'
                   || case when (select tolerance from args) > 0 then ' (cho phép chậm ' || (select tolerance from args) || ' ngày làm việc)' else '' end)),
              (2, c.w_reports, jsonb_build_object('code', 'REPORTS', 'label', 'Báo cáo đúng hạn', 'passed', c.p_reports, 'weight', c.w_reports,
                 'detail', case when c.owed = 0 then 'Không có báo cáo phải gửi trong kỳ'
                                else c.reports_on_time || '/' || c.owed || ' báo cáo gửi và được tiếp nhận đúng hạn' end)),
              (3, c.w_escalation, jsonb_build_object('code', 'ESCALATION', 'label', 'Không bị đôn đốc quá cấp ' || c.max_level, 'passed', c.p_escalation,
                 'weight', c.w_escalation, 'detail', case when c.level = 0 then 'Không bị đôn đốc trong kỳ' else 'Bị đôn đốc đến cấp ' || c.level end))
            ) as v(ord, weight, k) where v.weight > 0) as criteria,
           concat_ws('; ',
             case when c.p_on_time and c.w_on_time > 0 then 'hoàn thành đúng hạn ' || c.on_time || '/' || c.due || ' nhiệm vụ đến hạn trong kỳ' end,
             case when c.p_reports and c.w_reports > 0 and c.owed > 0 then 'gửi báo cáo đúng hạn' end,
             case when c.p_escalation and c.w_escalation > 0 and c.level = 0 then 'không bị đôn đốc' end) as achievement
      from chosen c where c.place <= c.max_n)`;

/** Counts of what was scored, for the run's record. */
const COUNTS = `(select count(*)::int from scored) as evaluated, (select count(*)::int from chosen) as qualified`;

/** Writes the nominees of one kind, settles the automatic proposals no longer chosen, and records the steps. */
function write(kind: 'FACILITY' | 'UNIT'): string {
  return `,
  written as (
    insert into award_nomination (id, created_at, updated_at, version, plan_id, period, period_end, kind, facility_id, unit_id, candidate_key,
                                  state, source, score, rank, criteria, achievement)
    select gen_random_uuid(), now(), now(), 1, args.plan_id, args.period, args.end_day, '${kind}', n.facility_id, n.unit_id, n.candidate,
           'PROPOSED', 'AUTOMATIC', n.score, n.rank, n.criteria, n.achievement
      from nominees n cross join args
    on conflict (plan_id, period_end, candidate_key) do update
       set score = excluded.score, rank = excluded.rank, criteria = excluded.criteria, achievement = excluded.achievement,
           updated_at = now(), version = award_nomination.version + 1
     where award_nomination.state = 'PROPOSED' and award_nomination.source = 'AUTOMATIC'
       and (award_nomination.score, award_nomination.rank, award_nomination.criteria, award_nomination.achievement)
           is distinct from (excluded.score, excluded.rank, excluded.criteria, excluded.achievement)
    returning id, (xmax = 0) as inserted),
  dropped as (
    update award_nomination m
       set state = 'WITHDRAWN', reason = 'Không còn đạt tiêu chí khi đánh giá lại.', updated_at = now(), version = m.version + 1
      from args
     where m.plan_id = args.plan_id and m.period_end = args.end_day and m.kind = '${kind}' and m.state = 'PROPOSED' and m.source = 'AUTOMATIC'
       and m.candidate_key not in (select candidate from nominees)
    returning m.id),
  logged as (
    insert into award_nomination_event (id, created_at, updated_at, version, nomination_id, action, from_state, to_state, comment, at)
    select gen_random_uuid(), now(), now(), 1, w.id, case when w.inserted then 'PROPOSE' else 'REEVALUATE' end::nomination_action,
           case when w.inserted then null else 'PROPOSED' end::nomination_state, 'PROPOSED'::nomination_state,
           case when w.inserted then 'Đề nghị tự động từ số liệu' else 'Cập nhật số liệu khi đánh giá lại' end, now()
      from written w
    union all
    select gen_random_uuid(), now(), now(), 1, d.id, 'WITHDRAW'::nomination_action, 'PROPOSED'::nomination_state, 'WITHDRAWN'::nomination_state,
           'Không còn đạt tiêu chí khi đánh giá lại.', now()
      from dropped d
    returning 1)
  select ${COUNTS},
         (select count(*)::int from written where inserted) as nominated,
         (select count(*)::int from written where not inserted) as updated,
         (select count(*)::int from dropped) as withdrawn,
         (select count(*)::int from logged) as logged`;
}

export const FACILITY_EVALUATION_SQL = `with ${FACILITY_SCORES}${write('FACILITY')}`;
export const UNIT_EVALUATION_SQL = `with ${UNIT_SCORES}${write('UNIT')}`;
