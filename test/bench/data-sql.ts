/**
 * The synthetic rows, as a few large `insert … select … from generate_series` statements. Ids are
 * md5 of a natural key and every choice is a hash of that key, so two runs give identical data.
 * All timestamps lie before ANCHOR, a fixed "now" in late 2026: with due dates spread over 2022–2027,
 * all four deadline classes occur whatever day the benchmark runs.
 */
import { localUnitsPerDistrict, TASKS_PER_PLAN, type PlanSpec, type UnitShape } from './data-shape.js';

const ANCHOR = `timestamptz '2026-11-01 09:00:00+07'`;
const CREATED = `timestamptz '2021-01-04 08:00:00+07'`;

const DEPARTMENTS = ['Thông tin và Truyền thông', 'Giáo dục và Đào tạo', 'Y tế', 'Tài chính', 'Kế hoạch và Đầu tư', 'Nội vụ', 'Tư pháp', 'Công Thương', 'Khoa học và Công nghệ'];
const OFFICES = ['Văn hóa và Thông tin', 'Giáo dục và Đào tạo', 'Y tế'];

const textArray = (items: string[]) => `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ')}]`;
const int = (n: number) => String(Math.trunc(n));

/** bench_unit: every synthetic unit with its place in the hierarchy; `local_no` orders district-level units. */
export function unitsSql(u: UnitShape): string[] {
  const pad = (col: string) => `lpad(${col}::text, 2, '0')`;
  return [
    `create temp table bench_unit (code text primary key, name text, short_name text, kind unit_kind, parent_code text,
       province int, district int, ord int, local_no int)`,
    `insert into bench_unit (code, name, short_name, kind, parent_code, province, district, ord)
     select format('T%s-UBND', ${pad('p')}), format('Ủy ban nhân dân tỉnh %s', p), format('UBND tỉnh %s', p), 'LEADERSHIP'::unit_kind, null::text, p, null::int, 0
       from generate_series(1, ${int(u.provinces)}) p
     union all
     select format('T%s-SO%s', ${pad('p')}, s), format('Sở %s tỉnh %s', (${textArray(DEPARTMENTS)})[1 + (s - 1) % ${DEPARTMENTS.length}], p),
            format('Sở %s', s), 'PROVINCIAL_DEPARTMENT', format('T%s-UBND', ${pad('p')}), p, null::int, s
       from generate_series(1, ${int(u.provinces)}) p, generate_series(1, ${int(u.departmentsPerProvince)}) s
     union all
     select format('T%s-H%s-UBND', ${pad('p')}, ${pad('d')}), format('Ủy ban nhân dân huyện %s tỉnh %s', d, p), format('UBND huyện %s', d),
            'LEADERSHIP', format('T%s-UBND', ${pad('p')}), p, d, 0
       from generate_series(1, ${int(u.provinces)}) p, generate_series(1, ${int(u.districtsPerProvince)}) d
     union all
     select format('T%s-H%s-P%s', ${pad('p')}, ${pad('d')}, o), format('Phòng %s huyện %s tỉnh %s', (${textArray(OFFICES)})[1 + (o - 1) % ${OFFICES.length}], d, p),
            format('Phòng %s', o), 'OFFICE', format('T%s-H%s-UBND', ${pad('p')}, ${pad('d')}), p, d, o
       from generate_series(1, ${int(u.provinces)}) p, generate_series(1, ${int(u.districtsPerProvince)}) d, generate_series(1, ${int(u.officesPerDistrict)}) o
     union all
     select format('T%s-H%s-X%s', ${pad('p')}, ${pad('d')}, ${pad('c')}),
            case when c = 1 then format('Thị trấn huyện %s tỉnh %s', d, p) else format('Xã %s huyện %s tỉnh %s', c, d, p) end,
            case when c = 1 then format('TT huyện %s', d) else format('Xã %s', c) end,
            case when c = 1 then 'TOWNSHIP' else 'COMMUNE' end::unit_kind, format('T%s-H%s-UBND', ${pad('p')}, ${pad('d')}), p, d, ${int(u.officesPerDistrict)} + c
       from generate_series(1, ${int(u.provinces)}) p, generate_series(1, ${int(u.districtsPerProvince)}) d, generate_series(1, ${int(u.communesPerDistrict)}) c`,
    `update bench_unit b set local_no = o.n
       from (select code, row_number() over (order by province, district, ord) - 1 as n from bench_unit where district is not null) o
      where o.code = b.code`,
    `analyze bench_unit`,
    `insert into unit (id, created_at, updated_at, version, code, name, short_name, kind, parent_id, reports_through_id)
     select md5('unit:' || code)::uuid, ${CREATED}, ${CREATED}, 1, code, name, short_name, kind,
            case when parent_code is not null then md5('unit:' || parent_code)::uuid end, null
       from bench_unit order by province, district nulls first, ord`,
  ];
}

/** Officers for every unit (username t01-h02-x03-1 …), a leader and a reviewer per province, one shared hash. */
export function usersSql(u: UnitShape, passwordHash: string): string[] {
  const hash = `'${passwordHash.replaceAll("'", "''")}'`;
  return [
    `insert into app_user (id, created_at, updated_at, version, username, full_name, password_hash, role, unit_id, active, is_demo)
     select md5('user:' || lower(code) || '-' || k)::uuid, ${CREATED}, ${CREATED}, 1, lower(code) || '-' || k,
            format('Cán bộ %s (%s)', short_name, k), ${hash}, 'OFFICER'::user_role, md5('unit:' || code)::uuid, true, true
       from bench_unit, generate_series(1, ${int(u.officersPerUnit)}) k
     union all
     select md5('user:' || lower(code) || '-lanhdao')::uuid, ${CREATED}, ${CREATED}, 1, lower(code) || '-lanhdao',
            format('Lãnh đạo %s', short_name), ${hash}, 'LEADER', md5('unit:' || code)::uuid, true, true
       from bench_unit where kind = 'LEADERSHIP' and district is null
     union all
     select md5('user:' || lower(code) || '-thamdinh')::uuid, ${CREATED}, ${CREATED}, 1, lower(code) || '-thamdinh',
            format('Cán bộ thẩm định %s', short_name), ${hash}, 'COORDINATOR', md5('unit:' || code)::uuid, true, true
       from bench_unit where kind = 'PROVINCIAL_DEPARTMENT' and code like '%-SO1'`,
  ];
}

/** bench_plan and bench_plan_unit, then the plans as copies of the template plan (tasks and targets). */
export function plansSql(u: UnitShape, plans: PlanSpec[], templateCode: string): string[] {
  const localTotal = u.provinces * u.districtsPerProvince * localUnitsPerDistrict(u);
  const column = (pick: (p: PlanSpec) => number | string, type: string) =>
    `unnest(array[${plans.map((p) => (typeof pick(p) === 'number' ? pick(p) : `'${pick(p)}'`)).join(', ')}]::${type}[])`;
  const template = `(select id from plan where code = '${templateCode.replaceAll("'", "''")}')`;
  return [
    `create temp table bench_plan as
     select no, kind, province, first_local, local_units, md5('plan:' || no)::uuid as id,
            case kind when 'NATION' then 'BENCH-QG' when 'PROVINCE' then format('BENCH-T%s', lpad(province::text, 2, '0'))
                      else format('BENCH-T%s-%s', lpad(province::text, 2, '0'), lpad(no::text, 3, '0')) end as code
       from (select ${column((p) => p.no, 'int')} as no, ${column((p) => p.kind, 'text')} as kind, ${column((p) => p.province, 'int')} as province,
                    ${column((p) => p.firstLocal, 'int')} as first_local, ${column((p) => p.localUnits, 'int')} as local_units) s`,
    `create temp table bench_plan_unit as
     select bp.no as plan_no, bp.id as plan_id, b.code as unit_code, b.kind
       from bench_plan bp join bench_unit b on
            (bp.kind = 'NATION' and b.kind in ('COMMUNE', 'TOWNSHIP'))
         or (bp.kind = 'PROVINCE' and b.province = bp.province and b.kind in ('COMMUNE', 'TOWNSHIP'))
         or (bp.kind = 'DISTRICT' and b.kind = 'PROVINCIAL_DEPARTMENT' and b.province = bp.province)
         or (bp.kind = 'DISTRICT' and b.local_no is not null and (b.local_no - bp.first_local + ${int(localTotal)}) % ${int(localTotal)} < bp.local_units)`,
    `insert into plan (id, created_at, updated_at, version, code, number, title, issuing_body, issue_date, parent_id, period_start, period_end, status)
     select id, ${CREATED}, ${CREATED}, 1, code, format('%s/KH-UBND', no),
            format('Kế hoạch chuyển đổi số, thanh toán không dùng tiền mặt trong trường học, bệnh viện (%s)', code),
            case kind when 'NATION' then 'Chính phủ' else format('Ủy ban nhân dân tỉnh %s', province) end,
            date '2022-01-10', null, date '2022-01-01', date '2027-12-31', 'ACTIVE'
       from bench_plan order by no`,
    `create temp table bench_task as
     select number, position, title, description, requires_evidence, row_number() over (order by position) - 1 as idx,
            case when number like '%.%' then split_part(number, '.', 1) end as parent_number
       from task where plan_id = ${template}`,
    `analyze bench_plan, bench_plan_unit, bench_task`,
    `insert into task (id, created_at, updated_at, version, plan_id, parent_id, number, position, title, description, due_date, requires_evidence)
     select md5('task:' || bp.no || ':' || t.number)::uuid, ${CREATED}, ${CREATED}, 1, bp.id,
            case when t.parent_number is not null then md5('task:' || bp.no || ':' || t.parent_number)::uuid end,
            t.number, t.position, t.title, t.description, date '2027-12-31', t.requires_evidence
       from bench_plan bp cross join bench_task t order by bp.no, t.parent_number nulls first, t.position`,
    `insert into target (id, created_at, updated_at, version, plan_id, code, title, sector, metric, comparator, threshold_percent, deadline)
     select md5('target:' || bp.no || ':' || t.code)::uuid, ${CREATED}, ${CREATED}, 1, bp.id, t.code, t.title, t.sector, t.metric,
            t.comparator, t.threshold_percent, t.deadline
       from bench_plan bp cross join target t where t.plan_id = ${template}`,
  ];
}

/**
 * Each (plan, unit) gets the ten tasks in ten status slots, rotated by a hash, so every unit has work in
 * all six statuses and the history lengths of a group sum to exactly 10 × 10. A slot fixes the status
 * and the number of history rows; the hash picks the due date (2022–2027), lateness and timing.
 */
const SLOT_STATUS = ['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'SUBMITTED', 'DONE', 'DONE', 'DONE', 'BLOCKED', 'CANCELLED', 'IN_PROGRESS'];
const SLOT_HISTORY = [0, 10, 12, 11, 12, 13, 11, 10, 9, 12];
if (SLOT_STATUS.length !== TASKS_PER_PLAN || SLOT_HISTORY.reduce((a, b) => a + b, 0) !== 10 * TASKS_PER_PLAN) {
  throw new Error('status slots must give ten history rows per assignment on average');
}

export function assignmentsSql(): string[] {
  const vnTime = (day: string, hours: string) => `((${day})::timestamp + (${hours}) * interval '1 hour') at time zone 'Asia/Ho_Chi_Minh'`;
  return [
    `insert into assignment (id, created_at, updated_at, version, plan_id, task_id, unit_id, role, status, progress, note, blocked_reason,
                             due_date, started_at, submitted_at, completed_at)
     select md5('assignment:' || key)::uuid, ${CREATED}, coalesce(completed, last_at, ${CREATED}), 1 + n, plan_id,
            md5('task:' || plan_no || ':' || number)::uuid, md5('unit:' || unit_code)::uuid,
            case when kind = 'PROVINCIAL_DEPARTMENT' or (kind = 'OFFICE' and idx % 2 = 1) then 'COORDINATE' else 'LEAD' end::assignment_role,
            status, case when status = 'NOT_STARTED' then 0 when status in ('SUBMITTED', 'DONE') then 100 else 15 + h2 % 80 end,
            case when status = 'IN_PROGRESS' then 'Đang triển khai theo kế hoạch' end,
            case when status = 'BLOCKED' then 'Chờ bố trí kinh phí' end,
            due, case when n > 0 then last_at - (30 + h1 % 150) * interval '1 day' end, submitted, completed
       from (select *, case when status in ('SUBMITTED', 'DONE') then submitted
                            when n > 0 then least(${vnTime('due', '9 + h2 % 8')} + ((h1 / 7) % 90 - 45) * interval '1 day', ${ANCHOR} - interval '1 day') end as last_at,
                       case when status = 'DONE' then least(submitted + (1 + h2 % 5) * interval '1 day', ${ANCHOR} - interval '1 day') end as completed
               from (select *, case when status in ('SUBMITTED', 'DONE') then least(
                                  ${vnTime('due', '10')} + case when h2 % 3 = 0 then 1 + (h1 / 11) % 60 else -((h1 / 11) % 20) end * interval '1 day',
                                  ${ANCHOR} - interval '2 days') end as submitted
                       from (select pu.plan_no, pu.plan_id, pu.unit_code, pu.kind, t.number, t.idx, k.key, k.h1, k.h2,
                                    (${textArray(SLOT_STATUS)})[1 + slot::int]::assignment_status as status,
                                    (array[${SLOT_HISTORY.join(', ')}])[1 + slot::int] as n,
                                    date '2022-01-01' + (k.h1 % 2191)::int as due
                               from bench_plan_unit pu cross join bench_task t
                               cross join lateral (select pu.plan_no || ':' || pu.unit_code || ':' || t.number as key) kk
                               cross join lateral (select kk.key, abs(hashtext(kk.key)::bigint) as h1, abs(hashtext(kk.key || '/')::bigint) as h2,
                                                          (t.idx + abs(hashtext(pu.plan_no || ':' || pu.unit_code)::bigint)) % 10 as slot) k) a) b) c
      order by plan_no, unit_code, number`,
  ];
}

/**
 * History: START, progress updates, then SUBMIT (and VERIFY), BLOCK or CANCEL by the final status,
 * evenly spaced from started_at to the last change, so `at` increases along each assignment's rows.
 */
export function historySql(): string[] {
  return [
    `insert into status_change (id, assignment_id, plan_id, actor_id, action, from_status, to_status, progress, comment, at)
     select md5('history:' || a.id || ':' || k)::uuid, a.id, a.plan_id,
            case when step in ('VERIFY', 'CANCEL') then md5('user:' || lower(format('T%s-UBND', lpad(b.province::text, 2, '0'))) || '-lanhdao')::uuid
                 else md5('user:' || lower(u.code) || '-1')::uuid end,
            step::assignment_action,
            case when k = 0 then 'NOT_STARTED' when step = 'VERIFY' then 'SUBMITTED' else 'IN_PROGRESS' end::assignment_status,
            case when step = 'VERIFY' then 'DONE' when step = 'SUBMIT' then 'SUBMITTED' when step = 'BLOCK' then 'BLOCKED'
                 when step = 'CANCEL' then 'CANCELLED' else 'IN_PROGRESS' end::assignment_status,
            case when k = 0 then 0 when k <= last_update then a.progress * k / last_update else a.progress end,
            case step when 'BLOCK' then a.blocked_reason when 'CANCEL' then 'Nhiệm vụ được điều chỉnh theo kế hoạch mới' end,
            case when k <= m then a.started_at + (span_end - a.started_at) * (k::float8 / m) else a.completed_at end
       from assignment a
       join bench_plan bp on bp.id = a.plan_id
       join unit u on u.id = a.unit_id
       join bench_unit b on b.code = u.code
       cross join lateral (select a.version - 1 as n,
                                  case when a.status = 'DONE' then a.version - 3 else a.version - 2 end as m,
                                  case when a.status = 'DONE' then a.submitted_at else a.updated_at end as span_end) s
       cross join lateral (select case when a.status = 'IN_PROGRESS' then s.m else s.m - 1 end as last_update) l
       cross join lateral generate_series(0, s.n - 1) k
       cross join lateral (select case when k = 0 then 'START' when k <= l.last_update then 'UPDATE_PROGRESS'
                                       when k = s.m then case a.status when 'BLOCKED' then 'BLOCK' when 'CANCELLED' then 'CANCEL' else 'SUBMIT' end
                                       else 'VERIFY' end as step) st
      where a.version > 1`,
  ];
}

/** Five facilities per commune (the township's fifth is the district hospital), 1–3 reports each. */
export function facilitiesSql(): string[] {
  return [
    `insert into facility (id, created_at, updated_at, version, code, name, commune_id, sector, level, is_demo)
     select md5('facility:' || f.code)::uuid, ${CREATED}, ${CREATED}, 1, f.code, f.name, md5('unit:' || f.unit_code)::uuid, f.sector, f.level, false
       from (select format('%s-%s', l.prefix, b.code) as code, format('%s %s', l.label, b.short_name) as name, b.code as unit_code,
                    l.sector::facility_sector as sector, l.level::facility_level as level
               from bench_unit b
               cross join (values ('MN', 'Trường Mầm non', 'EDUCATION', 'PRESCHOOL', 1), ('TH', 'Trường Tiểu học', 'EDUCATION', 'PRIMARY', 2),
                                  ('THCS', 'Trường THCS', 'EDUCATION', 'LOWER_SECONDARY', 3), ('TYT', 'Trạm Y tế', 'HEALTH', 'HEALTH_STATION', 4),
                                  ('THPT', 'Trường THPT', 'EDUCATION', 'UPPER_SECONDARY', 5), ('BV', 'Bệnh viện huyện', 'HEALTH', 'DISTRICT_HOSPITAL', 5))
                           l(prefix, label, sector, level, slot)
              where b.kind in ('COMMUNE', 'TOWNSHIP') and (l.slot < 5 or (l.prefix = 'BV') = (b.kind = 'TOWNSHIP'))) f
      order by f.code`,
    `insert into indicator_value (id, created_at, updated_at, version, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless,
                                  cashless_transactions, total_transactions)
     select md5('indicator:' || f.code || ':' || r.as_of)::uuid, ${CREATED}, ${CREATED}, 1, f.id, r.as_of, r.digital,
            case when r.digital then case when f.sector = 'EDUCATION' then array['vnEdu', 'SMAS'] else array['Hồ sơ sức khỏe điện tử'] end else '{}' end,
            r.cashless, r.total * (20 + r.period * 25 + r.h % 30) / 100, r.total
       from facility f
       cross join lateral generate_series(0, abs(hashtext(f.code)) % 3) as period
       cross join lateral (select (array[date '2022-06-30', date '2022-12-20', date '2023-06-30'])[1 + period] as as_of, period,
                                  abs(hashtext(f.code || ':' || period)::bigint) as h) hp
       cross join lateral (select hp.as_of, hp.period, hp.h, (hp.h % 100) < 35 + 25 * hp.period as digital,
                                  (hp.h / 100) % 100 < 50 + 25 * hp.period as cashless, 200 + (hp.h / 10000) % 800 as total) r
      where f.commune_id in (select md5('unit:' || code)::uuid from bench_unit)`,
  ];
}

/**
 * Each district plan's offices and communes report every half-year and year to their district's
 * committee through the district's first office (its Culture and Information Office); that office
 * reports itself. The trigger
 * gives each report through an office its unit report; a hash spreads them over the five states.
 */
export function reportsSql(): string[] {
  return [
    `insert into reporting_obligation (id, created_at, updated_at, version, plan_id, reporter_id, recipient_id, through_id, period, subject, due_before)
     select md5('obligation:' || pu.plan_no || ':' || pu.unit_code || ':' || p.period)::uuid, ${CREATED}, ${CREATED}, 1, pu.plan_id,
            md5('unit:' || pu.unit_code)::uuid, md5('unit:' || regexp_replace(pu.unit_code, '-[PX][0-9]+$', '-UBND'))::uuid,
            case when pu.unit_code !~ '-P1$' then md5('unit:' || regexp_replace(pu.unit_code, '-[PX][0-9]+$', '-P1'))::uuid end,
            p.period::report_period, format('Báo cáo %s kết quả thực hiện Kế hoạch', p.words), p.due
       from bench_plan_unit pu
       join bench_plan bp on bp.no = pu.plan_no and bp.kind = 'DISTRICT'
      cross join (values ('SIX_MONTH', '6 tháng', date '2022-06-30'), ('ANNUAL', 'năm', date '2022-12-20')) p(period, words, due)
      where pu.kind in ('OFFICE', 'COMMUNE', 'TOWNSHIP')
        and exists (select 1 from bench_plan_unit a where a.plan_no = pu.plan_no and a.unit_code = regexp_replace(pu.unit_code, '-[PX][0-9]+$', '-P1'))
     on conflict do nothing`,
    `update unit_report r
        set state = s.state, results = case when s.state <> 'NOT_STARTED' then 'Đã triển khai các nhiệm vụ của kế hoạch.' end,
            submitted_at = case when s.state in ('SUBMITTED', 'RETURNED', 'ACCEPTED') then o.due_before - s.h % 20 + interval '9 hours' end,
            reviewed_at = case when s.state in ('RETURNED', 'ACCEPTED') then o.due_before - s.h % 20 + interval '2 days' end,
            submission_count = case when s.state in ('SUBMITTED', 'RETURNED', 'ACCEPTED') then 1 else 0 end
       from reporting_obligation o,
            lateral (select abs(hashtext(o.id::text)) as h) hh,
            lateral (select hh.h, (array['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'ACCEPTED'])[1 + hh.h % 6]::unit_report_state as state) s
      where o.id = r.obligation_id`,
  ];
}
