/**
 * The rules of a unit report as pure functions: which action is allowed in which state, and the report's
 * deadline class as of a day. The SQL function unit_report_deadline_class says the same; a test checks
 * they agree.
 */
import { localDay } from '../../shared/dates.js';
import { DeadlineClass } from '../assignments/deadline.js';
import { UnitReportAction, UnitReportState } from './unit-report.entity.js';

/** The unit writes while nothing is with the aggregating office; the office decides while it is. */
const ALLOWED: Record<UnitReportAction, readonly UnitReportState[]> = {
  [UnitReportAction.SAVE]: [UnitReportState.NOT_STARTED, UnitReportState.DRAFT, UnitReportState.RETURNED],
  [UnitReportAction.SUBMIT]: [UnitReportState.NOT_STARTED, UnitReportState.DRAFT, UnitReportState.RETURNED],
  [UnitReportAction.RETURN]: [UnitReportState.SUBMITTED],
  [UnitReportAction.ACCEPT]: [UnitReportState.SUBMITTED],
};

export function canApply(action: UnitReportAction, state: UnitReportState): boolean {
  return ALLOWED[action].includes(state);
}

/** The state an action leaves the report in; a save keeps a returned report RETURNED so its comment stays in view. */
export function nextState(action: UnitReportAction, state: UnitReportState): UnitReportState {
  switch (action) {
    case UnitReportAction.SAVE:
      return state === UnitReportState.RETURNED ? UnitReportState.RETURNED : UnitReportState.DRAFT;
    case UnitReportAction.SUBMIT:
      return UnitReportState.SUBMITTED;
    case UnitReportAction.RETURN:
      return UnitReportState.RETURNED;
    case UnitReportAction.ACCEPT:
      return UnitReportState.ACCEPTED;
  }
}

/** The states in words, as the messages, the documents and the admin name them. */
export const STATE_WORDS: Record<UnitReportState, string> = {
  [UnitReportState.NOT_STARTED]: 'Chưa soạn',
  [UnitReportState.DRAFT]: 'Đang soạn, chưa gửi',
  [UnitReportState.SUBMITTED]: 'Đã gửi, chờ tiếp nhận',
  [UnitReportState.RETURNED]: 'Bị trả lại để hoàn thiện',
  [UnitReportState.ACCEPTED]: 'Đã tiếp nhận',
};

export interface ReportDeadlineFacts {
  state: UnitReportState;
  submittedAt?: Date | null;
  reviewedAt?: Date | null;
  /** The obligation's day: the report goes up before it. */
  dueBefore: string;
}

/**
 * A report is done once accepted (as of the day of acceptance), on time when the accepted submission
 * was sent before the due day: "trước ngày 30/6" makes the 30th itself late. Until accepted it is
 * within its deadline before the due day and overdue from it.
 */
export function reportDeadlineClass(r: ReportDeadlineFacts, asOf: string): DeadlineClass {
  if (r.state === UnitReportState.ACCEPTED && r.reviewedAt && localDay(r.reviewedAt) <= asOf) {
    return r.submittedAt && localDay(r.submittedAt) < r.dueBefore ? DeadlineClass.DONE_ON_TIME : DeadlineClass.DONE_LATE;
  }
  return asOf < r.dueBefore ? DeadlineClass.NOT_DONE_WITHIN_DEADLINE : DeadlineClass.OVERDUE;
}

/** Sent on or after the due day. */
export function submittedLate(submittedAt: Date | null | undefined, dueBefore: string): boolean {
  return !!submittedAt && localDay(submittedAt) >= dueBefore;
}

/** "6 tháng đầu năm 2022" / "năm 2022": the period as the documents name it. */
export function periodLabel(period: 'SIX_MONTH' | 'ANNUAL', dueBefore: string): string {
  const year = dueBefore.slice(0, 4);
  return period === 'SIX_MONTH' ? `6 tháng đầu năm ${year}` : `năm ${year}`;
}
