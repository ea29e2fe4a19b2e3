import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanById, leanRows, uuidArray } from '../../shared/lean.js';
import { Task } from './task.entity.js';

export function taskLoaders(em: EntityManager) {
  const tasksWhere = (condition: string) => async (ids: string[]) =>
    leanRows(em, Task, await em.getConnection().execute(`select * from task where ${condition} order by position`, [uuidArray(ids)]));
  return {
    task: leanById(em, Task),
    subtasksByTask: groupedBy(tasksWhere('parent_id = any(?::uuid[])'), (task) => task.parent!.id),
    topTasksByPlan: groupedBy(tasksWhere('plan_id = any(?::uuid[]) and parent_id is null'), (task) => task.plan.id),
    /** Every task of the plan, sub-tasks included, in the document's order. */
    tasksByPlan: groupedBy(tasksWhere('plan_id = any(?::uuid[])'), (task) => task.plan.id),
  };
}
