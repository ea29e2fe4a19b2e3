import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isValidDay, today } from '../../server/shared/dates.js';
import { isId } from '../../server/shared/resource.service.js';
import { shiftDays } from '../../server/modules/calendar/working-days.js';
import { AwardEvaluation, AwardEvaluationState } from '../../server/modules/awards/award.entity.js';
import { evaluateAwards, type EvaluationCounts } from '../../server/modules/awards/award-evaluation.run.js';
import type { JobContext } from '../registry.js';

export interface AwardEvaluationJobData {
  planId: string;
  /** The period's last day (YYYY-MM-DD). */
  periodEnd: string;
  /** The run's record when asked for on demand; the schedule makes its own. */
  evaluationId?: string | null;
}
export type AwardEvaluationResult = EvaluationCounts;

/**
 * Evaluates one plan's period and writes its nominations. Idempotent per (plan, period, candidate): a
 * second delivery finds every nomination up to date and changes nothing.
 */
export async function runAwardEvaluation(ctx: JobContext, data: AwardEvaluationJobData): Promise<AwardEvaluationResult> {
  if (!isId(data?.planId) || !isValidDay(data?.periodEnd ?? '')) throw new UnrecoverableError(`invalid award evaluation: ${JSON.stringify(data)}`);
  try {
    return await evaluateAwards(ctx.em, data.planId, data.periodEnd, data.evaluationId);
  } catch (error) {
    if (data.evaluationId) {
      await ctx.em.fork().nativeUpdate(AwardEvaluation, { id: data.evaluationId }, {
        state: AwardEvaluationState.FAILED, finishedAt: new Date(), error: String((error as Error)?.message ?? error).slice(0, 2000),
      });
    }
    throw error;
  }
}

export type AwardPeriodsJobData = { day?: string };
export type AwardPeriodsResult = { evaluations: number };

/** Every morning: the plans whose half-year or year ended yesterday are evaluated, each as its own job. */
export async function runAwardPeriods(ctx: JobContext, data: AwardPeriodsJobData): Promise<AwardPeriodsResult> {
  const ended = shiftDays(data?.day ?? today(), -1);
  const em: EntityManager = ctx.em;
  // Half-years end on 30/06 and years on 31/12 (awardPeriodEnd): the plans with a report of that period.
  const kind = ended.endsWith('-06-30') ? 'SIX_MONTH' : ended.endsWith('-12-31') ? 'ANNUAL' : null;
  if (!kind) return { evaluations: 0 };
  const rows = await em.getConnection().execute<Array<{ plan_id: string }>>(
    `select distinct o.plan_id from reporting_obligation o join plan p on p.id = o.plan_id
      where p.status = 'ACTIVE' and o.period = ?::report_period and extract(year from o.due_before) = ?`,
    [kind, Number(ended.slice(0, 4))],
  );
  for (const row of rows) {
    const run = em.create(AwardEvaluation, { plan: row.plan_id, periodEnd: ended });
    await em.flush();
    await ctx.queues.evaluateAwards({ planId: row.plan_id, periodEnd: ended, evaluationId: run.id });
  }
  return { evaluations: rows.length };
}
