/**
 * The heading of a document laid out as Decree 30/2020/NĐ-CP sets it: the issuing body (under its
 * superior, if any), the number and symbol, the national motto, place and date, then the kind of
 * document ("KẾ HOẠCH") and its summary. A PDF of the two-column heading may put a left and a right
 * piece on one line, so each piece is found inside lines rather than as a whole line.
 */
import { bodyKey, bodyNameCase, properName } from './bodies.js';
import type { Coverage } from './coverage.js';
import { type Doc, type Line, clean, isUpperCase, lowerFirst, upperFirst } from './text.js';
import type { ParsedHeader, ParsedTitle, Span } from './types.js';
import { isoDay } from './vi-dates.js';

/** Kinds of administrative documents (Decree 30, Phụ lục III), folded. */
const DOCUMENT_KINDS: Record<string, string> = {
  'ke hoach': 'Kế hoạch',
  'quyet dinh': 'Quyết định',
  'nghi quyet': 'Nghị quyết',
  'chi thi': 'Chỉ thị',
  'thong bao': 'Thông báo',
  'bao cao': 'Báo cáo',
  'to trinh': 'Tờ trình',
  'huong dan': 'Hướng dẫn',
  'chuong trinh': 'Chương trình',
  'de an': 'Đề án',
  'cong dien': 'Công điện',
  'giay moi': 'Giấy mời',
  'quy che': 'Quy chế',
  'quy dinh': 'Quy định',
  'bien ban': 'Biên bản',
  'thong cao': 'Thông cáo',
};

export interface DocumentKind {
  /** "Kế hoạch", "Quyết định", … */
  kind: string;
  line: Line;
  /** Where the kind's word ends in the line: the rest of the line starts the summary. */
  end: number;
}

/** The first capitalised line naming a kind of document, within the heading's reach. */
export function findDocumentKind(doc: Doc): DocumentKind | null {
  for (const line of doc.lines.slice(0, 40)) {
    const folded = doc.folded.slice(line.start, line.end);
    for (const [key, kind] of Object.entries(DOCUMENT_KINDS)) {
      if (!folded.startsWith(key) || /[a-z]/.test(folded.charAt(key.length))) continue;
      if (!isUpperCase(line.text.slice(0, key.length))) continue;
      return { kind, line, end: line.start + key.length };
    }
  }
  return null;
}

const MOTTO = [/cong hoa xa hoi chu nghia viet nam/, /doc lap\s*[-–—]?\s*tu do\s*[-–—]?\s*hanh phuc/];
const SEPARATOR = /^[\s\-_=*.·–—]+$/;
const NUMBER = /\bso\s*:?\s*(\d+(?:\/\d{4})?)?\s*\/\s*([a-z0-9][a-z0-9.-]*(?:\/[a-z0-9.-]+)*)/;
const PLACE_DATE = /,\s*ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})?\s*nam\s*(\d{4})?/;
const BARE_BODY = /^(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)$/;
const LOCALITY_START = /^(?:tinh|huyen|xa|thi tran|thi xa|thanh pho|quan|phuong)\b/;

interface Piece {
  text: string;
  span: Span;
}

/** Reads the lines above the document's kind. */
export function readHeader(doc: Doc, lines: Line[], cov: Coverage): ParsedHeader {
  const header: ParsedHeader = { issuer: null, superior: null, number: null, placeAndDate: null };
  const bodyPieces: Piece[] = [];

  for (const line of lines) {
    const folded = doc.folded.slice(line.start, line.end);
    // Pieces of the line not yet read, as [start, end) offsets in the document.
    let rest: Span[] = [{ start: line.start, end: line.end }];
    const take = (start: number, end: number) => {
      cov.cover({ start, end });
      rest = rest.flatMap((r) => {
        if (end <= r.start || start >= r.end) return [r];
        return [{ start: r.start, end: Math.max(r.start, start) }, { start: Math.min(r.end, end), end: r.end }].filter((p) => p.end > p.start);
      });
    };

    for (const motto of MOTTO) {
      const m = motto.exec(folded);
      if (m) take(line.start + m.index, line.start + m.index + m[0].length);
    }
    const number = NUMBER.exec(folded);
    if (number && !header.number) {
      const start = line.start + number.index;
      const end = start + number[0].length;
      const symbolStart = line.start + number.index + number[0].length - number[2].length;
      const symbol = doc.text.slice(symbolStart, end);
      header.number = { number: number[1] ? `${number[1]}/${symbol}` : null, symbol, span: { start, end } };
      take(start, end);
    }
    const date = PLACE_DATE.exec(folded);
    if (date && !header.placeAndDate) {
      // The place is what is left of the line before ", ngày" once the number and motto are taken.
      const before = rest.find((r) => r.start < line.start + date.index && r.end >= line.start + date.index);
      const placeSpan = before ? { start: before.start, end: line.start + date.index } : null;
      const place = placeSpan ? clean(doc.text.slice(placeSpan.start, placeSpan.end)) : '';
      const [day, month, year] = [date[1], date[2], date[3]].map((v) => (v ? Number(v) : null));
      const start = placeSpan?.start ?? line.start + date.index;
      const end = line.start + date.index + date[0].length;
      // As written: Decree 30 puts a zero before days below 10 and months 1 and 2 ("ngày 02 tháng 01").
      const when = [date[1] ? `ngày ${date[1]}` : null, date[2] ? `tháng ${date[2]}` : null, date[3] ? `năm ${date[3]}` : null].filter(Boolean).join(' ');
      const placeName = place ? properName(place) : null;
      header.placeAndDate = {
        place: placeName,
        day,
        month,
        year,
        date: day && month && year ? isoDay(year, month, day) : null,
        display: [placeName, when].filter(Boolean).join(', '),
        span: { start, end },
      };
      take(start, end);
    }
    for (const r of rest) {
      const text = clean(doc.text.slice(r.start, r.end));
      if (!text || SEPARATOR.test(text)) {
        cov.cover(r);
        continue;
      }
      if (isUpperCase(text)) bodyPieces.push({ text, span: r });
      else cov.leave(r, 'Dòng ở phần đầu văn bản không nhận ra (không phải cơ quan ban hành, số, ngày tháng).');
    }
  }

  // "ỦY BAN NHÂN DÂN" over "HUYỆN HÀ TRUNG" is one body written on two lines.
  const bodies: Piece[] = [];
  for (const piece of bodyPieces) {
    const last = bodies[bodies.length - 1];
    const folded = doc.folded.slice(piece.span.start, piece.span.end).trim();
    if (last && BARE_BODY.test(doc.folded.slice(last.span.start, last.span.end).trim()) && LOCALITY_START.test(folded)) {
      last.text = `${last.text} ${piece.text}`;
      last.span = { start: last.span.start, end: piece.span.end };
    } else bodies.push({ ...piece });
  }
  const named = (piece: Piece) => ({ name: bodyNameCase(piece.text), asWritten: piece.text, key: bodyKey(piece.text), span: piece.span });
  if (bodies.length) {
    header.issuer = named(bodies[bodies.length - 1]);
    if (bodies.length > 1) header.superior = named(bodies[bodies.length - 2]);
    for (const extra of bodies.slice(0, -2)) cov.leave(extra.span, 'Dòng cơ quan ở phần đầu văn bản ngoài cơ quan ban hành và cơ quan chủ quản.');
    for (const b of bodies.slice(-2)) cov.cover(b.span);
  }
  return header;
}

const TITLE_STOP = /^(?:can cu|thuc hien|nham|de trien khai|de thuc hien|theo de nghi)\b/;
const ATTACHED_NOTE = /^\((?:ban hanh )?kem theo\b/;
const LOCALITY_IN_TEXT = /(^|\s)(tỉnh|huyện|xã|thị trấn|thị xã|thành phố|quận|phường)\s+([^\s,.;]+(?:\s+[^\s,.;]+)?)/gu;
const NOT_PLACE_WORD = /^(?:năm|giai|đến|về|trong|và|trên|theo|của|tại|từ|các)$/u;

/** A summary written in capitals, in sentence case, with place names kept as proper names. */
export function sentenceCase(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi-VN');
  const cased = lower.replace(LOCALITY_IN_TEXT, (_all, lead: string, level: string, place: string) => {
    const words = place.split(/\s+/);
    const kept = words.filter((w, i) => i === 0 || !NOT_PLACE_WORD.test(w));
    const name = properName(kept.join(' '));
    return `${lead}${level} ${name}${kept.length < words.length ? ' ' + words.slice(kept.length).join(' ') : ''}`;
  });
  return upperFirst(cased);
}

/**
 * The summary under "KẾ HOẠCH", up to its full stop, the first basis ("Căn cứ …", "Thực hiện …")
 * or the first part; returns the title and the index of the first line after it.
 */
export function readTitle(doc: Doc, kind: DocumentKind, cov: Coverage): { title: ParsedTitle | null; next: number } {
  cov.cover({ start: kind.line.start, end: kind.end });
  const pieces: Span[] = [];
  const sameLine = { start: kind.end, end: kind.line.end };
  if (clean(doc.text.slice(sameLine.start, sameLine.end))) pieces.push(sameLine);
  let next = kind.line.index + 1;
  for (; next < doc.lines.length && next <= kind.line.index + 8; next++) {
    const line = doc.lines[next];
    const folded = doc.folded.slice(line.start, line.end);
    if (SEPARATOR.test(line.text)) {
      cov.cover(line);
      if (pieces.length) {
        next++;
        break;
      }
      continue;
    }
    if (ATTACHED_NOTE.test(folded)) {
      cov.leave(line, 'Ghi chú văn bản kèm theo dưới tên văn bản.');
      continue;
    }
    if (TITLE_STOP.test(folded) || /^[ivx]+\s*\./.test(folded)) break;
    pieces.push({ start: line.start, end: line.end });
    if (/\.$/.test(line.text)) {
      next++;
      break;
    }
  }
  if (!pieces.length) return { title: null, next };
  const span = { start: pieces[0].start, end: pieces[pieces.length - 1].end };
  cov.cover(span);
  let summary = clean(doc.text.slice(span.start, span.end)).replace(/\.$/, '');
  if (isUpperCase(summary)) summary = sentenceCase(summary);
  return { title: { text: `${kind.kind} ${lowerFirst(summary)}`, summary, span }, next };
}
