/**
 * The working-day calendar of Vietnamese state offices, as a pure module: Monday to Friday, less the
 * public holidays and the extra days off the government announces each year, plus the Saturdays it
 * announces as make-up working days. Days are YYYY-MM-DD strings (a calendar day in Vietnam).
 */

export enum CalendarDayKind {
  /** A public holiday (Labour Code art. 112): New Year, Tết, the Hùng Kings' day, 30/4, 1/5, National Day. */
  HOLIDAY = 'HOLIDAY',
  /** An extra or compensatory day off announced for the year (nghỉ bù, hoán đổi ngày làm việc). */
  DAY_OFF = 'DAY_OFF',
  /** A Saturday or Sunday announced as a make-up working day (làm bù). */
  WORKING_DAY = 'WORKING_DAY',
}

export interface CalendarException {
  day: string;
  kind: CalendarDayKind;
}

const MS_PER_DAY = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function shiftDays(day: string, days: number): string {
  return fromTime(toTime(day) + days * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(toTime(day)).getUTCDay();
}

export class WorkingCalendar {
  private readonly exceptions = new Map<string, CalendarDayKind>();

  constructor(exceptions: Iterable<CalendarException> = []) {
    for (const { day, kind } of exceptions) this.exceptions.set(day, kind);
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception === CalendarDayKind.WORKING_DAY) return true;
    if (exception === CalendarDayKind.HOLIDAY || exception === CalendarDayKind.DAY_OFF) return false;
    const dow = weekday(day);
    return dow !== 0 && dow !== 6;
  }

  /**
   * The n-th working day after `day` (n > 0) or before it (n < 0). With n = 0: `day` itself when it is
   * a working day, otherwise the next working day.
   */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    if (n === 0) {
      let current = day;
      while (!this.isWorkingDay(current)) current = shiftDays(current, 1);
      return current;
    }
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = day;
    while (remaining > 0) {
      current = shiftDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /**
   * How many working days lie after `from` up to and including `to`; negative (the count after `to`
   * up to and including `from`) when `to` is earlier. A deadline on Friday is 1 working day late on
   * Monday, and still 0 late on the Saturday and Sunday between.
   */
  workingDaysBetween(from: string, to: string): number {
    // `|| 0`: a plain negation would answer -0, which is not 0 to Object.is and to strict test matchers.
    if (to < from) return -this.workingDaysBetween(to, from) || 0;
    let count = 0;
    for (let current = shiftDays(from, 1); current <= to; current = shiftDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }

  /**
   * The calendar days `d` with workingDaysBetween(asOf, d) === n, as an inclusive range (n ≥ 0), or
   * null when there is none. The range is contiguous because the count only grows with `d`; it lets a
   * sweep select "due in exactly n working days" with one `between` on an indexed column.
   */
  daysAtDistance(asOf: string, n: number): { from: string; to: string } | null {
    if (n < 0) throw new RangeError('n must be ≥ 0');
    // The first day counted n: the n-th working day after asOf. For n = 0 it is asOf when asOf is a
    // working day; on a weekend or holiday the days back to the last working day also count 0 (work due
    // on Friday is not yet late on Sunday), so the range starts there, right after lateAtLeastSince(asOf, 1).
    const from = n > 0 ? this.addWorkingDays(asOf, n) : this.isWorkingDay(asOf) ? asOf : this.addWorkingDays(asOf, -1);
    // Up to the day before the next working day.
    const to = shiftDays(this.addWorkingDays(from, 1), -1);
    return from <= to ? { from, to } : null;
  }

  /**
   * The calendar days `d` with workingDaysBetween(d, asOf) ≥ n (work due on `d` is at least n working
   * days late on `asOf`): every day up to the returned one. n ≥ 1.
   */
  lateAtLeastSince(asOf: string, n: number): string {
    if (n < 1) throw new RangeError('n must be ≥ 1');
    // workingDaysBetween(d, asOf) counts working days in (d, asOf]. With w the n-th working day at or
    // before asOf, counting back, the count reaches n exactly when d < w.
    const w = this.isWorkingDay(asOf) ? this.addWorkingDays(asOf, -(n - 1)) : this.addWorkingDays(asOf, -n);
    return shiftDays(w, -1);
  }
}

/** The names, as plain functions over a calendar. */
export function addWorkingDays(calendar: WorkingCalendar, day: string, n: number): string {
  return calendar.addWorkingDays(day, n);
}

export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  return calendar.workingDaysBetween(from, to);
}
