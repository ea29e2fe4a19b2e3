import { describe, expect, it } from 'vitest';
import { lateTable, reminderRanges } from '../../jobs/deadline-scan/ladder.js';
import { WorkingCalendar } from '../../server/modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';

const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);

describe('the day tables the sweep hands to SQL', () => {
  it('the late table counted backwards in one pass agrees with workingDaysBetween on every day since 2022', () => {
    const asOf = '2026-03-02';
    const { days, late } = lateTable(calendar, '2022-12-01', asOf);
    expect(days[0]).toBe(asOf);
    expect(days.at(-1)).toBe('2022-12-01');
    days.forEach((day, i) => expect(late[i], day).toBe(calendar.workingDaysBetween(day, asOf)));
  });

  it('reminder ranges: a Saturday deadline counts as due on the Friday before; Tết days count for nothing', () => {
    expect(reminderRanges(calendar, '2026-03-06', [0])).toEqual({ n: [0], from: ['2026-03-06'], to: ['2026-03-08'] });
    // On Friday 13/02/2026, the last working day before Tết, work due Monday 23/02 is one working day away.
    expect(reminderRanges(calendar, '2026-02-13', [1, 1])).toEqual({ n: [1], from: ['2026-02-23'], to: ['2026-02-23'] });
  });
});
