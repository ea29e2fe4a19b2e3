import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput, notFound } from '../../shared/errors.js';
import { daysBetween } from '../../shared/dates.js';
import type { Lean } from '../../shared/lean.js';
import { isId } from '../../shared/resource.service.js';
import { concurrencyLimit } from '../../shared/concurrency.js';
import type { Loaders } from '../../loaders.js';
import type { Plan } from '../plans/plan.entity.js';
import type { Task } from '../tasks/task.entity.js';
import type { Unit } from '../units/unit.entity.js';
import { NO_ESCALATIONS, planEscalationCounts, type EscalationLevelCounts } from '../escalations/escalation.counts.js';
import { EMPTY_COUNTS, addCounts, figuresFromCounts, planCounts } from './progress.sql.js';
import { progressSeries, type ProgressSeriesPoint } from './progress-series.sql.js';
import { historyDays } from '../targets/target-status.js';
import type { ProgressFigures } from './deadline.js';

export interface PlanProgressResult {
  plan: Lean<Plan>;
  asOf: string;
  overall: ProgressFigures;
  openEscalations: EscalationLevelCounts;
  byUnit: Array<{ unit: Lean<Unit>; figures: ProgressFigures; openEscalations: EscalationLevelCounts }>;
  byTask: Array<{ task: Lean<Task>; figures: ProgressFigures }>;
}

/**
 * A plan's figures by unit are as large as the plan's list of units (10,000 for a national plan): a few
 * at once use both cores fully, more would only hold more answers in memory at the same time.
 */
const planProgressSlots = concurrencyLimit(4);

/** A chart needs no more points than this; the statement's cost grows with them. */
export const MAX_SERIES_POINTS = 60;
/** Ten years of days: longer than any plan's period. */
const MAX_SERIES_SPAN_DAYS = 3660;

/**
 * The plan's figures as of a day. PostgreSQL counts them in one grouped statement (by plan, unit, task
 * and parent task) and returns only the counts, so a plan of any size costs the same memory here.
 * A parent task (1, 2) counts the assignments of its sub-tasks (1.1, 1.2) as well as its own.
 */
export class ProgressService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: Pick<Loaders, 'plan' | 'unit' | 'tasksByPlan'>,
  ) {}

  async planProgress(planId: string, asOf: string): Promise<PlanProgressResult> {
    authorize(this.viewer, 'plan:read');
    const plan = isId(planId) ? await this.loaders.plan.load(planId) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    return planProgressSlots(() => this.figures(plan, asOf));
  }

  /**
   * The four classes and the rates on evenly spaced days from `from` to `to` (both included), for the
   * plan or for one of its units: the points of planProgress(asOf) on those days, in one statement.
   */
  async planProgressSeries(planId: string, from: string, to: string, points: number, unitId?: string): Promise<ProgressSeriesPoint[]> {
    authorize(this.viewer, 'plan:read');
    if (from > to) throw badInput('Ngày bắt đầu phải trước ngày kết thúc.', { argument: 'from' });
    if (daysBetween(from, to) > MAX_SERIES_SPAN_DAYS) throw badInput('Khoảng thời gian tối đa là 10 năm.', { argument: 'to' });
    if (!Number.isInteger(points) || points < 1 || points > MAX_SERIES_POINTS) {
      throw badInput(`Số điểm phải từ 1 đến ${MAX_SERIES_POINTS}.`, { argument: 'points' });
    }
    const plan = isId(planId) ? await this.loaders.plan.load(planId) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    if (unitId !== undefined && !(isId(unitId) && (await this.loaders.unit.load(unitId)))) throw notFound('đơn vị', unitId);
    return planProgressSlots(() => progressSeries(this.em, plan.id, historyDays(from, to, points), unitId));
  }

  private async figures(plan: Lean<Plan>, asOf: string): Promise<PlanProgressResult> {
    const [counts, tasks, escalations] = await Promise.all([
      planCounts(this.em, plan.id, asOf), this.loaders.tasksByPlan.load(plan.id), planEscalationCounts(this.em, plan.id),
    ]);
    const units = await this.loaders.unit.loadMany([...counts.byUnit.keys()]);

    return {
      plan,
      asOf,
      overall: figuresFromCounts(counts.overall ?? EMPTY_COUNTS),
      openEscalations: escalations.overall,
      byUnit: units
        .filter((unit): unit is Lean<Unit> => !!unit && !(unit instanceof Error))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((unit) => ({
          unit,
          figures: figuresFromCounts(counts.byUnit.get(unit.id)!),
          openEscalations: escalations.byUnit.get(unit.id) ?? NO_ESCALATIONS,
        })),
      byTask: tasks.map((task) => ({
        task,
        figures: figuresFromCounts(addCounts(counts.byTask.get(task.id) ?? EMPTY_COUNTS, counts.byParentTask.get(task.id))),
      })),
    };
  }
}
