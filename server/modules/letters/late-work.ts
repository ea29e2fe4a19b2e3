import type { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentStatus } from '../assignments/assignment.entity.js';

/**
 * Work the unit itself is holding up. Submitted work waits on the reviewer, not the unit, and done or
 * cancelled work is over: an urging letter names neither.
 */
export const OPEN_STATUSES = [AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.BLOCKED] as const;

export interface LateAssignment {
  id: string;
  taskNumber: string;
  taskTitle: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: AssignmentStatus;
  progress: number;
}

const LATE_SQL = `
  select a.id, t.number as "taskNumber", t.title as "taskTitle", to_char(a.due_date, 'YYYY-MM-DD') as "dueDate",
         a.status, a.progress
    from assignment a
    join task t on t.id = a.task_id
   where a.plan_id = ? and a.unit_id = ? and a.status in (${OPEN_STATUSES.map(() => '?').join(', ')}) and a.due_date < ?::date
   order by t.position, t.number`;

/** The unit's open work in the plan whose due date is before `day` (a Vietnam day), in the plan's task order. */
export async function lateAssignments(em: EntityManager, planId: string, unitId: string, day: string): Promise<LateAssignment[]> {
  return em.execute<LateAssignment[]>(LATE_SQL, [planId, unitId, ...OPEN_STATUSES, day]);
}
