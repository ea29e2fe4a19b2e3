/**
 * The end of the document: the closing paragraph ("Trên đây là Kế hoạch …"), the recipients ("Nơi
 * nhận:"), the filing note ("Lưu: VT, …"), the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and
 * the signer's name) and appendices. The recipients and the signature stand side by side on paper,
 * so a text copy may give them in either order or interleaved on the same lines.
 */
import { bodyNameCase } from './bodies.js';
import { readDocumentRef } from './bases.js';
import type { Coverage } from './coverage.js';
import { buildBlocks, buildOutline } from './outline.js';
import { type Doc, type Line, clean, isUpperCase, trimSpan } from './text.js';
import type { ParsedBasis, ParsedRecipient, ParsedSigner, Span } from './types.js';

const AUTHORITY = /^(tm|kt|tl|tuq|q)\.\s*/;
const OFFICE_TITLE = /^(?:pho\s+)?(?:chu tich|giam doc|truong phong|truong ban|chanh van phong|bi thu|thu truong|bo truong|chu nhiem|hieu truong|truong)$/;
/** An uppercase signature line at the end of a recipients line: "- Như trên; PHÓ CHỦ TỊCH". */
const TRAILING_TITLE = /\s((?:(?:tm|kt|tl|tuq|q)\.\s*)?(?:pho\s+)?(?:chu tich|giam doc|truong phong|chanh van phong))$/;
const SIGNED_MARK = /^\(?\s*(?:da ky|ky|ky ten|ky, ghi ro ho ten|ky ten, dong dau|da ky va dong dau)[^)]*\)?$/;
const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;
const RECIPIENTS = /^noi nhan\s*:?\s*/;
/** The closing paragraphs: "Trên đây là Kế hoạch …", "Trong quá trình thực hiện, nếu có khó khăn …". */
export const CLOSING = /^(?:tren day la|trong qua trinh(?:\s+to chuc)?\s+(?:trien khai|thuc hien))\b/;
const FILING = /^-?\s*luu\s*:?\s*/;

/** "KT. CHỦ TỊCH" → "KT. Chủ tịch"; "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân". */
export function signerTitleCase(upper: string): string {
  const authority = /^(TM|KT|TL|TUQ|Q)\.\s*/.exec(upper);
  const rest = authority ? upper.slice(authority[0].length) : upper;
  const lower = rest.toLocaleLowerCase('vi-VN').replace(/\s+/g, ' ').trim();
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);
  let cased: string;
  if (/^(ủy|uỷ) ban|^hội đồng|^ubnd/.test(lower)) cased = bodyNameCase(rest);
  else if (lower.startsWith('phó ')) cased = `Phó ${cap(lower.slice(4))}`;
  else cased = cap(lower);
  return authority ? `${authority[1]}. ${cased}` : cased;
}

export interface Tail {
  closing: { text: string; span: Span } | null;
  recipients: ParsedRecipient[];
  filing: { text: string; span: Span } | null;
  signer: ParsedSigner | null;
}

/** Reads the lines from the closing paragraph to the end (appendices excluded). */
export function readTail(doc: Doc, lines: Line[], cov: Coverage): Tail {
  const tail: Tail = { closing: null, recipients: [], filing: null, signer: null };
  let i = 0;
  const closing: Span[] = [];
  for (const block of buildBlocks(lines)) {
    if (block.marker.kind !== 'NONE' || !CLOSING.test(doc.foldedOf(block.span))) break;
    closing.push(block.span);
    i += block.lines.length;
  }
  if (closing.length) {
    const span = { start: closing[0].start, end: closing[closing.length - 1].end };
    tail.closing = { text: closing.map((s) => doc.value(s)).join('\n'), span };
    cov.cover(span);
  }
  const titles: Array<{ text: string; span: Span }> = [];
  let name: { text: string; span: Span } | null = null;
  let inRecipients = false;

  const readPiece = (span: Span) => {
    let piece = trimSpan(doc.text, span);
    if (piece.end <= piece.start) return;
    if (/^[\s\-_=*.·–—]+$/.test(doc.text.slice(piece.start, piece.end))) {
      cov.cover(piece);
      return;
    }
    let folded = doc.foldedOf(piece);
    const text = () => doc.text.slice(piece.start, piece.end);
    const heading = RECIPIENTS.exec(folded);
    if (heading) {
      inRecipients = true;
      cov.cover({ start: piece.start, end: piece.start + heading[0].length });
      readPiece({ start: piece.start + heading[0].length, end: piece.end });
      return;
    }
    if (AUTHORITY.test(folded) || (isUpperCase(text()) && OFFICE_TITLE.test(folded.trim()))) {
      titles.push({ text: clean(text()), span: piece });
      cov.cover(piece);
      return;
    }
    if (/^\(?\s*(?:da ky|ky)\b/.test(folded) && SIGNED_MARK.test(folded)) {
      cov.cover(piece);
      return;
    }
    const trailing = TRAILING_TITLE.exec(folded);
    if (trailing && isUpperCase(doc.text.slice(piece.end - trailing[1].length, piece.end))) {
      readPiece({ start: piece.end - trailing[1].length, end: piece.end });
      piece = trimSpan(doc.text, { start: piece.start, end: piece.end - trailing[1].length });
      folded = doc.foldedOf(piece);
    }
    const filing = FILING.exec(folded);
    if (filing) {
      const span = trimSpan(doc.text, { start: piece.start + filing[0].length, end: piece.end }, '.;');
      tail.filing = { text: doc.value(span), span: piece };
      cov.cover(piece);
      return;
    }
    if (/^[-–—+•]/.test(text()) && (inRecipients || !titles.length)) {
      const item = trimSpan(doc.text, { start: piece.start + 1, end: piece.end }, ';:,.');
      const raw = doc.text.slice(item.start, item.end);
      const note = /\(([^)]*)\)\s*$/.exec(raw);
      tail.recipients.push({
        name: clean(note ? raw.slice(0, note.index) : raw),
        note: note ? clean(note[1]) : null,
        span: piece,
      });
      inRecipients = true;
      cov.cover(piece);
      return;
    }
    if (PERSON.test(clean(text())) && titles.length) {
      name = { text: clean(text()), span: piece };
      cov.cover(piece);
      return;
    }
    cov.leave(piece, 'Dòng cuối văn bản không nhận ra (không phải nơi nhận, chức vụ hay tên người ký).');
  };

  for (const line of lines.slice(i)) readPiece({ start: line.start, end: line.end });

  if (titles.length) {
    const signedName = name as { text: string; span: Span } | null;
    const first = titles[0].span.start;
    const last = signedName ? signedName.span.end : titles[titles.length - 1].span.end;
    tail.signer = {
      title: titles.map((t) => signerTitleCase(t.text)).join(' — '),
      name: signedName?.text ?? null,
      span: { start: first, end: last },
      nameSpan: signedName?.span ?? null,
    };
  }
  return tail;
}

const APPENDIX_NOTE = /^\((?:ban hanh )?kem theo\b/;

/**
 * An appendix after the signature. One listing the plan's bases ("CÁC VĂN BẢN CĂN CỨ") gives
 * bases; any other appendix is left to the reviewer.
 */
export function readAppendix(doc: Doc, lines: Line[], cov: Coverage): ParsedBasis[] {
  const headings: Line[] = [];
  let k = 0;
  for (; k < lines.length; k++) {
    const folded = doc.folded.slice(lines[k].start, lines[k].end);
    if (isUpperCase(lines[k].text) || APPENDIX_NOTE.test(folded)) headings.push(lines[k]);
    else break;
  }
  for (const h of headings) cov.cover(h);
  const title = headings.map((h) => doc.folded.slice(h.start, h.end)).join(' ');
  const body = lines.slice(k);
  if (!/can cu|van ban/.test(title)) {
    if (body.length) cov.leave({ start: body[0].start, end: body[body.length - 1].end }, 'Phụ lục chưa được đọc: chỉ phụ lục liệt kê văn bản căn cứ được nhận ra.');
    return [];
  }
  const bases: ParsedBasis[] = [];
  for (const node of buildOutline(buildBlocks(body))) {
    const content = trimSpan(doc.text, node.block.content, ';,.');
    const folded = doc.foldedOf(content);
    const lead = /^(can cu|thuc hien)\s+/.exec(folded);
    const refSpan = lead ? { start: content.start + lead[0].length, end: content.end } : content;
    const document = readDocumentRef(doc, refSpan);
    if (!document) {
      cov.leave(node.span, 'Dòng phụ lục không nêu được văn bản căn cứ.');
      continue;
    }
    bases.push({ kind: lead?.[1] === 'thuc hien' ? 'THUC_HIEN' : 'CAN_CU', text: doc.value(content), source: 'APPENDIX', document, span: node.span });
    cov.cover(node.span);
  }
  return bases;
}
