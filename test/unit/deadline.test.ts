import { describe, expect, it } from 'vitest';
import { AssignmentStatus } from '../../server/modules/assignments/assignment.entity.js';
import { DeadlineClass, computeFigures, deadlineClass } from '../../server/modules/assignments/deadline.js';

// 16:59 UTC is 23:59 in Hà Nội; 17:00 UTC is already the next day there.
const at = (iso: string) => new Date(iso);

describe('deadline classes', () => {
  const due = '2022-06-30';

  it('work submitted by the deadline day in Vietnam time is on time, even when verified later', () => {
    const a = { status: AssignmentStatus.DONE, dueDate: due, submittedAt: at('2022-06-30T16:59:00Z'), completedAt: at('2022-07-05T03:00:00Z') };
    expect(deadlineClass(a, '2022-07-10')).toBe(DeadlineClass.DONE_ON_TIME);
  });

  it('work submitted one minute after midnight in Vietnam is late', () => {
    const a = { status: AssignmentStatus.DONE, dueDate: due, submittedAt: at('2022-06-30T17:01:00Z'), completedAt: at('2022-07-01T02:00:00Z') };
    expect(deadlineClass(a, '2022-07-10')).toBe(DeadlineClass.DONE_LATE);
  });

  it('as of a day before verification the work was not done yet', () => {
    const a = { status: AssignmentStatus.DONE, dueDate: due, submittedAt: at('2022-06-20T02:00:00Z'), completedAt: at('2022-07-05T02:00:00Z') };
    expect(deadlineClass(a, '2022-06-25')).toBe(DeadlineClass.NOT_DONE_WITHIN_DEADLINE);
    expect(deadlineClass(a, '2022-07-01')).toBe(DeadlineClass.OVERDUE);
    expect(deadlineClass(a, '2022-07-05')).toBe(DeadlineClass.DONE_ON_TIME);
  });

  it('open work is within the deadline on the deadline day and overdue the day after', () => {
    const a = { status: AssignmentStatus.IN_PROGRESS, dueDate: due };
    expect(deadlineClass(a, '2022-06-30')).toBe(DeadlineClass.NOT_DONE_WITHIN_DEADLINE);
    expect(deadlineClass(a, '2022-07-01')).toBe(DeadlineClass.OVERDUE);
  });

  it('returned and submitted-but-unverified work counts as not done; cancelled work counts nowhere', () => {
    expect(deadlineClass({ status: AssignmentStatus.SUBMITTED, dueDate: due, submittedAt: at('2022-06-01T00:00:00Z') }, '2022-07-01')).toBe(DeadlineClass.OVERDUE);
    expect(deadlineClass({ status: AssignmentStatus.CANCELLED, dueDate: due }, '2022-07-01')).toBeNull();
  });

  it('completion rate is over work that has come due; overdue rate over all counted work', () => {
    const figures = computeFigures(
      [
        { status: AssignmentStatus.DONE, dueDate: '2022-06-01', submittedAt: at('2022-05-30T00:00:00Z'), completedAt: at('2022-06-02T00:00:00Z'), progress: 100 },
        { status: AssignmentStatus.IN_PROGRESS, dueDate: '2022-06-01', progress: 50 },
        { status: AssignmentStatus.NOT_STARTED, dueDate: '2022-12-01', progress: 0 },
        { status: AssignmentStatus.CANCELLED, dueDate: '2022-06-01', progress: 10 },
      ],
      '2022-07-01',
    );
    expect(figures).toEqual({
      total: 3,
      doneOnTime: 1,
      doneLate: 0,
      notDoneWithinDeadline: 1,
      overdue: 1,
      comeDue: 2,
      completionRate: 0.5,
      overdueRate: 1 / 3,
      averageProgress: 50,
    });
    expect(computeFigures([], '2022-07-01')).toMatchObject({ total: 0, completionRate: null, overdueRate: null, averageProgress: null });
  });
});
