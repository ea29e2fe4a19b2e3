import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StatusChange } from '../modules/assignments/status-change.entity.js';
import { Plan } from '../modules/plans/plan.entity.js';
import { Task } from '../modules/tasks/task.entity.js';
import { Unit } from '../modules/units/unit.entity.js';
import { User } from '../modules/users/user.entity.js';
import { Facility } from '../modules/facilities/facility.entity.js';
import { IndicatorValue } from '../modules/facilities/indicator-value.entity.js';
import { Assignment } from '../modules/assignments/assignment.entity.js';
import { Target } from '../modules/targets/target.entity.js';
import { Evidence, EvidenceOwnerKind } from '../modules/evidence/evidence.entity.js';

type EntityWithId = { id: string };

function byId<T extends EntityWithId>(em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = (await em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function manyBy<T, K extends string>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
    for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key)!);
  });
}

/** Per-request batching: one query per relation and request, however many rows ask for it. */
export function createLoaders(em: EntityManager) {
  return {
    plan: byId(em, Plan),
    task: byId(em, Task),
    unit: byId(em, Unit),
    user: byId(em, User),
    facility: byId(em, Facility),
    assignment: byId(em, Assignment),
    /** Newest first. */
    historyByAssignment: manyBy(
      (ids: string[]) => em.find(StatusChange, { assignment: { $in: ids } }, { orderBy: { at: 'desc', id: 'desc' } }),
      (change) => change.assignment.id,
    ),
    subtasksByTask: manyBy(
      (ids: string[]) => em.find(Task, { parent: { $in: ids } }, { orderBy: { position: 'asc' } }),
      (task) => task.parent!.id,
    ),
    topTasksByPlan: manyBy(
      (ids: string[]) => em.find(Task, { plan: { $in: ids }, parent: null }, { orderBy: { position: 'asc' } }),
      (task) => task.plan.id,
    ),
    targetsByPlan: manyBy(
      (ids: string[]) => em.find(Target, { plan: { $in: ids } }, { orderBy: { code: 'asc' } }),
      (target) => target.plan.id,
    ),
    assignmentsByTask: manyBy(
      (ids: string[]) => em.find(Assignment, { task: { $in: ids } }, { orderBy: { role: 'desc', id: 'asc' } }),
      (a) => a.task.id,
    ),
    /** Every piece of evidence of an assignment, removed ones included; oldest first. */
    evidenceByAssignment: manyBy(
      (ids: string[]) =>
        em.find(Evidence, { ownerKind: EvidenceOwnerKind.ASSIGNMENT, ownerId: { $in: ids } }, { orderBy: { uploadedAt: 'asc', id: 'asc' } }),
      (e) => e.ownerId,
    ),
    indicatorValuesByFacility: manyBy(
      (ids: string[]) => em.find(IndicatorValue, { facility: { $in: ids } }, { orderBy: { asOf: 'desc' } }),
      (v) => v.facility.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
