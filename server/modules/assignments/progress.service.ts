import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { notFound } from '../../shared/errors.js';
import { isId } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Assignment } from './assignment.entity.js';
import { computeFigures, type ProgressFigures } from './deadline.js';

export interface PlanProgressResult {
  plan: Plan;
  asOf: string;
  overall: ProgressFigures;
  byUnit: Array<{ unit: Unit; figures: ProgressFigures }>;
  byTask: Array<{ task: Task; figures: ProgressFigures }>;
}

/**
 * The plan's figures as of a day, from three queries whatever the plan's size. A parent task
 * (1, 2) counts the assignments of its sub-tasks (1.1, 1.2) as well as its own.
 */
export class ProgressService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  async planProgress(planId: string, asOf: string): Promise<PlanProgressResult> {
    authorize(this.viewer, 'plan:read');
    const plan = isId(planId) ? await this.em.findOne(Plan, { id: planId }) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    const [assignments, tasks] = await Promise.all([
      this.em.find(Assignment, { plan }, { populate: ['unit'] }),
      this.em.find(Task, { plan }, { orderBy: { position: 'asc' } }),
    ]);

    const byUnit = new Map<string, { unit: Unit; rows: Assignment[] }>();
    const byTask = new Map<string, Assignment[]>(tasks.map((t) => [t.id, []]));
    for (const a of assignments) {
      const entry = byUnit.get(a.unit.id) ?? { unit: a.unit, rows: [] };
      entry.rows.push(a);
      byUnit.set(a.unit.id, entry);
      byTask.get(a.task.id)?.push(a);
    }
    for (const task of tasks) {
      if (task.parent) byTask.get(task.parent.id)?.push(...byTask.get(task.id)!);
    }

    return {
      plan,
      asOf,
      overall: computeFigures(assignments, asOf),
      byUnit: [...byUnit.values()]
        .map(({ unit, rows }) => ({ unit, figures: computeFigures(rows, asOf) }))
        .sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
      byTask: tasks.map((task) => ({ task, figures: computeFigures(byTask.get(task.id)!, asOf) })),
    };
  }
}
