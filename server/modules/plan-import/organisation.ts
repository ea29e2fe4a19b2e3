/**
 * The organisation part ("TỔ CHỨC THỰC HIỆN"): one numbered entry per body, what it leads ("chủ
 * trì … mục 1, mục 3, mục 4, phần III"), what it coordinates ("phối hợp với …"), what it reports to
 * whom and when ("báo cáo Chủ tịch UBND huyện … (qua phòng Văn hóa và Thông tin …)", "báo cáo 6
 * tháng trước ngày 30/6"), and its period.
 */
import { bodyRef, splitBodies, startsBody } from './bodies.js';
import type { Coverage } from './coverage.js';
import { type OutlineNode, pointsOf, walk } from './outline.js';
import { type Doc, clean, trimSpan } from './text.js';
import type {
  BodyRef, ParsedBody, ParsedCoordination, ParsedLead, ParsedReport, ParsedReportDue, ParsedReportPeriod, ParsedTask, SectorValue, Span, TaskScope,
} from './types.js';
import { periodOf } from './vi-dates.js';

const REQUEST = /^de nghi\s+/;
/** Where a heading without a colon stops naming the body and starts saying what it does. */
const DUTY_VERB = /\s(?:chu tri|phoi hop|co trach nhiem|can cu|to chuc|trien khai|chi dao|thuc hien|huong dan|tham muu|xay dung|tang cuong|dam bao|bao dam|theo doi)\b/;
/** Where a list of bodies ends and the work begins. */
const LIST_END = /\s(?:trien khai|to chuc|thuc hien|huong dan|xay dung|tham muu|de|nham|trong|tai|theo doi|cung ung|dam bao|bao dam|tuyen truyen|chi dao|ra soat)\b/;

const PERIODS: Array<[RegExp, ParsedReportPeriod]> = [
  [/^(?:6|06|sau) thang$/, 'SIX_MONTH'],
  [/^(?:hang )?quy$/, 'QUARTERLY'],
  [/^(?:hang )?thang$/, 'MONTHLY'],
  [/^(?:hang )?nam$/, 'ANNUAL'],
];
/** "trước ngày 20/12 hằng năm", "trước ngày 25 hằng tháng": the period after the date. */
const SCHEDULE_AFTER = /(?:truoc|cham nhat)\s+(?:vao\s+)?(?:ngay\s+)?(\d{1,2})(?:\s*\/\s*(\d{1,2}))?\s+(?:cua\s+)?hang\s+(nam|thang|quy)\b/g;
/** "trước ngày 31/5/2024" with no period: one report. */
const SCHEDULE_ONCE = /(?:truoc|cham nhat)\s+(?:vao\s+)?(?:ngay\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g;
const SCHEDULE = /\b((?:6|06|sau) thang|(?:hang )?quy|(?:hang )?thang|(?:hang )?nam)\s*\(?\s*(?:truoc|cham nhat)\s+(?:vao\s+)?(?:ngay\s+)?(\d{1,2})(?:\s*\/\s*(\d{1,2}))?(?:\s*\/\s*(\d{4}))?/g;

/** "mục 1, mục 3, mục 4, phần III", "nhiệm vụ 1, 3, 4 tại mục III", "nhiệm vụ tại mục 6": numbers and part. */
const REF_START = /\b(?:muc|nhiem vu|noi dung)\s+(?:(?:so|tai)\s+)?(?:(?:muc|nhiem vu)\s+)?(?=\d)/;
const REF_NEXT = /\s*(,|;|va|den|-|–)?\s*(?:(?:muc|nhiem vu|noi dung)\s+)?(\d{1,2}(?:\.\d{1,2})*)(?![\d/%]|\.\d)/y;
const REF_PART = /^\s*,?\s*(?:cua\s+|tai\s+|thuoc\s+)?(?:phan|muc)\s+([ivx]+)\b/;

export function readTaskNumbers(folded: string): { numbers: string[]; part: string | null } {
  const start = REF_START.exec(folded);
  if (!start) return { numbers: [], part: null };
  const numbers: string[] = [];
  REF_NEXT.lastIndex = start.index + start[0].length;
  let end = REF_NEXT.lastIndex;
  for (let m = REF_NEXT.exec(folded); m; m = REF_NEXT.exec(folded)) {
    const previous = numbers[numbers.length - 1];
    if ((m[1] === 'den' || m[1] === '-' || m[1] === '–') && previous && /^\d+$/.test(previous) && /^\d+$/.test(m[2])) {
      for (let n = Number(previous) + 1; n <= Number(m[2]); n++) numbers.push(String(n));
    } else numbers.push(m[2]);
    end = REF_NEXT.lastIndex;
  }
  const part = REF_PART.exec(folded.slice(end));
  return { numbers, part: part ? part[1].toUpperCase() : null };
}

const SECTOR_TASKS = /nhiem vu\s+(?:thuoc\s+)?(?:linh vuc|nganh)\s+(y te|giao duc)/;

function scopeOf(doc: Doc, clause: Span, from: number, tasks: ParsedTask[]): TaskScope {
  const folded = doc.folded.slice(from, clause.end);
  const { numbers } = readTaskNumbers(folded);
  const base = { text: doc.value(clause), span: clause };
  if (numbers.length) return { ...base, taskNumbers: numbers, resolvedBy: 'NUMBERS' };
  const sector = SECTOR_TASKS.exec(folded);
  if (sector) {
    const wanted: SectorValue = sector[1] === 'y te' ? 'HEALTH' : 'EDUCATION';
    return { ...base, taskNumbers: tasks.filter((t) => t.sector === wanted).map((t) => t.number), resolvedBy: 'SECTOR' };
  }
  return { ...base, taskNumbers: [], resolvedBy: 'NONE' };
}

/** The bodies listed from `from` up to where the work begins. */
function listFrom(doc: Doc, from: number, clauseEnd: number): BodyRef[] {
  if (!startsBody(doc.folded, from)) return [];
  const stop = LIST_END.exec(doc.folded.slice(from, clauseEnd));
  return splitBodies(doc.text, doc.folded, { start: from, end: stop ? from + stop.index : clauseEnd });
}

function readLead(doc: Doc, clause: Span, tasks: ParsedTask[]): ParsedLead {
  const folded = doc.foldedOf(clause);
  const at = folded.search(/\bchu tri\b/);
  const withMatch = /chu tri\s*(?:,|va)?\s*phoi hop\s+(?:chat che\s+)?voi\s+/.exec(folded);
  const withBodies = withMatch ? listFrom(doc, clause.start + withMatch.index + withMatch[0].length, clause.end) : [];
  return { ...scopeOf(doc, clause, clause.start + at, tasks), with: withBodies };
}

function readCoordination(doc: Doc, clause: Span, tasks: ParsedTask[]): ParsedCoordination {
  const m = /\bphoi hop\s+(?:chat che\s+)?(?:voi\s+)?/.exec(doc.foldedOf(clause))!;
  const from = clause.start + m.index + m[0].length;
  return { ...scopeOf(doc, clause, from, tasks), with: listFrom(doc, from, clause.end) };
}

function readDues(doc: Doc, clause: Span): ParsedReportDue[] {
  const folded = doc.foldedOf(clause);
  if (!/\bbao cao\b/.test(folded)) return [];
  const dues: ParsedReportDue[] = [];
  const taken: Span[] = [];
  const add = (index: number, length: number, due: Omit<ParsedReportDue, 'span'>) => {
    const span = { start: clause.start + index, end: clause.start + index + length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) return;
    taken.push(span);
    dues.push({ ...due, span });
  };
  for (const m of folded.matchAll(SCHEDULE)) {
    const period = PERIODS.find(([re]) => re.test(m[1]))?.[1];
    if (period) add(m.index, m[0].length, { period, day: Number(m[2]), month: m[3] ? Number(m[3]) : null, year: m[4] ? Number(m[4]) : null });
  }
  for (const m of folded.matchAll(SCHEDULE_AFTER)) {
    const period = m[3] === 'nam' ? 'ANNUAL' : m[3] === 'quy' ? 'QUARTERLY' : 'MONTHLY';
    add(m.index, m[0].length, { period, day: Number(m[1]), month: m[2] ? Number(m[2]) : null, year: null });
  }
  for (const m of folded.matchAll(SCHEDULE_ONCE)) {
    add(m.index, m[0].length, { period: 'ONE_OFF', day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) });
  }
  return dues.sort((a, b) => a.span.start - b.span.start);
}

const REPORT_TO = /\bbao cao\s+(?:ve\s+|len\s+|gui\s+)?/g;
/** Where the recipients end: what is reported, a date, a verb, or a comma not followed by another body. */
const RECIPIENTS_END = /\s(?:ket qua|tinh hinh|viec|theo quy dinh|de\s|truoc\s|dinh ky|dong thoi|qua\s|xem xet|giai quyet|chi dao)|[(;.]|,(?!\s*(?:so|phong|bo|uy ban|ubnd|van phong|chu tich)\b)/;

/** "qua <body>": where the word is and where the body starts ("kết quả" is no "qua"). */
function throughAt(doc: Doc, start: number, end: number): { at: number; from: number } | null {
  for (const m of doc.folded.slice(start, end).matchAll(/\bqua\s+/g)) {
    const from = start + m.index + m[0].length;
    if (startsBody(doc.folded, from)) return { at: start + m.index, from };
  }
  return null;
}

/** Where a report's recipients start in a clause (relative offsets), and what the words before them say is reported. */
function recipientsAt(doc: Doc, clause: Span): { verb: number; list: number; reported: string | null } | null {
  const folded = doc.foldedOf(clause);
  for (const m of folded.matchAll(REPORT_TO)) {
    const list = m.index + m[0].length;
    if (startsBody(doc.folded, clause.start + list)) return { verb: m.index, list, reported: null };
  }
  // "báo cáo 6 tháng … kết quả thực hiện về Sở Thông tin và Truyền thông": the recipient after "về",
  // what is reported between the two.
  const first = folded.search(/\bbao cao\b/);
  if (first < 0) return null;
  for (const m of folded.slice(first).matchAll(/\b(?:ve|len|gui)\s+/g)) {
    const verb = first + m.index;
    if (!startsBody(doc.folded, clause.start + verb + m[0].length)) continue;
    const what = /\b(?:ket qua|tinh hinh|viec)\b/.exec(folded.slice(first, verb));
    const reported = what ? clean(doc.text.slice(clause.start + first + what.index, clause.start + verb)) || null : null;
    return { verb, list: verb + m[0].length, reported };
  }
  return null;
}

/** "tổng hợp, báo cáo Chủ tịch UBND huyện kết quả … (qua phòng Văn hóa và thông tin để tổng hợp)". */
function readReport(doc: Doc, clause: Span): ParsedReport | null {
  const to = recipientsAt(doc, clause);
  if (!to) return null;
  const folded = doc.foldedOf(clause);
  const listStart = clause.start + to.list;
  const end = RECIPIENTS_END.exec(doc.folded.slice(listStart, clause.end));
  const listEnd = end ? listStart + end.index : clause.end;
  const recipients = splitBodies(doc.text, doc.folded, { start: listStart, end: listEnd });

  const aggregate = /\btong hop bao cao\s+/.exec(folded);
  let subject = to.reported;
  if (aggregate && aggregate.index < to.verb) {
    subject = clean(doc.text.slice(clause.start + aggregate.index + aggregate[0].length, clause.start + to.verb)).replace(/[,;]$/, '') || null;
  } else if (!subject) {
    const after = doc.folded.slice(listEnd, clause.end);
    if (/^\s*(?:ket qua|tinh hinh|viec)\b/.test(after)) {
      const stop = /\(|\s(?:theo quy dinh|truoc\s)|[;.]/.exec(after);
      const via = throughAt(doc, listEnd, clause.end);
      const subjectEnd = Math.min(stop ? listEnd + stop.index : clause.end, via ? via.at : clause.end);
      subject = clean(doc.text.slice(listEnd, subjectEnd)) || null;
    }
  }

  let through: BodyRef | null = null;
  const via = throughAt(doc, clause.start, clause.end);
  if (via) {
    const stop = /\s+de\s+tong hop|\)|[,;.]/.exec(doc.folded.slice(via.from, clause.end));
    const span = trimSpan(doc.text, { start: via.from, end: stop ? via.from + stop.index : clause.end }, '.,;)');
    through = bodyRef(doc.value(span), span);
  }
  return { recipients, through, subject, aggregates: !!aggregate, schedule: [], span: clause };
}

/** Clauses of a stretch of text: sentences, and the parts of a sentence a semicolon separates. */
function clausesOf(doc: Doc, span: Span): Span[] {
  const folded = doc.foldedOf(span);
  const out: Span[] = [];
  let start = 0;
  const re = /;\s*|\.\s+(?=\S)/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m[0].startsWith('.') && !/[\p{Lu}\d(-]/u.test(doc.text.charAt(span.start + m.index + m[0].length))) continue;
    out.push({ start: span.start + start, end: span.start + m.index });
    start = m.index + m[0].length;
  }
  out.push({ start: span.start + start, end: span.end });
  return out.map((s) => trimSpan(doc.text, s, '.;')).filter((s) => s.end > s.start);
}

/** The body an entry's heading names, and where its duties start on the heading. */
function readEntryName(doc: Doc, content: Span): { name: Span; requested: boolean; rest: Span | null } | null {
  const folded = doc.foldedOf(content);
  const request = REQUEST.exec(folded);
  const nameStart = content.start + (request ? request[0].length : 0);
  if (!request && !startsBody(doc.folded, nameStart)) return null;
  const text = doc.text.slice(nameStart, content.end);
  const colon = text.indexOf(':');
  const verb = DUTY_VERB.exec(doc.folded.slice(nameStart, content.end));
  const cut = colon >= 0 ? colon : verb ? verb.index : text.length;
  const name = trimSpan(doc.text, { start: nameStart, end: nameStart + cut }, '.,:;');
  if (name.end <= name.start) return null;
  const restStart = nameStart + cut + (colon >= 0 ? 1 : 0);
  const rest = trimSpan(doc.text, { start: restStart, end: content.end });
  return { name, requested: !!request, rest: rest.end > rest.start ? rest : null };
}

function readEntry(doc: Doc, node: OutlineNode, ordinal: string, tasks: ParsedTask[], cov: Coverage): ParsedBody | null {
  const heading = readEntryName(doc, node.block.content);
  if (!heading) return null;
  const segments: Span[] = [];
  if (heading.rest) segments.push(heading.rest);
  for (const child of walk(node.children)) segments.push(child.block.content);

  const body: ParsedBody = {
    ordinal,
    ref: bodyRef(doc.value(heading.name), heading.name),
    requested: heading.requested,
    leads: [],
    coordinates: [],
    reports: [],
    period: null,
    duties: [heading.rest ? doc.value(heading.rest) : null, ...pointsOf(doc, node.children)].filter(Boolean).join('\n'),
    span: node.span,
  };
  const dues: ParsedReportDue[] = [];
  for (const clause of segments.flatMap((s) => clausesOf(doc, s))) {
    const folded = doc.foldedOf(clause);
    const period = /^-?\s*thoi gian thuc hien\s*:?\s*/.exec(folded);
    if (period) {
      const found = periodOf(folded.slice(period[0].length));
      if (found) body.period = { ...found, span: clause };
      continue;
    }
    if (/\bchu tri\b/.test(folded)) body.leads.push(readLead(doc, clause, tasks));
    else if (/\bphoi hop\b/.test(folded)) body.coordinates.push(readCoordination(doc, clause, tasks));
    const report = readReport(doc, clause);
    const clauseDues = readDues(doc, clause);
    if (report) {
      report.schedule = clauseDues;
      body.reports.push(report);
    } else dues.push(...clauseDues);
  }
  // "Thời gian báo cáo: …" on its own line sets the dates of the entry's reports that have none.
  for (const report of body.reports) if (!report.schedule.length) report.schedule = dues;
  if (dues.length && !body.reports.length) {
    for (const due of dues) cov.leave(due.span, 'Hạn báo cáo không nói báo cáo gửi ai.');
  }
  cov.cover(node.span);
  return body;
}

/** The entries of the organisation part; a group heading ("Các sở, ngành:") with bodies under it is read through. */
export function readOrganisation(doc: Doc, nodes: OutlineNode[], tasks: ParsedTask[], cov: Coverage, prefix = ''): ParsedBody[] {
  const bodies: ParsedBody[] = [];
  for (const node of nodes) {
    const { marker } = node.block;
    const ordinal = prefix ? `${prefix}.${marker.label}` : marker.label;
    const isEntry = marker.kind === 'NUM' || (prefix && marker.kind === 'ALPHA');
    const body = isEntry ? readEntry(doc, node, ordinal, tasks, cov) : null;
    if (body) {
      bodies.push(body);
      continue;
    }
    const nested = isEntry && node.children.some((c) => c.block.marker.kind === 'ALPHA' || c.block.marker.kind === 'NUM');
    if (nested) {
      cov.cover(node.block.span);
      bodies.push(...readOrganisation(doc, node.children, tasks, cov, ordinal));
      continue;
    }
    cov.leave(node.span, isEntry
      ? 'Mục trong phần tổ chức thực hiện không nêu cơ quan, đơn vị nào.'
      : 'Đoạn chung của phần tổ chức thực hiện, không gắn với cơ quan, đơn vị nào.');
  }
  return bodies;
}
