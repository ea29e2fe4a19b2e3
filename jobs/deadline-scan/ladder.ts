/**
 * The day arithmetic of the sweep, done once in TypeScript with the pure calendar and handed to SQL as
 * small arrays, so PostgreSQL never has to know what a working day is.
 */
import { shiftDays, type WorkingCalendar } from '../../server/modules/calendar/working-days.js';

/** Parallel arrays: work due on `days[i]` is `late[i]` working days late on the sweep's day. */
export interface LateTable {
  days: string[];
  late: number[];
}

/**
 * workingDaysBetween(day, asOf) for every day from `from` to `asOf`, counted backwards in one pass:
 * going back a day adds one when the day left behind is a working day. A plan four years late is
 * about 1,500 entries, whatever the number of assignments.
 */
export function lateTable(calendar: WorkingCalendar, from: string, asOf: string): LateTable {
  const days: string[] = [];
  const late: number[] = [];
  let count = 0;
  for (let day = asOf; day >= from; day = shiftDays(day, -1)) {
    days.push(day);
    late.push(count);
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return { days, late };
}

/** Parallel arrays: work due between `from[i]` and `to[i]` is due in exactly `n[i]` working days. */
export interface ReminderRanges {
  n: number[];
  from: string[];
  to: string[];
}

export function reminderRanges(calendar: WorkingCalendar, asOf: string, distances: Iterable<number>): ReminderRanges {
  const ranges: ReminderRanges = { n: [], from: [], to: [] };
  for (const n of new Set(distances)) {
    if (!Number.isInteger(n) || n < 0) continue;
    const range = calendar.daysAtDistance(asOf, n);
    if (!range) continue;
    ranges.n.push(n);
    ranges.from.push(range.from);
    ranges.to.push(range.to);
  }
  return ranges;
}

/** A PostgreSQL array literal, bound as one parameter (the driver would spread a JS array). */
export function pgArray(values: ReadonlyArray<string | number>): string {
  return `{${values.join(',')}}`;
}
