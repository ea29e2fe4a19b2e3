import { describe, expect, it } from 'vitest';
import { isValidDay } from '../../server/shared/dates.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';
import { CalendarDayKind, WorkingCalendar, weekday } from '../../server/modules/calendar/working-days.js';

const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);
const plain = new WorkingCalendar();

describe('working days of state offices', () => {
  it('a Friday deadline is 0 working days late over the weekend and 1 on Monday', () => {
    // 05/06/2026 is a Friday.
    expect(plain.workingDaysBetween('2026-06-05', '2026-06-06')).toBe(0);
    expect(plain.workingDaysBetween('2026-06-05', '2026-06-07')).toBe(0);
    expect(plain.workingDaysBetween('2026-06-05', '2026-06-08')).toBe(1);
    expect(plain.addWorkingDays('2026-06-05', 1)).toBe('2026-06-08');
    expect(plain.addWorkingDays('2026-06-08', -1)).toBe('2026-06-05');
    expect(plain.isWorkingDay('2026-06-06')).toBe(false);
    expect(plain.isWorkingDay('2026-06-07')).toBe(false);
  });

  it('a whole week counts five working days, the same either way round', () => {
    expect(plain.workingDaysBetween('2026-06-01', '2026-06-08')).toBe(5);
    expect(plain.workingDaysBetween('2026-06-08', '2026-06-01')).toBe(-5);
    expect(plain.workingDaysBetween('2026-06-03', '2026-06-03')).toBe(0);
    // Between two days with no working day in between, the count is 0, not -0.
    expect(plain.workingDaysBetween('2026-06-07', '2026-06-05')).toBe(0);
  });

  it('Tết Bính Ngọ (16–20/02/2026) is skipped: the Friday before Tết is followed by Monday 23/02', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    // Without the holidays the same span would hold six working days.
    expect(plain.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(6);
    // Due during Tết: not late until the first working day after it.
    expect(calendar.workingDaysBetween('2026-02-17', '2026-02-22')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-17', '2026-02-23')).toBe(1);
  });

  it('a day counted from inside Tết moves to the first working day after it (n = 0)', () => {
    expect(calendar.addWorkingDays('2026-02-18', 0)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-12', 0)).toBe('2026-02-12');
  });

  it('the make-up Saturday 08/02/2025 is a working day and counts', () => {
    expect(weekday('2025-02-08')).toBe(6);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
    expect(calendar.addWorkingDays('2025-02-08', 1)).toBe('2025-02-10');
    expect(calendar.workingDaysBetween('2025-02-07', '2025-02-10')).toBe(2);
    // The Sunday after it is still a day off.
    expect(calendar.isWorkingDay('2025-02-09')).toBe(false);
    // And the weekday it was swapped for (27/01) is a day off.
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
  });

  it('negative counts walk back over weekends and holidays', () => {
    expect(calendar.addWorkingDays('2026-02-23', -2)).toBe('2026-02-12');
    expect(plain.addWorkingDays('2026-06-08', -5)).toBe('2026-06-01');
    expect(calendar.addWorkingDays('2025-02-10', -1)).toBe('2025-02-08');
    // From a non-working day, one back is the last working day before it.
    expect(calendar.addWorkingDays('2026-02-18', -1)).toBe('2026-02-13');
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-12')).toBe(-2);
  });

  it('refuses a fractional count and distances it cannot mean', () => {
    expect(() => calendar.addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.daysAtDistance('2026-06-01', -1)).toThrow(RangeError);
    expect(() => calendar.lateAtLeastSince('2026-06-01', 0)).toThrow(RangeError);
  });
});

/**
 * The sweep turns working-day distances into ranges of due dates. Checked here against the plainest
 * definition there is: a running count of working days over every day, read as differences.
 */
describe('distance ranges agree with counting every day, 2022–2027', () => {
  const exceptions = new Map(VN_CALENDAR_2022_2027.map((d) => [d.day, d.kind]));
  const days: string[] = [];
  for (let t = Date.UTC(2021, 9, 1); t <= Date.UTC(2028, 2, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  const index = new Map(days.map((day, i) => [day, i]));
  // worked[i] = working days among days[0..i].
  const worked: number[] = [];
  days.forEach((day, i) => {
    const kind = exceptions.get(day);
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    const working = kind ? kind === CalendarDayKind.WORKING_DAY : dow !== 0 && dow !== 6;
    worked.push((i ? worked[i - 1] : 0) + (working ? 1 : 0));
  });
  /** Working days in (from, to], negative when to < from: by definition. */
  const between = (from: number, to: number) => worked[to] - worked[from];
  const asOfDays = days.filter((d) => d >= '2022-01-01' && d <= '2027-12-31');
  const WINDOW = 60;

  it('workingDaysBetween and addWorkingDays match the running count', () => {
    for (const asOf of asOfDays) {
      const i = index.get(asOf)!;
      for (const offset of [-23, -9, -3, -1, 0, 1, 2, 5, 11, 29]) {
        expect(calendar.workingDaysBetween(asOf, days[i + offset])).toBe(between(i, i + offset));
      }
      for (const n of [-7, -1, 1, 3, 10]) {
        const j = index.get(calendar.addWorkingDays(asOf, n))!;
        // After asOf: n working days in (asOf, d]; before it: |n| working days in [d, asOf).
        expect(n > 0 ? between(i, j) : between(j - 1, i - 1)).toBe(Math.abs(n));
        // The n-th working day itself is a working day (the count steps up on it).
        expect(worked[j] - worked[j - 1]).toBe(1);
      }
    }
  });

  it('daysAtDistance(asOf, n) is exactly the days d with workingDaysBetween(asOf, d) = n', () => {
    for (const asOf of asOfDays) {
      const i = index.get(asOf)!;
      for (let n = 0; n <= 10; n++) {
        const matching: string[] = [];
        for (let j = i - WINDOW; j <= i + WINDOW; j++) if (between(i, j) === n) matching.push(days[j]);
        const range = calendar.daysAtDistance(asOf, n);
        const expected = matching.length ? { from: matching[0], to: matching[matching.length - 1] } : null;
        expect(range, `${asOf} n=${n}`).toEqual(expected);
        // Contiguous, and not cut short by the window.
        if (expected) {
          expect(index.get(expected.to)! - index.get(expected.from)! + 1).toBe(matching.length);
          expect(index.get(expected.from)! > i - WINDOW && index.get(expected.to)! < i + WINDOW).toBe(true);
        }
      }
    }
  });

  it('lateAtLeastSince(asOf, n) is the last day d with workingDaysBetween(d, asOf) ≥ n', () => {
    for (const asOf of asOfDays) {
      const i = index.get(asOf)!;
      for (const n of [1, 2, 3, 5, 7, 14]) {
        const since = calendar.lateAtLeastSince(asOf, n);
        const disagreeing: string[] = [];
        for (let j = i - WINDOW; j <= i + 5; j++) if (between(j, i) >= n !== days[j] <= since) disagreeing.push(days[j]);
        expect(disagreeing, `${asOf} n=${n}`).toEqual([]);
        expect(index.get(since)! > i - WINDOW).toBe(true);
      }
    }
  });

  it('the ranges for 0 and ≥ 1 working days late meet without a gap or an overlap', () => {
    for (const asOf of asOfDays) {
      const zero = calendar.daysAtDistance(asOf, 0)!;
      const late = calendar.lateAtLeastSince(asOf, 1);
      expect(index.get(zero.from)! - index.get(late)!).toBe(1);
    }
  });
});

describe('the seeded calendar 2022–2027', () => {
  it('holds valid days, each listed once', () => {
    const invalid = VN_CALENDAR_2022_2027.filter((d) => !isValidDay(d.day));
    expect(invalid).toEqual([]);
    const seen = new Set<string>();
    const duplicates = VN_CALENDAR_2022_2027.filter((d) => (seen.has(d.day) ? true : (seen.add(d.day), false)));
    expect(duplicates).toEqual([]);
    expect(VN_CALENDAR_2022_2027.every((d) => d.name.trim().length > 0 && d.source.trim().length > 0)).toBe(true);
  });

  it('makes only Saturdays and Sundays working days, and gives days off only on weekdays', () => {
    const wrongMakeUp = VN_CALENDAR_2022_2027.filter((d) => d.kind === CalendarDayKind.WORKING_DAY && ![0, 6].includes(weekday(d.day)));
    expect(wrongMakeUp).toEqual([]);
    const weekendDayOff = VN_CALENDAR_2022_2027.filter((d) => d.kind === CalendarDayKind.DAY_OFF && [0, 6].includes(weekday(d.day)));
    expect(weekendDayOff).toEqual([]);
  });

  it('has Tết every year, with its first day (mùng 1) a holiday', () => {
    const firstDayOfTet: Record<number, string> = {
      2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
    };
    for (const [year, day] of Object.entries(firstDayOfTet)) {
      const tet = VN_CALENDAR_2022_2027.filter((d) => d.day.startsWith(`${year}-`) && d.name.includes('Tết Nguyên đán'));
      expect(tet.length, `Tết ${year}`).toBeGreaterThanOrEqual(3);
      // Mùng 1 may fall on a weekend and be left out of the weekday list, but it is never a working day.
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
  });
});
