import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../shared/lean.js';
import { FacilityLevel, FacilitySector } from '../facilities/facility.entity.js';
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

export interface TargetValue {
  /** Percent, or null when no facility has reported. */
  valuePercent: number | null;
  met: boolean;
  facilitiesCounted: number;
  basedOnDemoData: boolean;
}

const HOSPITAL_LEVELS = new Set([FacilityLevel.DISTRICT_HOSPITAL, FacilityLevel.PROVINCIAL_HOSPITAL]);

/**
 * Which facilities a target is about. T5 counts transactions "in schools and in hospitals": for the
 * health side only hospitals count, not commune health stations.
 */
function inScope(target: Pick<Target, 'sector' | 'metric'>, f: FacilityFacts): boolean {
  if (target.sector === Sector.EDUCATION) return f.sector === FacilitySector.EDUCATION;
  if (target.sector === Sector.HEALTH) return f.sector === FacilitySector.HEALTH;
  return f.sector === FacilitySector.EDUCATION || HOSPITAL_LEVELS.has(f.level);
}

export function evaluateTarget(target: Pick<Target, 'sector' | 'metric' | 'comparator' | 'thresholdPercent'>, facts: FacilityFacts[]): TargetValue {
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
  return { valuePercent, met: meets(target, valuePercent), facilitiesCounted: counted.length, basedOnDemoData: counted.some((f) => f.isDemo) };
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
    select distinct on (v.facility_id) f.sector, f.level, f.is_demo, v.uses_digital_platform, v.accepts_cashless,
           v.cashless_transactions, v.total_transactions
      from indicator_value v join facility f on f.id = v.facility_id
     where v.as_of <= ?::date
       -- A corrected row no longer counts: its correction (the row nobody corrects) does.
       and not exists (select 1 from indicator_value c where c.supersedes_id = v.id)
     order by v.facility_id, v.as_of desc
  ), groups as (
    -- The facilities collapse to a handful of (sector, hospital) groups before the targets meet them.
    select sector, level in ('DISTRICT_HOSPITAL', 'PROVINCIAL_HOSPITAL') as hospital,
           count(*) as counted, bool_or(is_demo) as demo,
           count(*) filter (where uses_digital_platform) as digital, count(*) filter (where accepts_cashless) as accepting,
           sum(cashless_transactions) filter (where total_transactions <> 0 and cashless_transactions is not null) as cashless,
           sum(total_transactions) filter (where total_transactions <> 0 and cashless_transactions is not null) as transactions
      from latest group by 1, 2
  )
  select t.id as target_id,
         sum(g.counted)::int as counted,
         bool_or(g.demo) as demo,
         sum(case t.metric when 'FACILITIES_USING_DIGITAL_PLATFORM' then g.digital else g.accepting end)::int as yes,
         sum(g.cashless)::float8 as cashless,
         sum(g.transactions)::float8 as transactions
    from target t join groups g
      on case t.sector
           when 'EDUCATION' then g.sector = 'EDUCATION'
           when 'HEALTH' then g.sector = 'HEALTH'
           else g.sector = 'EDUCATION' or g.hospital
         end
   where t.id = any(?::uuid[])
   group by t.id`;

type Evaluated = Pick<Target, 'id' | 'metric' | 'comparator' | 'thresholdPercent'>;

/**
 * Each target's value as of a day, computed by PostgreSQL from each facility's latest figures on or
 * before the day (the same rule as evaluateTarget, which a test keeps equal). Only the figures come back.
 */
export async function targetValues(em: EntityManager, targets: readonly Evaluated[], asOf: string): Promise<TargetValue[]> {
  const rows = await em.getConnection().execute<
    Array<{ target_id: string; counted: number; demo: boolean | null; yes: number; cashless: number | null; transactions: number | null }>
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
    return { valuePercent, met: meets(target, valuePercent), facilitiesCounted: counted, basedOnDemoData: !!r?.demo };
  });
}
