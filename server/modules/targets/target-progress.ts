import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../shared/lean.js';
import { FacilitySector, type FacilityLevel } from '../facilities/facility.entity.js';
import { Comparator, Sector, TargetMetric, type Target } from './target.entity.js';
import { TargetStatus, timedStatus, type TargetTiming } from './target-status.js';

export { TargetStatus };

/** One facility's latest reported facts as of a day: the input of the pure rule below. */
export interface FacilityFacts {
  sector: FacilitySector;
  level: FacilityLevel;
  isDemo: boolean;
  usesDigitalPlatform: boolean;
  acceptsCashless: boolean;
  cashlessTransactions: number | null;
  totalTransactions: number | null;
}

export interface TargetValue {
  /** Percent, or null when no facility has reported. */
  valuePercent: number | null;
  /** Facilities that qualify, or cashless transactions; null with the value. */
  numerator: number | null;
  /** Facilities counted, or all transactions; null with the value. */
  denominator: number | null;
  met: boolean;
  status: TargetStatus;
  /** Why the target does not apply: only when status is NOT_APPLICABLE. */
  notApplicableReason: string | null;
  facilitiesCounted: number;
  /** Facilities within the target's scope, reported or not. */
  facilitiesInScope: number;
  basedOnDemoData: boolean;
}

type Scoped = Pick<Target, 'sector' | 'facilityLevels'>;

/** A native enum array read through a raw row arrives as its literal, '{A,B}'; entities hold arrays. */
export function parseEnumArray<T extends string>(value: readonly T[] | string | null | undefined): T[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return [...value];
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? (inner.split(',') as T[]) : [];
}
type Evaluated = Pick<Target, 'metric' | 'comparator' | 'thresholdPercent' | 'notApplicableReason' | 'deadline'> & Scoped;

export const DEFAULT_NOT_APPLICABLE_REASON = 'Trên địa bàn không có cơ sở nào thuộc phạm vi của mục tiêu.';

/** Which facilities a target is about: its sector, narrowed by its facility levels when it names some. */
function inScope(target: Scoped, f: Pick<FacilityFacts, 'sector' | 'level'>): boolean {
  const sector =
    target.sector === Sector.EDUCATION_AND_HEALTH ||
    (target.sector === Sector.EDUCATION ? f.sector === FacilitySector.EDUCATION : f.sector === FacilitySector.HEALTH);
  const levels = parseEnumArray(target.facilityLevels);
  return sector && (!levels || levels.includes(f.level));
}

/**
 * The rule as a pure function. `present` lists every facility of the area, reported or not (by
 * default those that reported): a target none of them falls under does not apply there.
 */
export function evaluateTarget(
  target: Evaluated,
  facts: FacilityFacts[],
  present: Array<Pick<FacilityFacts, 'sector' | 'level'>> = facts,
  timing?: Omit<TargetTiming, 'deadline'>,
): TargetValue {
  const counted = facts.filter((f) => inScope(target, f));
  let ratio: [number, number];
  if (target.metric === TargetMetric.CASHLESS_TRANSACTION_SHARE) {
    const reporting = counted.filter((f) => f.totalTransactions && f.cashlessTransactions !== null);
    const total = reporting.reduce((sum, f) => sum + f.totalTransactions!, 0);
    const cashless = reporting.reduce((sum, f) => sum + f.cashlessTransactions!, 0);
    ratio = [cashless, total];
  } else {
    const yes = counted.filter((f) =>
      target.metric === TargetMetric.FACILITIES_USING_DIGITAL_PLATFORM ? f.usesDigitalPlatform : f.acceptsCashless,
    ).length;
    ratio = [yes, counted.length];
  }
  const facilitiesInScope = present.filter((f) => inScope(target, f)).length;
  return withStatus(target, ratio, counted.length, facilitiesInScope, counted.some((f) => f.isDemo), timing);
}

/**
 * The value and status from the counted figures. Without a timing only the threshold is judged
 * (MET/NOT_MET); with one, a target not yet met before its deadline is ON_TRACK or AT_RISK.
 */
export function withStatus(
  target: Evaluated,
  [numerator, denominator]: [number, number],
  facilitiesCounted: number,
  facilitiesInScope: number,
  basedOnDemoData: boolean,
  timing?: Omit<TargetTiming, 'deadline'>,
): TargetValue {
  const valuePercent = denominator ? (100 * numerator) / denominator : null;
  const met = meets(target, valuePercent);
  const reached = !facilitiesInScope
    ? TargetStatus.NOT_APPLICABLE
    : valuePercent === null
      ? TargetStatus.NO_DATA
      : met
        ? TargetStatus.MET
        : TargetStatus.NOT_MET;
  const status = timing ? timedStatus(reached, valuePercent, target.thresholdPercent, { ...timing, deadline: target.deadline }) : reached;
  return {
    valuePercent,
    numerator: valuePercent === null ? null : numerator,
    denominator: valuePercent === null ? null : denominator,
    met,
    status,
    notApplicableReason: status === TargetStatus.NOT_APPLICABLE ? (target.notApplicableReason ?? DEFAULT_NOT_APPLICABLE_REASON) : null,
    facilitiesCounted,
    facilitiesInScope,
    basedOnDemoData,
  };
}

function meets(target: Pick<Target, 'comparator' | 'thresholdPercent'>, valuePercent: number | null): boolean {
  return (
    valuePercent !== null &&
    (target.comparator === Comparator.MORE_THAN ? valuePercent > target.thresholdPercent : valuePercent >= target.thresholdPercent)
  );
}

/** A facility's figures as counted: the newest row of each facility nobody corrected. */
const NOT_SUPERSEDED = `not exists (select 1 from indicator_value c where c.supersedes_id = v.id)`;

/** As of one day: each facility's latest figures on or before it. */
const LATEST_AS_OF = `
  latest as (
    select distinct on (v.facility_id) v.facility_id, v.uses_digital_platform, v.accepts_cashless,
           v.cashless_transactions, v.total_transactions
      from indicator_value v
     where v.as_of <= ?::date
       -- A corrected row no longer counts: its correction (the row nobody corrects) does.
       and ${NOT_SUPERSEDED}
     order by v.facility_id, v.as_of desc
  )`;

/**
 * The facilities collapse to a handful of groups (sector, level, and the commune or day asked for)
 * before the targets meet them; unreported facilities stay in their group: they decide whether a
 * target applies at all.
 */
const GROUP_FIGURES = `
  count(*) as present, count(l.facility_id) as counted,
  bool_or(f.is_demo) filter (where l.facility_id is not null) as demo,
  count(*) filter (where l.uses_digital_platform) as digital, count(*) filter (where l.accepts_cashless) as accepting,
  sum(l.cashless_transactions) filter (where l.total_transactions <> 0 and l.cashless_transactions is not null) as cashless,
  sum(l.total_transactions) filter (where l.total_transactions <> 0 and l.cashless_transactions is not null) as transactions`;

const GROUP_IN_SCOPE = `
  case t.sector
    when 'EDUCATION' then g.sector = 'EDUCATION'
    when 'HEALTH' then g.sector = 'HEALTH'
    else true
  end
  and (t.facility_levels is null or g.level = any(t.facility_levels))`;

const TARGET_FIGURES = `
  coalesce(sum(g.present), 0)::int as present,
  coalesce(sum(g.counted), 0)::int as counted,
  coalesce(bool_or(g.demo), false) as demo,
  coalesce(sum(case t.metric when 'FACILITIES_USING_DIGITAL_PLATFORM' then g.digital else g.accepting end), 0)::int as yes,
  sum(g.cashless)::float8 as cashless,
  sum(g.transactions)::float8 as transactions`;

/** The plan's schedule starts with its period, else with its issue date. */
const PLAN_START = `coalesce(p.period_start, p.issue_date)::text as start`;

/** One query per day, for every target asked about in the request. */
const TARGET_VALUES_SQL = `
  with ${LATEST_AS_OF}, groups as (
    select f.sector, f.level, ${GROUP_FIGURES}
      from facility f left join latest l on l.facility_id = f.id
     group by 1, 2
  )
  select t.id as target_id, ${PLAN_START}, ${TARGET_FIGURES}
    from target t
    join plan p on p.id = t.plan_id
    left join groups g on ${GROUP_IN_SCOPE}
   where t.id = any(?::uuid[])
   group by t.id, p.id`;

/**
 * One query per day for every target asked about and every commune: the units of kind commune or
 * township, and any unit that has facilities. A commune without a facility in scope gets a row too.
 */
const TARGET_VALUES_BY_COMMUNE_SQL = `
  with ${LATEST_AS_OF}, groups as (
    select f.commune_id, f.sector, f.level, ${GROUP_FIGURES}
      from facility f left join latest l on l.facility_id = f.id
     group by 1, 2, 3
  ), communes as (
    select u.id, u.name from unit u
     where u.kind in ('COMMUNE', 'TOWNSHIP') or exists (select 1 from facility f where f.commune_id = u.id)
  )
  select t.id as target_id, u.id as commune_id, ${PLAN_START}, ${TARGET_FIGURES}
    from target t
    join plan p on p.id = t.plan_id
   cross join communes u
    left join groups g on g.commune_id = u.id and ${GROUP_IN_SCOPE}
   where t.id = any(?::uuid[])
   group by t.id, p.id, u.id, u.name
   order by u.name, u.id`;

/** The same for one commune: its own facilities only, for the commune's report. */
const TARGET_VALUES_FOR_COMMUNE_SQL = `
  with ${LATEST_AS_OF}, groups as (
    select f.sector, f.level, ${GROUP_FIGURES}
      from facility f left join latest l on l.facility_id = f.id
     where f.commune_id = ?
     group by 1, 2
  )
  select t.id as target_id, ${PLAN_START}, ${TARGET_FIGURES}
    from target t
    join plan p on p.id = t.plan_id
    left join groups g on ${GROUP_IN_SCOPE}
   where t.id = any(?::uuid[])
   group by t.id, p.id`;

/**
 * One query for every target asked about and every day of the series: each counted row is valid from
 * its day until the facility's next counted row (a window over the facility's rows), so a day meets
 * the row valid on it without a query per day.
 */
const TARGET_HISTORY_SQL = `
  with days as (
    select distinct unnest(?::date[]) as day
  ), valid as (
    select v.facility_id, v.as_of, lead(v.as_of) over (partition by v.facility_id order by v.as_of) as until,
           v.uses_digital_platform, v.accepts_cashless, v.cashless_transactions, v.total_transactions
      from indicator_value v
     where v.as_of <= (select max(day) from days) and ${NOT_SUPERSEDED}
  ), groups as (
    select d.day, f.sector, f.level, ${GROUP_FIGURES}
      from days d
     cross join facility f
      left join valid l on l.facility_id = f.id and l.as_of <= d.day and (l.until is null or l.until > d.day)
     group by 1, 2, 3
  )
  select t.id as target_id, d.day::text as day, ${TARGET_FIGURES}
    from target t
   cross join days d
    left join groups g on g.day = d.day and ${GROUP_IN_SCOPE}
   where t.id = any(?::uuid[])
   group by t.id, d.day
   order by d.day`;

interface FigureRow {
  target_id: string;
  present: number;
  counted: number;
  demo: boolean;
  yes: number;
  cashless: number | null;
  transactions: number | null;
}

/** The ratio a target's value is: cashless over all transactions, or qualifying over counted facilities. */
function ratioOf(target: Pick<Target, 'metric'>, r: FigureRow | undefined): [number, number] {
  if (target.metric === TargetMetric.CASHLESS_TRANSACTION_SHARE) return [r?.cashless ?? 0, r?.transactions ?? 0];
  return [r?.yes ?? 0, r?.counted ?? 0];
}

type Targeted = Evaluated & Pick<Target, 'id'>;

function fromRow(target: Targeted, r: (FigureRow & { start: string | null }) | undefined, asOf: string): TargetValue {
  return withStatus(target, ratioOf(target, r), r?.counted ?? 0, r?.present ?? 0, !!r?.demo, { asOf, start: r?.start ?? null });
}

/**
 * Each target's value as of a day, computed by PostgreSQL from each facility's latest figures on or
 * before the day (the same rule as evaluateTarget, which a test keeps equal). Only the figures come
 * back; the status against time is judged here (target-status.ts).
 */
export async function targetValues(em: EntityManager, targets: readonly Targeted[], asOf: string): Promise<TargetValue[]> {
  const rows = await em.getConnection().execute<Array<FigureRow & { start: string | null }>>(TARGET_VALUES_SQL, [asOf, uuidArray(targets.map((t) => t.id))]);
  const byTarget = new Map(rows.map((r) => [r.target_id, r]));
  return targets.map((target) => fromRow(target, byTarget.get(target.id), asOf));
}

/** Each target's value as of a day over one commune's facilities. */
export async function targetValuesForCommune(em: EntityManager, targets: readonly Targeted[], asOf: string, communeId: string): Promise<TargetValue[]> {
  const rows = await em
    .getConnection()
    .execute<Array<FigureRow & { start: string | null }>>(TARGET_VALUES_FOR_COMMUNE_SQL, [asOf, communeId, uuidArray(targets.map((t) => t.id))]);
  const byTarget = new Map(rows.map((r) => [r.target_id, r]));
  return targets.map((target) => fromRow(target, byTarget.get(target.id), asOf));
}

export type CommuneTargetValue = TargetValue & { communeId: string };

/** Each target's value in each commune as of a day, in one statement. */
export async function targetValuesByCommune(em: EntityManager, targets: readonly Targeted[], asOf: string): Promise<CommuneTargetValue[][]> {
  const rows = await em
    .getConnection()
    .execute<Array<FigureRow & { start: string | null; commune_id: string }>>(TARGET_VALUES_BY_COMMUNE_SQL, [asOf, uuidArray(targets.map((t) => t.id))]);
  return targets.map((target) =>
    rows.filter((r) => r.target_id === target.id).map((r) => ({ communeId: r.commune_id, ...fromRow(target, r, asOf) })),
  );
}

export interface TargetHistoryPoint {
  day: string;
  valuePercent: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Each target's value on each of the days, in one statement. */
export async function targetHistory(em: EntityManager, targets: ReadonlyArray<Pick<Target, 'id' | 'metric'>>, days: string[]): Promise<TargetHistoryPoint[][]> {
  const rows = await em
    .getConnection()
    .execute<Array<FigureRow & { day: string }>>(TARGET_HISTORY_SQL, [`{${days.join(',')}}`, uuidArray(targets.map((t) => t.id))]);
  return targets.map((target) =>
    rows
      .filter((r) => r.target_id === target.id)
      .map((r) => {
        const [numerator, denominator] = ratioOf(target, r);
        return denominator
          ? { day: r.day, valuePercent: (100 * numerator) / denominator, numerator, denominator }
          : { day: r.day, valuePercent: null, numerator: null, denominator: null };
      }),
  );
}
