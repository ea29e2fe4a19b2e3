export type CalendarDayKind = 'HOLIDAY' | 'DAY_OFF' | 'WORKING_DAY';

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD day, without passing through the browser's time zone. */
export function weekdayOf(day: string): number {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/** i18n key of the day's weekday, e.g. app.weekdays.sat. */
export function weekdayKey(day: string): string {
  return `app.weekdays.${WEEKDAY_KEYS[weekdayOf(day)]}`;
}

export const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

/** The same rule as the API's, checked as the form is filled: a message key, or undefined. */
export function kindProblem(day: string | null | undefined, kind: CalendarDayKind | null | undefined): string | undefined {
  if (!day || !kind || !/^\d{4}-\d{2}-\d{2}/.test(day)) return undefined;
  if (kind === 'WORKING_DAY' && !isWeekend(day)) return 'app.calendar.working_day_must_be_weekend';
  if (kind === 'DAY_OFF' && isWeekend(day)) return 'app.calendar.day_off_must_be_weekday';
  return undefined;
}
