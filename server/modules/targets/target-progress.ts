import type { EntityManager } from '@mikro-orm/postgresql';
import { FacilityLevel, FacilitySector } from '../facilities/facility.entity.js';
import { Comparator, Sector, TargetMetric, type Target } from './target.entity.js';

/** One facility's latest reported facts as of a day. */
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
  const met =
    valuePercent !== null &&
    (target.comparator === Comparator.MORE_THAN ? valuePercent > target.thresholdPercent : valuePercent >= target.thresholdPercent);
  return { valuePercent, met, facilitiesCounted: counted.length, basedOnDemoData: counted.some((f) => f.isDemo) };
}

/** Each facility's most recent indicator values on or before the day, in one query. */
export async function latestFacilityFacts(em: EntityManager, asOf: string): Promise<FacilityFacts[]> {
  const rows = await em.getConnection().execute<
    Array<{
      sector: FacilitySector;
      level: FacilityLevel;
      is_demo: boolean;
      uses_digital_platform: boolean;
      accepts_cashless: boolean;
      cashless_transactions: number | null;
      total_transactions: number | null;
    }>
  >(
    `select distinct on (f.id) f.sector, f.level, f.is_demo, v.uses_digital_platform, v.accepts_cashless,
            v.cashless_transactions, v.total_transactions
       from facility f join indicator_value v on v.facility_id = f.id
      where v.as_of <= ?::date
      order by f.id, v.as_of desc`,
    [asOf],
  );
  return rows.map((r) => ({
    sector: r.sector,
    level: r.level,
    isDemo: r.is_demo,
    usesDigitalPlatform: r.uses_digital_platform,
    acceptsCashless: r.accepts_cashless,
    cashlessTransactions: r.cashless_transactions,
    totalTransactions: r.total_transactions,
  }));
}
