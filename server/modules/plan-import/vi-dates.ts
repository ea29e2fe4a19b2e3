/**
 * Dates as Vietnamese administrative texts write them, read from folded text (no diacritics, lower
 * case): "04/4/2022", "ngày 15 tháng 5 năm 2022", "đến hết năm 2022", "giai đoạn 2022-2025".
 */
import { isValidDay } from '../../shared/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isValidDay(iso) ? iso : null;
}

const NUMERIC_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const WORDED_DATE = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/;

/** The first full date in the folded text: "04/4/2022" or "ngày 04 tháng 4 năm 2022". */
export function firstDate(folded: string): { date: string; index: number; length: number } | null {
  const found = [NUMERIC_DATE.exec(folded), WORDED_DATE.exec(folded)].filter((m): m is RegExpExecArray => !!m);
  found.sort((a, b) => a.index - b.index);
  for (const m of found) {
    const date = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date) return { date, index: m.index, length: m[0].length };
  }
  return null;
}

export interface DeadlinePhrase {
  /** YYYY-MM-DD: the last day the phrase allows. */
  date: string;
  /** The first day, when the phrase names a period ("giai đoạn 2022-2025" starts 2022-01-01). */
  from: string | null;
  index: number;
  length: number;
  /** A bare "năm 2022" is weaker evidence than "đến hết năm 2022". */
  strong: boolean;
}

const DEADLINE_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Omit<DeadlinePhrase, 'index' | 'length'> | null }> = [
  {
    re: /(?:truoc|den(?:\s+het)?|cham\s+nhat|trong)\s+(?:ngay\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g,
    read: (m) => {
      const date = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
      return date ? { date, from: null, strong: true } : null;
    },
  },
  {
    re: /giai\s+doan\s+(?:tu\s+(?:nam\s+)?)?(\d{4})\s*(?:[-–—]|den(?:\s+nam)?)\s*(\d{4})/g,
    read: (m) => ({ date: `${m[2]}-12-31`, from: `${m[1]}-01-01`, strong: true }),
  },
  {
    re: /tu\s+nam\s+(\d{4})\s+den\s+(?:het\s+|cuoi\s+)?nam\s+(\d{4})/g,
    read: (m) => ({ date: `${m[2]}-12-31`, from: `${m[1]}-01-01`, strong: true }),
  },
  {
    // A school year runs from September to the end of May.
    re: /(?:(?:den\s+het|den\s+cuoi|den|het|cuoi|trong)\s+)?nam\s+hoc\s+(\d{4})\s*[-–—]\s*(\d{4})/g,
    read: (m) => ({ date: `${m[2]}-05-31`, from: `${m[1]}-09-01`, strong: true }),
  },
  {
    re: /(?:den\s+het|den\s+cuoi|den|het|cuoi|trong)\s+nam\s+(\d{4})/g,
    read: (m) => ({ date: `${m[1]}-12-31`, from: null, strong: true }),
  },
  { re: /\bnam\s+(\d{4})/g, read: (m) => ({ date: `${m[1]}-12-31`, from: `${m[1]}-01-01`, strong: false }) },
];

/** Every deadline phrase in the folded text, longest first where two overlap, in text order. */
export function deadlinePhrases(folded: string): DeadlinePhrase[] {
  const found: DeadlinePhrase[] = [];
  for (const { re, read } of DEADLINE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const value = read(m);
      if (!value) continue;
      const phrase = { ...value, index: m.index, length: m[0].length };
      const overlaps = found.some((f) => phrase.index < f.index + f.length && f.index < phrase.index + phrase.length);
      if (!overlaps) found.push(phrase);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "Thời gian thực hiện: Năm 2022" → the whole year; "giai đoạn 2022-2025" → the four years. */
export function periodOf(folded: string): { start: string; end: string } | null {
  const phrases = deadlinePhrases(folded);
  if (!phrases.length) return null;
  const ranged = phrases.find((p) => p.from);
  if (ranged) return { start: ranged.from!, end: ranged.date };
  const first = phrases[0];
  return { start: `${first.date.slice(0, 4)}-01-01`, end: first.date };
}
