import { registerEnumType } from 'type-graphql';
import { localDay } from '../../shared/dates.js';
import { AssignmentStatus } from './assignment.entity.js';

/** The four classes Vietnamese offices report work in. */
export enum DeadlineClass {
  DONE_ON_TIME = 'DONE_ON_TIME',
  DONE_LATE = 'DONE_LATE',
  /** Not done, deadline not yet passed. */
  NOT_DONE_WITHIN_DEADLINE = 'NOT_DONE_WITHIN_DEADLINE',
  /** Not done, deadline passed. */
  OVERDUE = 'OVERDUE',
}
registerEnumType(DeadlineClass, {
  name: 'DeadlineClass',
  description: 'Hoàn thành đúng hạn / hoàn thành quá hạn / chưa hoàn thành trong hạn / chưa hoàn thành quá hạn',
});

export interface DeadlineFacts {
  status: AssignmentStatus;
  dueDate: string;
  submittedAt?: Date | null;
  completedAt?: Date | null;
}

/** Done as of a day: verified on or before it. Work verified later was not done yet then. */
export function isDoneAsOf(a: DeadlineFacts, asOf: string): boolean {
  return a.status === AssignmentStatus.DONE && !!a.completedAt && localDay(a.completedAt) <= asOf;
}

/**
 * The class of an assignment as of a day (Vietnam time), or null for cancelled work, which counts nowhere.
 * Timeliness of done work is judged on the day its accepted submission was sent, so a slow review
 * does not make a unit late; the deadline day itself is still on time.
 */
export function deadlineClass(a: DeadlineFacts, asOf: string): DeadlineClass | null {
  if (a.status === AssignmentStatus.CANCELLED) return null;
  if (isDoneAsOf(a, asOf)) {
    const deliveredOn = localDay(a.submittedAt ?? a.completedAt!);
    return deliveredOn <= a.dueDate ? DeadlineClass.DONE_ON_TIME : DeadlineClass.DONE_LATE;
  }
  return asOf <= a.dueDate ? DeadlineClass.NOT_DONE_WITHIN_DEADLINE : DeadlineClass.OVERDUE;
}

export interface ProgressFigures {
  /** Assignments counted (cancelled ones excluded). */
  total: number;
  doneOnTime: number;
  doneLate: number;
  notDoneWithinDeadline: number;
  overdue: number;
  /** Assignments whose deadline has passed as of the day. */
  comeDue: number;
  /** Done among those come due, divided by come due; null when nothing has come due. */
  completionRate: number | null;
  /** Overdue divided by total; null when there is nothing to count. */
  overdueRate: number | null;
  /** Mean recorded progress (0–100) over the counted assignments. */
  averageProgress: number | null;
}

export function computeFigures(assignments: Iterable<DeadlineFacts & { progress: number }>, asOf: string): ProgressFigures {
  const f = { total: 0, doneOnTime: 0, doneLate: 0, notDoneWithinDeadline: 0, overdue: 0, comeDue: 0 };
  let doneComeDue = 0;
  let progressSum = 0;
  for (const a of assignments) {
    const cls = deadlineClass(a, asOf);
    if (cls === null) continue;
    f.total++;
    progressSum += a.progress;
    const comeDue = a.dueDate < asOf;
    if (comeDue) f.comeDue++;
    switch (cls) {
      case DeadlineClass.DONE_ON_TIME:
        f.doneOnTime++;
        if (comeDue) doneComeDue++;
        break;
      case DeadlineClass.DONE_LATE:
        f.doneLate++;
        if (comeDue) doneComeDue++;
        break;
      case DeadlineClass.NOT_DONE_WITHIN_DEADLINE:
        f.notDoneWithinDeadline++;
        break;
      case DeadlineClass.OVERDUE:
        f.overdue++;
        break;
    }
  }
  return {
    ...f,
    completionRate: f.comeDue ? doneComeDue / f.comeDue : null,
    overdueRate: f.total ? f.overdue / f.total : null,
    averageProgress: f.total ? progressSum / f.total : null,
  };
}
