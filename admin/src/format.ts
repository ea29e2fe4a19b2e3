export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** dd/MM/yyyy for a calendar day (YYYY-MM-DD) without passing through a time zone. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/MM/yyyy for an instant, as the day it was in Vietnam. */
export function formatInstantDay(instant: string | Date | null | undefined): string {
  return instant ? dayFormat.format(new Date(instant)) : '';
}

/** dd/MM/yyyy HH:mm in Vietnam time (date first, as Vietnamese documents write it). */
export function formatInstant(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  const parts = Object.fromEntries(timeFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export function todayInVietnam(): string {
  return isoDay.format(new Date());
}

export function percent(rate: number | null | undefined, digits = 0): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits).replace('.', ',')}%`;
}

/** The evaluation writes achievements and period labels as clauses ("dùng 1 nhóm…", "năm 2022"); headings and cards start with a capital. */
export function sentenceCase(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1) : text;
}
