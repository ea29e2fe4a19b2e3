/** The plan's offices all work on Vietnam time; a "date" in this product is a calendar day there. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam has kept UTC+7 without daylight saving since 1975, so a day there is plain arithmetic. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const viDayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** YYYY-MM-DD of the instant, in Vietnam. */
export function localDay(instant: Date): string {
  // Called for every row of every list (deadline classes): Intl formatting would dominate it.
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function today(now: Date = new Date()): string {
  return localDay(now);
}

/** dd/MM/yyyy, as Vietnamese documents write dates. */
export function formatViDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export function formatViInstant(instant: Date): string {
  return viDayFormat.format(instant);
}

const viTimeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** HH:mm:ss on Vietnam's clock. */
export function formatViTime(instant: Date): string {
  return viTimeFormat.format(instant);
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
