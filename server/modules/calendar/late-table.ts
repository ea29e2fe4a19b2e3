/**
 * Working-day arithmetic handed to SQL as small arrays, so PostgreSQL never has to know what a working
 * day is: the deadline sweep and the award evaluation both count lateness this way.
 */
import { shiftDays, type WorkingCalendar } from './working-days.js';

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

/** A PostgreSQL array literal, bound as one parameter (the driver would spread a JS array). */
export function pgArray(values: ReadonlyArray<string | number>): string {
  return `{${values.join(',')}}`;
}
