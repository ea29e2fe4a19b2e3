/**
 * Measurable targets: a share, what it is a share of, a comparison and a date. Plans often put two
 * targets in one sentence ("50% trường học … và 50% bệnh viện … sử dụng nền tảng số"; "giao dịch …
 * trong các trường học …, trong các bệnh viện tuyến tỉnh … đạt trên 50%"): each gets its own title,
 * the shared part of the sentence repeated, and a list naming both sectors' payments ("học phí,
 * dịch vụ y tế và các giao dịch khác") keeps only the target's own sector.
 */
import { type Doc, clean, fold, upperFirst } from './text.js';
import type { ComparatorValue, FacilityLevelValue, ParsedTarget, SectorValue, Span, TargetMetricValue } from './types.js';
import { deadlinePhrases } from './vi-dates.js';

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/g;
/** Words before the share: "không dưới 60%" is at least 60%, "dưới 5%" a ceiling the targets cannot hold yet. */
const AT_LEAST = /(?:khong duoi|khong it hon|toi thieu|it nhat)\s*$/;
const MORE_THAN = /(?:tren|hon|vuot|lon hon)\s*$/;
const UNSUPPORTED = /(?:duoi|khong qua|toi da|it hon|giam)\s*(?:con\s*|xuong\s*)?$/;
/** Where the part of a sentence shared by its subjects begins: the place or the verb. */
// (No "có": folded it is "co", as in "cơ sở".)
const TAIL_START = /\s(?:tren dia ban|su dung|dat\b|thuc hien|trien khai|ung dung|ap dung|chap nhan|duoc|hoan thanh|tham gia|ket noi|cung cap|to chuc)/;
const LOCATIVE = /(?:^|,\s*|\s+va\s+|\s)trong\s+(?:cac\s+)?/g;
const LEADING_DEADLINE = /^(?:phan dau\s+)?(?:den\s+het|den\s+cuoi|den|giai\s+doan|trong|nam|truoc)\b[^,:]*?\d{4}\s*[,:]\s*/;

const EDUCATION = /\b(?:truong|giao duc|hoc sinh|mam non|tieu hoc|trung hoc|thcs|thpt|hoc phi|phu huynh)\b/;
const HEALTH = /\b(?:benh vien|y te|kham|chua benh|tram y te|vien phi)\b/;

/** Words of a list that belong to one sector: the other sector's target drops them. */
const SECTOR_TERMS: Record<'EDUCATION' | 'HEALTH', string[]> = {
  EDUCATION: ['hoc phi', 'hoc sinh', 'phu huynh'],
  HEALTH: ['dich vu y te', 'vien phi', 'nguoi benh', 'benh nhan'],
};

const LEVELS: Array<[RegExp, FacilityLevelValue]> = [
  [/benh vien\s+(?:cac\s+)?tuyen tinh|tuyen tinh/, 'PROVINCIAL_HOSPITAL'],
  [/benh vien\s+(?:tuyen\s+)?huyen|trung tam y te huyen/, 'DISTRICT_HOSPITAL'],
  [/tram y te/, 'HEALTH_STATION'],
  [/mam non/, 'PRESCHOOL'],
  [/tieu hoc/, 'PRIMARY'],
  [/trung hoc co so|thcs/, 'LOWER_SECONDARY'],
  [/trung hoc pho thong|thpt/, 'UPPER_SECONDARY'],
];

export function sectorOf(folded: string): SectorValue | null {
  const education = EDUCATION.test(folded);
  const health = HEALTH.test(folded);
  if (education && health) return 'EDUCATION_AND_HEALTH';
  return education ? 'EDUCATION' : health ? 'HEALTH' : null;
}

function metricOf(folded: string): TargetMetricValue | null {
  if (/(?:so luong|ty le|so)\s+(?:cac\s+)?(?:giao dich|luot thanh toan)|%\s*(?:cac\s+)?giao dich/.test(folded)) return 'CASHLESS_TRANSACTION_SHARE';
  const digital = /nen tang so|chuyen doi so|cong nghe so/.exec(folded);
  const cashless = /khong dung tien mat|thanh toan (?:so|dien tu|truc tuyen)/.exec(folded);
  if (digital && (!cashless || digital.index < cashless.index)) return 'FACILITIES_USING_DIGITAL_PLATFORM';
  return cashless ? 'FACILITIES_ACCEPTING_CASHLESS' : null;
}

function levelsOf(folded: string): FacilityLevelValue[] | null {
  const levels = LEVELS.filter(([re]) => re.test(folded)).map(([, level]) => level);
  return levels.length ? levels : null;
}

/** Drops the other sector's items from a list in a shared tail, keeping the list's "A, B và C" form. */
function keepSector(tail: string, sector: SectorValue | null): string {
  tail = clean(tail);
  if (sector !== 'EDUCATION' && sector !== 'HEALTH') return tail;
  const folded = fold(tail);
  const other = sector === 'EDUCATION' ? SECTOR_TERMS.HEALTH : SECTOR_TERMS.EDUCATION;
  const own = SECTOR_TERMS[sector];
  if (!own.some((t) => folded.includes(t)) || !other.some((t) => folded.includes(t))) return tail;
  let out = tail;
  let outFolded = folded;
  for (const term of other) {
    const i = outFolded.indexOf(term);
    if (i < 0) continue;
    let [a, b] = [i, i + term.length];
    if (outFolded.slice(b, b + 2) === ', ') b += 2;
    else if (outFolded.slice(a - 2, a) === ', ') a -= 2;
    else if (outFolded.slice(a - 4, a) === ' va ') a -= 4;
    out = out.slice(0, a) + out.slice(b);
    outFolded = outFolded.slice(0, a) + outFolded.slice(b);
  }
  return out;
}

function titleOf(pieces: string[]): string {
  let title = clean(pieces.join(' ')).replace(/\s+([,.;:])/g, '$1').replace(/[.;:,]+$/, '');
  const lead = LEADING_DEADLINE.exec(fold(title));
  if (lead) title = title.slice(lead[0].length);
  return upperFirst(title);
}

export interface TargetContext {
  /** The date of an enclosing line ("Đến hết năm 2022:"). */
  headingDeadline: string | null;
  /** The plan's last day, when the plan states its period. */
  planEnd: string | null;
}

export interface TargetReading {
  targets: ParsedTarget[];
  /** Why a sentence with a share gave no target. */
  problem: string | null;
}

/** The targets of one sentence (its span without the point's marker). */
export function readTargetSentence(doc: Doc, sentence: Span, context: TargetContext, statement: number): TargetReading {
  const text = doc.text.slice(sentence.start, sentence.end);
  const folded = doc.folded.slice(sentence.start, sentence.end);
  const percents = [...folded.matchAll(PERCENT)].map((m) => ({ index: m.index, end: m.index + m[0].length, value: Number(m[1].replace(',', '.')) }));
  if (!percents.length) return { targets: [], problem: 'Mục tiêu không nêu tỷ lệ (%): chưa đo được.' };
  const before = (p: { index: number }) => folded.slice(Math.max(0, p.index - 16), p.index);
  if (percents.some((p) => !AT_LEAST.test(before(p)) && UNSUPPORTED.test(before(p)))) {
    return { targets: [], problem: 'Ngưỡng dạng "dưới", "không quá" chưa được hỗ trợ: cần nhập tay.' };
  }
  if (percents.some((p) => p.value > 100)) return { targets: [], problem: 'Tỷ lệ vượt 100%: cần kiểm tra lại văn bản.' };

  const deadlines = deadlinePhrases(folded);
  const strong = deadlines.filter((d) => d.strong);
  const sentenceDeadline = (strong[0] ?? deadlines[0])?.date ?? null;
  const due = (own: string | null) =>
    own ? { dueDate: own, dueDateSource: 'SENTENCE' as const }
    : context.headingDeadline ? { dueDate: context.headingDeadline, dueDateSource: 'HEADING' as const }
    : context.planEnd ? { dueDate: context.planEnd, dueDateSource: 'PLAN_PERIOD' as const }
    : { dueDate: null, dueDateSource: null };

  const make = (title: string, subjectFolded: string, percent: (typeof percents)[number], deadline: string | null): ParsedTarget => {
    const comparator: ComparatorValue = !AT_LEAST.test(before(percent)) && MORE_THAN.test(before(percent)) ? 'MORE_THAN' : 'AT_LEAST';
    return {
      title,
      sector: sectorOf(subjectFolded) ?? sectorOf(folded),
      metric: metricOf(fold(title)),
      comparator,
      thresholdPercent: percent.value,
      ...due(deadline),
      facilityLevels: levelsOf(subjectFolded),
      statement,
      span: sentence,
    };
  };

  // Several dates, one share each: "đến hết năm 2023 đạt 70%, đến hết năm 2025 đạt 100%".
  if (strong.length >= 2 && strong.length === percents.length) {
    return { targets: percents.map((p, i) => make(titleOf([text]), folded, p, strong[i].date)), problem: null };
  }

  // Two shares with their own subjects: "50% trường học … và 50% bệnh viện … <shared tail>".
  const coordinated = percents.length >= 2 && percents.slice(1).every((p) => /(?:,|\s+va|;)\s*$/.test(folded.slice(0, p.index)));
  if (coordinated) {
    const prefix = text.slice(0, percents[0].index);
    const last = percents[percents.length - 1];
    const tailMatch = TAIL_START.exec(folded.slice(last.end));
    const tailAt = tailMatch ? last.end + tailMatch.index : text.length;
    const ends = percents.slice(1).map((p) => p.index - (/(?:,|\s+va|;)\s*$/.exec(folded.slice(0, p.index))?.[0].length ?? 0));
    const segments = percents.map((p, i) => ({ start: p.index, end: i < ends.length ? ends[i] : tailAt }));
    const ownPredicates = segments.slice(0, -1).some((s) => TAIL_START.test(folded.slice(s.start, s.end)));
    const targets = percents.map((p, i) => {
      const seg = segments[i];
      if (ownPredicates) {
        const end = i < ends.length ? ends[i] : text.length;
        return make(titleOf([prefix, text.slice(seg.start, end)]), folded.slice(seg.start, end), p, sentenceDeadline);
      }
      const sector = sectorOf(folded.slice(seg.start, seg.end));
      const tail = keepSector(text.slice(tailAt), sector);
      return make(titleOf([prefix, text.slice(seg.start, seg.end), tail]), folded.slice(seg.start, seg.end), p, sentenceDeadline);
    });
    return { targets, problem: null };
  }

  // One share over several places: "… trong các trường học …, trong các bệnh viện tuyến tỉnh … đạt trên 50%".
  if (percents.length === 1) {
    const locatives = [...folded.slice(0, percents[0].index).matchAll(LOCATIVE)];
    const joined = locatives.slice(1).every((m) => /^(?:,|\s+va\s)/.test(m[0]));
    if (locatives.length >= 2 && joined) {
      // Each place starts at its "trong"; the comma or "và" before it only joins the list.
      const starts = locatives.map((m) => m.index + (/^(?:,\s*|\s+va\s+|\s)?/.exec(m[0])?.[0].length ?? 0));
      const lastStart = starts[starts.length - 1];
      const tailMatch = /\s(?:tren dia ban|dat\b)/.exec(folded.slice(lastStart));
      const tailAt = tailMatch ? lastStart + tailMatch.index : percents[0].index;
      const head = text.slice(0, locatives[0].index);
      const targets = starts.map((s, i) => {
        const end = i + 1 < locatives.length ? locatives[i + 1].index : tailAt;
        const place = text.slice(s, end).trim();
        const sector = sectorOf(fold(place));
        return make(titleOf([head, place, keepSector(text.slice(tailAt), sector)]), fold(place), percents[0], sentenceDeadline);
      });
      return { targets, problem: null };
    }
  }

  return { targets: percents.map((p) => make(titleOf([text]), folded, p, sentenceDeadline)), problem: null };
}

/** Sentences of a point: "… 2022. Phấn đấu …" holds two. */
export function sentencesOf(doc: Doc, span: Span): Span[] {
  const folded = doc.folded.slice(span.start, span.end);
  const out: Span[] = [];
  let start = 0;
  const re = /[.;]\s+(?=\S)/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const nextChar = doc.text.charAt(span.start + m.index + m[0].length);
    // A new sentence starts with a capital, a digit or a share; "1.1" or "v.v." do not end one.
    if (!/[\p{Lu}\d+-]/u.test(nextChar)) continue;
    out.push({ start: span.start + start, end: span.start + m.index });
    start = m.index + m[0].length;
  }
  out.push({ start: span.start + start, end: span.end });
  return out.map((s) => {
    let { start: a, end: b } = s;
    while (b > a && /[\s.;:]/.test(doc.text[b - 1])) b--;
    while (a < b && /\s/.test(doc.text[a])) a++;
    return { start: a, end: b };
  }).filter((s) => s.end > s.start);
}
