/**
 * The day arithmetic of the sweep, done once in TypeScript with the pure calendar and handed to SQL as
 * small arrays, so PostgreSQL never has to know what a working day is.
 */
import type { WorkingCalendar } from '../../server/modules/calendar/working-days.js';

export { lateTable, pgArray, type LateTable } from '../../server/modules/calendar/late-table.js';

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

