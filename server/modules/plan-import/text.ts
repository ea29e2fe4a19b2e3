import type { Span } from './types.js';

/**
 * The one text form every reader produces and every span points into: NFC (Word and PDF mix
 * precomposed and combining Vietnamese marks), one space between words, lines trimmed, and a single
 * empty line for a paragraph break. Idempotent, so the parser can normalise what it is given.
 */
export function normaliseText(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .normalize('NFC')
    // Zero-width characters and soft hyphens are invisible in the document: they only break words.
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const foldCache = new Map<string, string>();

/** One character without tone marks and lower case, always one UTF-16 unit so offsets carry over. */
function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    if (ch === 'đ' || ch === 'Đ') folded = 'd';
    else if (ch === '\n') folded = ' ';
    else {
      const base = ch.normalize('NFD').charAt(0);
      const lower = base.toLowerCase();
      folded = lower.length === 1 ? lower : base;
    }
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * The text without diacritics, lower case, line breaks as spaces, and of the same length, so a rule
 * can match "chu tri" whether the document writes "chủ trì", "Chủ trì" or "CHỦ TRÌ" (or the old
 * "hoà" for "hòa") and its match offsets are offsets into the text.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

/** Whitespace unified to single spaces, trimmed: how a value is taken from a span that crosses lines. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { upperFirst } from '../../shared/text.js';

/** "Hỗ trợ …" → "hỗ trợ …", but "UBND …" and other acronyms stay. */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text.charAt(1) !== text.charAt(1).toLocaleLowerCase('vi-VN')) return text;
  return text ? text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1) : text;
}

/** True when every letter is a capital and there are at least two: a heading such as "II. MỤC TIÊU". */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi-VN') && letters !== letters.toLocaleLowerCase('vi-VN');
}

/** A document under analysis: the text, its folded twin and its non-empty lines with their offsets. */
export class Doc {
  readonly folded: string;
  readonly lines: Line[];

  constructor(readonly text: string) {
    this.folded = fold(text);
    this.lines = [];
    let start = 0;
    for (const line of text.split('\n')) {
      if (line) this.lines.push({ text: line, start, end: start + line.length, index: this.lines.length });
      start += line.length + 1;
    }
  }

  /** The cleaned text of a span. */
  value(span: Span): string {
    return clean(this.text.slice(span.start, span.end));
  }

  foldedOf(span: Span): string {
    return this.folded.slice(span.start, span.end);
  }
}

export interface Line {
  text: string;
  start: number;
  end: number;
  /** Position among the document's non-empty lines. */
  index: number;
}

/** A span trimmed of the whitespace and the given trailing punctuation at its ends. */
export function trimSpan(text: string, span: Span, trailing = ''): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && (/\s/.test(text[end - 1]) || trailing.includes(text[end - 1]))) end--;
  return { start, end };
}

export const span = (start: number, end: number): Span => ({ start, end });
