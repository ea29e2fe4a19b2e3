import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../shared/lean.js';
import { FacilitySector, type FacilityLevel } from '../facilities/facility.entity.js';
import { Comparator, Sector, TargetMetric, type Target } from './target.entity.js';

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

export enum TargetStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  /** Facilities are in scope but none has reported the figures the target needs. */
  NO_DATA = 'NO_DATA',
  /** No facility in the area falls within the target's scope (e.g. no provincial hospital in a district). */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export interface TargetValue {
  /** Percent, or null when no facility has reported. */
  valuePercent: number | null;
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
type Evaluated = Pick<Target, 'metric' | 'comparator' | 'thresholdPercent' | 'notApplicableReason'> & Scoped;

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
): TargetValue {
  const counted = facts.filter((f) => inScope(target, f));
  let valuePercent: number | null = null;
  if (target.metric === TargetMetric.CASHLESS_TRANSACTION_SHARE) {
    const reporting = counted.filter((f) => f.totalTransactions && f.cashlessTransactions !== null);
    const total = reporting.reduce((sum, f) => sum + f.totalTransactions!, 0);
    const cashless = reporting.reduce((sum, f) => sum + f.cashlessTransactions!, 0);
    valuePercent = total ? (100 * cashless) / total : null;
  } else if (counted.length) {
    const yes = counted.filter((f) =>
      target.metric === TargetMetric.FACILITIES_USING_DIGITAL_PLATFORM ? f.usesDigitalPlatform : f.acceptsCashless,
    ).length;
    valuePercent = (100 * yes) / counted.length;
  }
  const facilitiesInScope = present.filter((f) => inScope(target, f)).length;
  return withStatus(target, valuePercent, counted.length, facilitiesInScope, counted.some((f) => f.isDemo));
}

function withStatus(target: Evaluated, valuePercent: number | null, facilitiesCounted: number, facilitiesInScope: number, basedOnDemoData: boolean): TargetValue {
  const met = meets(target, valuePercent);
  const status = !facilitiesInScope
    ? TargetStatus.NOT_APPLICABLE
    : valuePercent === null
      ? TargetStatus.NO_DATA
      : met
        ? TargetStatus.MET
        : TargetStatus.NOT_MET;
  return {
    valuePercent,
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

/** One query per day, for every target asked about in the request. */
const TARGET_VALUES_SQL = `
  with latest as (
    select distinct on (v.facility_id) v.facility_id, v.uses_digital_platform, v.accepts_cashless,
           v.cashless_transactions, v.total_transactions
      from indicator_value v
     where v.as_of <= ?::date
       -- A corrected row no longer counts: its correction (the row nobody corrects) does.
       and not exists (select 1 from indicator_value c where c.supersedes_id = v.id)
     order by v.facility_id, v.as_of desc
  ), groups as (
    -- The facilities collapse to a handful of (sector, level) groups before the targets meet them;
    -- unreported facilities stay in their group: they decide whether a target applies at all.
    select f.sector, f.level, count(*) as present, count(l.facility_id) as counted,
           bool_or(f.is_demo) filter (where l.facility_id is not null) as demo,
           count(*) filter (where l.uses_digital_platform) as digital, count(*) filter (where l.accepts_cashless) as accepting,
           sum(l.cashless_transactions) filter (where l.total_transactions <> 0 and l.cashless_transactions is not null) as cashless,
           sum(l.total_transactions) filter (where l.total_transactions <> 0 and l.cashless_transactions is not null) as transactions
      from facility f left join latest l on l.facility_id = f.id
     group by 1, 2
  )
  select t.id as target_id,
         sum(g.present)::int as present,
         sum(g.counted)::int as counted,
         bool_or(g.demo) as demo,
         sum(case t.metric when 'FACILITIES_USING_DIGITAL_PLATFORM' then g.digital else g.accepting end)::int as yes,
         sum(g.cashless)::float8 as cashless,
         sum(g.transactions)::float8 as transactions
    from target t join groups g
      on case t.sector
           when 'EDUCATION' then g.sector = 'EDUCATION'
           when 'HEALTH' then g.sector = 'HEALTH'
           else true
         end
     and (t.facility_levels is null or g.level = any(t.facility_levels))
   where t.id = any(?::uuid[])
   group by t.id`;

/**
 * Each target's value as of a day, computed by PostgreSQL from each facility's latest figures on or
 * before the day (the same rule as evaluateTarget, which a test keeps equal). Only the figures come back.
 */
export async function targetValues(em: EntityManager, targets: ReadonlyArray<Evaluated & Pick<Target, 'id'>>, asOf: string): Promise<TargetValue[]> {
  const rows = await em.getConnection().execute<
    Array<{ target_id: string; present: number; counted: number; demo: boolean | null; yes: number; cashless: number | null; transactions: number | null }>
  >(TARGET_VALUES_SQL, [asOf, uuidArray(targets.map((t) => t.id))]);
  const byTarget = new Map(rows.map((r) => [r.target_id, r]));
  return targets.map((target) => {
    const r = byTarget.get(target.id);
    const counted = r?.counted ?? 0;
    let valuePercent: number | null = null;
    if (target.metric === TargetMetric.CASHLESS_TRANSACTION_SHARE) {
      valuePercent = r?.transactions ? (100 * r.cashless!) / r.transactions : null;
    } else if (counted) {
      valuePercent = (100 * r!.yes) / counted;
    }
    return withStatus(target, valuePercent, counted, r?.present ?? 0, !!r?.demo);
  });
}
