/**
 * The bases of a plan ("Căn cứ …", "Thực hiện …") and the documents they cite. The plan a "Thực
 * hiện Kế hoạch số …" names is the parent plan: the district plan carries out the province's.
 */
import { bodyKey, issuingBodyName, properName } from './bodies.js';
import type { Coverage } from './coverage.js';
import type { Block } from './outline.js';
import { type Doc, clean, trimSpan } from './text.js';
import type { DocumentRef, ParsedBasis, Span } from './types.js';
import { firstDate } from './vi-dates.js';

const DOCUMENT_TYPES: Array<[RegExp, string]> = [
  [/^ke hoach\b/, 'Kế hoạch'],
  [/^quyet dinh\b/, 'Quyết định'],
  [/^nghi quyet\b/, 'Nghị quyết'],
  [/^nghi dinh\b/, 'Nghị định'],
  [/^thong tu\b/, 'Thông tư'],
  [/^chi thi\b/, 'Chỉ thị'],
  [/^cong van\b/, 'Công văn'],
  [/^van ban\b/, 'Văn bản'],
  [/^bo luat\b/, 'Bộ luật'],
  [/^luat\b/, 'Luật'],
  [/^chuong trinh\b/, 'Chương trình'],
  [/^de an\b/, 'Đề án'],
  [/^huong dan\b/, 'Hướng dẫn'],
  [/^thong bao\b/, 'Thông báo'],
];

const NUMBER = /\bso\s+(\d+(?:\/\d{4})?\/[a-z0-9][a-z0-9.-]*(?:\/[a-z0-9.-]+)*)/;
const ISSUER = /\bcua\s+(.+?)(?=\s+ve\s|\s+ve\s+viec\s|\s*[,;]|\s+(?:trien khai|ban hanh|quy dinh|phe duyet|huong dan)\s|$)/;
const SUBJECT = /\s(?:ve\s+viec|ve)\s+(.+)$/;
const LOCALITY_ONLY = /(?:^|\s)(tỉnh|huyện|xã|thành phố)$/u;

/**
 * A cited document from the text after "Căn cứ"/"Thực hiện" (or an appendix line):
 * "Kế hoạch số 97/KH-UBND, ngày 04/4/2022 của Chủ tịch UBND tỉnh về hỗ trợ, …".
 */
export function readDocumentRef(doc: Doc, span: Span): DocumentRef | null {
  const folded = doc.folded.slice(span.start, span.end);
  const type = DOCUMENT_TYPES.find(([re]) => re.test(folded));
  if (!type) return null;
  const at = (i: number) => span.start + i;
  const number = NUMBER.exec(folded);
  const afterNumber = number ? number.index + number[0].length : type[1].length;
  const date = firstDate(folded.slice(afterNumber));
  const afterDate = date ? afterNumber + date.index + date.length : afterNumber;
  const issuerMatch = ISSUER.exec(folded.slice(afterDate));
  let issuer: DocumentRef['issuer'] = null;
  let afterIssuer = afterDate;
  if (issuerMatch) {
    const s = at(afterDate + issuerMatch.index + issuerMatch[0].length - issuerMatch[1].length);
    const asWritten = clean(doc.text.slice(s, s + issuerMatch[1].length));
    issuer = { asWritten, name: issuingBodyName(asWritten), localityInferred: false };
    afterIssuer = afterDate + issuerMatch.index + issuerMatch[0].length;
  }
  const subject = SUBJECT.exec(folded.slice(afterIssuer));
  let title: string | null = null;
  if (subject) {
    const s = at(afterIssuer + subject.index + subject[0].length - subject[1].length);
    title = `${type[1]} ${clean(doc.text.slice(s, span.end)).replace(/[.;,]+$/, '')}`;
  }
  // "của Chủ tịch UBND tỉnh về … tỉnh Thanh Hóa": the issuer's locality is the one its own title names.
  const bare = issuer && LOCALITY_ONLY.exec(issuer.name);
  if (issuer && bare && title) {
    const named = new RegExp(`${bare[1]}\\s+((?:\\p{Lu}\\p{Ll}*)(?:\\s+\\p{Lu}\\p{Ll}*){0,2})`, 'u').exec(title);
    if (named) issuer = { ...issuer, name: `${issuer.name} ${properName(named[1])}`, localityInferred: true };
  }
  return {
    type: type[1],
    number: number ? doc.text.slice(at(number.index + number[0].length - number[1].length), at(number.index + number[0].length)) : null,
    date: date?.date ?? null,
    issuer,
    title,
    span,
  };
}

const BASIS = /^(can cu|thuc hien)\s+/;
const ENACTING = /\b(?:ban hanh|xay dung)\s+(?:ke hoach|chuong trinh)\b|\bnhu sau\s*:?\s*$/;
/** Where an enacting clause starts inside a basis paragraph: "…; UBND huyện ban hành Kế hoạch …". */
const ENACTING_SUBJECT = /[;,.]\s+((?:uy ban nhan dan|ubnd|so|phong|ban)\s[^;]*?\b(?:ban hanh|xay dung)\s+(?:ke hoach|chuong trinh)\b)/;

/**
 * The paragraphs between the title and part I: bases, the enacting clause, anything else unplaced.
 * Several bases in one paragraph ("Căn cứ …; Căn cứ …") are split.
 */
export function readBases(doc: Doc, blocks: Block[], cov: Coverage): { bases: ParsedBasis[]; enacting: { text: string; span: Span } | null } {
  const bases: ParsedBasis[] = [];
  let enacting: { text: string; span: Span } | null = null;
  for (const block of blocks) {
    let span = block.span;
    const folded = () => doc.folded.slice(span.start, span.end);
    if (BASIS.test(folded())) {
      const split = ENACTING_SUBJECT.exec(folded());
      if (split) {
        const enactStart = span.start + split.index + split[0].length - split[1].length;
        const enactSpan = trimSpan(doc.text, { start: enactStart, end: span.end });
        enacting = { text: doc.value(enactSpan), span: enactSpan };
        cov.cover(enactSpan);
        span = trimSpan(doc.text, { start: span.start, end: span.start + split.index }, ';,.');
      }
      for (const part of splitBases(doc, span)) {
        const f = doc.folded.slice(part.start, part.end);
        const kind = /^thuc hien/.test(f) ? 'THUC_HIEN' : 'CAN_CU';
        const refStart = part.start + (BASIS.exec(f)?.[0].length ?? 0);
        bases.push({ kind, text: doc.value(part), source: 'BODY', document: readDocumentRef(doc, trimSpan(doc.text, { start: refStart, end: part.end }, ';,.')), span: part });
        cov.cover(part);
      }
      continue;
    }
    if (ENACTING.test(folded()) && !enacting) {
      enacting = { text: doc.value(span), span };
      cov.cover(span);
      continue;
    }
    cov.leave(span, 'Đoạn mở đầu không phải căn cứ ("Căn cứ …", "Thực hiện …") hay lời ban hành.');
  }
  return { bases, enacting };
}

/** "Căn cứ A; Căn cứ B" and "Căn cứ A; B;" lists: one span per basis. */
function splitBases(doc: Doc, span: Span): Span[] {
  const folded = doc.folded.slice(span.start, span.end);
  const cuts = [0];
  const re = /;\s+(?=can cu\b|thuc hien\b)/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) cuts.push(m.index + m[0].length);
  return cuts.map((c, i) => trimSpan(doc.text, { start: span.start + c, end: i + 1 < cuts.length ? span.start + cuts[i + 1] : span.end }, ';,'));
}

/**
 * The plan this one carries out: one issued by the issuer's superior body (a district office's plan
 * carries out the district's), else one a "Thực hiện" basis cites, else the first plan cited.
 */
export function parentPlanOf(bases: ParsedBasis[], superiorKey: string | null): DocumentRef | null {
  const plans = bases.filter((b) => b.document?.type === 'Kế hoạch' && b.document.number);
  const bySuperior = superiorKey ? plans.find((b) => b.document?.issuer && bodyKey(b.document.issuer.name) === superiorKey) : undefined;
  return (bySuperior ?? plans.find((b) => b.kind === 'THUC_HIEN') ?? plans[0])?.document ?? null;
}
