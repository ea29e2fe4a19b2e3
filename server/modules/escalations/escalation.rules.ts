import { localDay } from '../../shared/dates.js';
import { AssignmentStatus } from '../assignments/assignment.entity.js';
import { EscalationKind } from './escalation.entity.js';

/** Work the ladder still chases: not submitted, not done, not cancelled. */
export const CHASED_STATUSES: ReadonlySet<AssignmentStatus> = new Set([
  AssignmentStatus.NOT_STARTED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.BLOCKED,
]);

interface ChasedWork {
  unit: { id: string };
  status: AssignmentStatus;
  dueDate: string;
  submittedAt?: Date | null;
}

/**
 * An escalation is settled once what it chased has happened: late work left the open statuses (it was
 * submitted, done or cancelled) or its due date moved off the one the ladder counted from; a submission
 * waiting for review was verified or returned, or submitted again on another day. Work moved to another
 * unit settles every step raised while the old unit had it. The sweep's RESOLVE_SQL says the same in SQL.
 */
export function isSettled(escalation: { kind: EscalationKind; basis: string; unit: { id: string } }, work: ChasedWork): boolean {
  if (escalation.unit.id !== work.unit.id) return true;
  if (escalation.kind === EscalationKind.OVERDUE) return !CHASED_STATUSES.has(work.status) || work.dueDate !== escalation.basis;
  return work.status !== AssignmentStatus.SUBMITTED || !work.submittedAt || localDay(work.submittedAt) !== escalation.basis;
}
