import type { EntityManager } from '@mikro-orm/postgresql';
import { lateTable, pgArray } from '../calendar/late-table.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { shiftDays } from '../calendar/working-days.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { DEFAULT_AWARD_CRITERIA, type CriteriaValues } from './award-criteria.js';
import { AwardCriteria, AwardEvaluation, AwardEvaluationState } from './award.entity.js';
import { FACILITY_EVALUATION_SQL, UNIT_EVALUATION_SQL } from './award-evaluation.sql.js';

/** A plan's evaluation period: from the day after the previous period's end to its own end. */
export interface AwardPeriod {
  period: ReportPeriod;
  /** Exclusive: the previous period's end, or the day before the plan starts. */
  start: string;
  end: string;
}

/**
 * The half-year or the year a period report covers: a 6-month report is about the half-year to 30/06,
 * an annual one (due before 20/12) about the whole year to 31/12, whatever day it is sent up.
 */
export function awardPeriodEnd(period: ReportPeriod, dueBefore: string): string {
  return `${dueBefore.slice(0, 4)}-${period === ReportPeriod.SIX_MONTH ? '06-30' : '12-31'}`;
}

/**
 * The plan's award periods follow its reporting periods: the honours of a half-year are proposed with
 * its 6-month report, those of the year with the annual one.
 */
export async function awardPeriods(em: EntityManager, planId: string): Promise<AwardPeriod[]> {
  const rows = await em.getConnection().execute<Array<{ period: ReportPeriod; due: string; plan_start: string | null }>>(
    `select distinct o.period, to_char(o.due_before, 'YYYY-MM-DD') as due,
            to_char(coalesce(p.period_start, p.issue_date, date '2000-01-01') - 1, 'YYYY-MM-DD') as plan_start
       from reporting_obligation o join plan p on p.id = o.plan_id
      where o.plan_id = ?`,
    [planId],
  );
  const ends = new Map<string, ReportPeriod>();
  for (const row of rows) ends.set(awardPeriodEnd(row.period, row.due), row.period);
  const planStart = rows[0]?.plan_start ?? '2000-01-01';
  const periods: AwardPeriod[] = [];
  for (const end of [...ends.keys()].sort()) {
    periods.push({ period: ends.get(end)!, start: periods.at(-1)?.end ?? planStart, end });
  }
  return periods;
}

export async function criteriaOf(em: EntityManager, planId: string): Promise<CriteriaValues> {
  const row = await em.findOne(AwardCriteria, { plan: planId }, { disableIdentityMap: true });
  if (!row) return { ...DEFAULT_AWARD_CRITERIA };
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, plan: _p, ...values } = row;
  return values;
}

export interface EvaluationCounts {
  evaluated: number;
  qualified: number;
  nominated: number;
  updated: number;
  withdrawn: number;
}

/**
 * Scores every facility of the plan's communes and every unit with work due in the period, as of the
 * period's end, and writes the nominations: two set-based statements in one transaction, whatever the
 * number of candidates. Idempotent: a second run changes nothing that has not changed.
 */
export async function evaluateAwards(em: EntityManager, planId: string, periodEnd: string, evaluationId?: string | null): Promise<EvaluationCounts> {
  const period = (await awardPeriods(em, planId)).find((p) => p.end === periodEnd);
  if (!period) throw new Error(`plan ${planId} has no reporting period ending ${periodEnd}`);
  const calendar = await loadWorkingCalendar(em);
  const criteria = await criteriaOf(em, planId);
  // Working days late, counted back from the period's end over the period and a margin before it.
  const table = lateTable(calendar, shiftDays(period.start, -1), period.end);
  const counts = await em.transactional(async (tx) => {
    const head = [planId, period.period, period.start, period.end];
    const [facilities] = await tx.execute<Array<EvaluationCounts>>(FACILITY_EVALUATION_SQL, [
      ...head, criteria.facilityPlatformWeight, criteria.facilityCashlessWeight, criteria.facilityCashlessSharePercent,
      criteria.facilityCashlessShareWeight, criteria.facilityFocalPersonWeight, criteria.facilityEvidenceWeight,
      criteria.minScorePercent, criteria.maxFacilityNominations,
    ]);
    const [units] = await tx.execute<Array<EvaluationCounts>>(UNIT_EVALUATION_SQL, [
      ...head, criteria.unitOnTimeToleranceDays, pgArray(table.days), pgArray(table.late),
      criteria.unitOnTimeWeight, criteria.unitReportsWeight, criteria.unitMaxEscalationLevel, criteria.unitEscalationWeight,
      criteria.minScorePercent, criteria.maxUnitNominations,
    ]);
    const sum = (key: keyof EvaluationCounts) => Number(facilities[key]) + Number(units[key]);
    const result: EvaluationCounts = {
      evaluated: sum('evaluated'), qualified: sum('qualified'), nominated: sum('nominated'), updated: sum('updated'), withdrawn: sum('withdrawn'),
    };
    if (evaluationId) {
      await tx.nativeUpdate(AwardEvaluation, { id: evaluationId }, { ...result, state: AwardEvaluationState.DONE, finishedAt: new Date(), error: null });
    }
    return result;
  });
  return counts;
}
