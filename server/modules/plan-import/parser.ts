/**
 * Plan text → ParsedPlan, by rules that follow the layout Decree 30/2020/NĐ-CP gives plans: heading,
 * "KẾ HOẠCH" and its summary, bases, parts I, II, III … (aims, targets, tasks, funding, organisation),
 * closing, recipients and signature. Each reader takes its zone; what none of them could place is
 * returned in `unplaced` with the reason, for the reviewer.
 */
import { parentPlanOf, readBases } from './bases.js';
import { CLOSING, readAppendix, readTail } from './closing.js';
import { Coverage } from './coverage.js';
import { emptyDocument, notAPlan } from './errors.js';
import { findDocumentKind, readHeader, readTitle } from './header.js';
import { readOrganisation } from './organisation.js';
import { type OutlineNode, buildBlocks, buildOutline, contentOf, pointsOf, walk } from './outline.js';
import { readTargetSentence, sentencesOf } from './targets.js';
import { readTasks } from './tasks.js';
import { Doc, type Line, isUpperCase, normaliseText, trimSpan } from './text.js';
import type { ParsedAim, ParsedPart, ParsedPlan, ParsedTarget, ParsedTask, Span } from './types.js';
import { deadlinePhrases, periodOf } from './vi-dates.js';

const SEPARATOR = /^[\s\-_=*.·–—]+$/;

function partKind(folded: string): ParsedPart['kind'] {
  if (/muc dich|yeu cau/.test(folded)) return 'AIMS';
  if (/muc tieu/.test(folded)) return 'TARGETS';
  if (/nhiem vu|giai phap/.test(folded)) return 'TASKS';
  if (/kinh phi|nguon luc|nguon von/.test(folded)) return 'FUNDING';
  if (/to chuc thuc hien|trach nhiem|phan cong/.test(folded)) return 'ORGANISATION';
  return 'OTHER';
}

/** Why a document is not a plan, in words an officer understands. */
function refusal(doc: Doc): { message: string; documentType: string | null } {
  const kind = findDocumentKind(doc);
  if (kind) {
    const attached = doc.lines.some((l) => l.index > kind.line.index && isUpperCase(l.text) && /^ke hoach$/.test(doc.folded.slice(l.start, l.end).trim()));
    return {
      message:
        `Văn bản là ${kind.kind.toLocaleLowerCase('vi-VN')}, không phải kế hoạch: chỉ nhập được văn bản có tên loại "KẾ HOẠCH".` +
        (attached ? ' Kế hoạch ban hành kèm theo văn bản này thì hãy tải riêng phần Kế hoạch.' : ''),
      documentType: kind.kind,
    };
  }
  if (doc.lines.slice(0, 15).some((l) => /^v\/v\b/.test(doc.folded.slice(l.start, l.end)))) {
    return { message: 'Văn bản là công văn (có dòng "V/v …"), không phải kế hoạch: chỉ nhập được văn bản có tên loại "KẾ HOẠCH".', documentType: 'Công văn' };
  }
  return {
    message:
      'Không thấy tên loại văn bản "KẾ HOẠCH" ở phần đầu: văn bản không trình bày theo thể thức kế hoạch ' +
      '(Nghị định 30/2020/NĐ-CP), có thể là bài báo hoặc tài liệu khác.',
    documentType: null,
  };
}

/** Where the end matter starts: the closing paragraph, the recipients or the signature. */
function tailStart(doc: Doc, lines: Line[]): number {
  const firstPart = lines.findIndex((l) => /^[IVX]+\s*\./.test(l.text));
  const at = lines.findIndex((l, i) => {
    if (i <= firstPart) return false;
    const folded = doc.folded.slice(l.start, l.end);
    return /^tren day la\b|^noi nhan\b/.test(folded) || (/^(tm|kt|tl|tuq)\.\s/.test(folded) && isUpperCase(l.text));
  });
  return at < 0 ? lines.length : at;
}

/** "Thời gian thực hiện: Năm 2022" wherever the plan states it; else a period named in the title. */
function planPeriod(doc: Doc, titleSpan: Span | null): ParsedPlan['period'] {
  const re = /thoi gian thuc hien\s*:?\s*/g;
  for (let m = re.exec(doc.folded); m; m = re.exec(doc.folded)) {
    const from = m.index + m[0].length;
    const window = doc.folded.slice(from, from + 60).split(/[.;]/)[0];
    const found = periodOf(window);
    if (found) return { ...found, span: { start: m.index, end: from + window.length } };
  }
  if (titleSpan) {
    const found = periodOf(doc.foldedOf(titleSpan));
    if (found) return { ...found, span: titleSpan };
  }
  return null;
}

interface TargetState {
  targets: ParsedTarget[];
  general: Array<{ text: string; span: Span }>;
  statement: number;
}

/** Targets part (or a "Mục tiêu" section): general objectives, and the measurable targets under "Mục tiêu cụ thể". */
function readTargetNodes(doc: Doc, nodes: OutlineNode[], deadline: string | null, planEnd: string | null, cov: Coverage, state: TargetState) {
  for (const node of nodes) {
    const content = node.block.content;
    const folded = doc.foldedOf(content);
    if (/^muc tieu chung\b/.test(folded)) {
      const rest = folded.indexOf(':');
      if (rest >= 0 && rest + 1 < folded.trimEnd().length) {
        const span = trimSpan(doc.text, { start: content.start + rest + 1, end: content.end });
        state.general.push({ text: doc.value(span), span });
      }
      for (const child of walk(node.children)) state.general.push({ text: contentOf(doc, child), span: child.block.content });
      cov.cover(node.span);
      continue;
    }
    const own = deadlinePhrases(folded).find((d) => d.strong)?.date ?? null;
    const heading = /^muc tieu\b/.exec(folded);
    let statementSpan: Span | null = content;
    if (heading) {
      const colon = folded.indexOf(':');
      statementSpan = colon >= 0 ? trimSpan(doc.text, { start: content.start + colon + 1, end: content.end }) : null;
      cov.cover(node.block.span);
    }
    if (statementSpan && statementSpan.end > statementSpan.start) {
      const hasShare = /\d\s*%/.test(doc.foldedOf(statementSpan));
      if (hasShare) {
        for (const sentence of sentencesOf(doc, statementSpan)) {
          if (!/\d\s*%/.test(doc.foldedOf(sentence))) {
            cov.leave(sentence, 'Câu trong mục tiêu không nêu tỷ lệ (%).');
            continue;
          }
          const reading = readTargetSentence(doc, sentence, { headingDeadline: deadline, planEnd }, state.statement);
          if (reading.targets.length) {
            state.targets.push(...reading.targets);
            state.statement++;
            cov.cover(sentence);
          } else cov.leave(sentence, reading.problem ?? 'Không đọc được mục tiêu.');
        }
        cov.cover(node.block.span);
      } else if (node.children.length || heading) {
        // "- Đến hết năm 2022:" introduces the targets under it.
        cov.cover(node.block.span);
      } else cov.leave(node.block.span, 'Mục tiêu không nêu tỷ lệ (%): chưa đo được, cần nhập tay nếu muốn theo dõi.');
    }
    readTargetNodes(doc, node.children, own ?? deadline, planEnd, cov, state);
  }
}

function readAims(doc: Doc, nodes: OutlineNode[], planEnd: string | null, cov: Coverage, aims: ParsedAim[], state: TargetState) {
  for (const node of nodes) {
    const folded = doc.foldedOf(node.block.content);
    if (node.block.marker.kind === 'NUM' && /^muc tieu\b/.test(folded)) {
      readTargetNodes(doc, [node], null, planEnd, cov, state);
      continue;
    }
    const kind: ParsedAim['kind'] = /^muc dich\b/.test(folded) ? 'PURPOSE' : /^yeu cau\b/.test(folded) ? 'REQUIREMENT' : 'OTHER';
    if (node.block.marker.kind === 'NUM' && kind !== 'OTHER') {
      const colon = folded.indexOf(':');
      if (colon >= 0 && colon + 1 < folded.trimEnd().length) {
        const span = trimSpan(doc.text, { start: node.block.content.start + colon + 1, end: node.block.content.end });
        aims.push({ kind, text: doc.value(span), span });
      }
      for (const child of node.children) aims.push({ kind, text: pointsOf(doc, [child]).join('\n').replace(/^[-+] /, ''), span: child.span });
      cov.cover(node.span);
      continue;
    }
    aims.push({ kind: 'OTHER', text: pointsOf(doc, [node]).join('\n').replace(/^[-+] /, ''), span: node.span });
    cov.cover(node.span);
  }
}

/** Reads a plan from its text (any form: it is normalised first). Refuses documents that are not plans. */
export function parsePlan(input: string): ParsedPlan {
  const text = normaliseText(input);
  if (!text) throw emptyDocument();
  const doc = new Doc(text);
  const kind = findDocumentKind(doc);
  if (!kind || kind.kind !== 'Kế hoạch') {
    const { message, documentType } = refusal(doc);
    throw notAPlan(message, documentType);
  }
  const cov = new Coverage(doc);
  const header = readHeader(doc, doc.lines.slice(0, kind.line.index), cov);
  const { title, next } = readTitle(doc, kind, cov);

  const rest = doc.lines.slice(next);
  const appendixAt = rest.findIndex((l) => /^phu luc\b/.test(doc.folded.slice(l.start, l.end)) && isUpperCase(l.text.slice(0, 7)));
  const main = appendixAt >= 0 ? rest.slice(0, appendixAt) : rest;
  const tailAt = tailStart(doc, main);
  const bodyLines = main.slice(0, tailAt).filter((l) => {
    if (!SEPARATOR.test(l.text)) return true;
    cov.cover(l);
    return false;
  });

  const blocks = buildBlocks(bodyLines);
  // "Trong quá trình thực hiện, nếu có khó khăn …" after the last part closes the plan with "Trên đây là …".
  let tailLines = main.slice(tailAt);
  while (blocks.length > 1 && blocks[blocks.length - 1].marker.kind === 'NONE' && CLOSING.test(doc.foldedOf(blocks[blocks.length - 1].span))) {
    const closing = blocks.pop()!;
    tailLines = main.slice(main.indexOf(closing.lines[0]));
  }
  const firstPart = blocks.findIndex((b) => b.marker.kind === 'ROMAN');
  const { bases, enacting } = readBases(doc, firstPart < 0 ? blocks : blocks.slice(0, firstPart), cov);
  const outline = firstPart < 0 ? [] : buildOutline(blocks.slice(firstPart));
  const period = planPeriod(doc, title?.span ?? null);

  const parts: ParsedPart[] = outline.map((node) => {
    cov.cover(node.block.span);
    return { numeral: node.block.marker.label, heading: contentOf(doc, node), kind: partKind(doc.foldedOf(node.block.content)), span: node.span };
  });
  // Tasks first: the organisation part refers to them by number or by sector.
  const tasks: ParsedTask[] = [];
  outline.forEach((node, i) => {
    if (parts[i].kind === 'TASKS') tasks.push(...readTasks(doc, node.children, cov));
  });

  const aims: ParsedAim[] = [];
  const targetState: TargetState = { targets: [], general: [], statement: 0 };
  let funding: ParsedPlan['funding'] = null;
  const bodies: ParsedPlan['bodies'] = [];
  outline.forEach((node, i) => {
    const part = parts[i];
    const partDeadline = deadlinePhrases(doc.foldedOf(node.block.content)).find((d) => d.strong)?.date ?? null;
    switch (part.kind) {
      case 'AIMS':
        readAims(doc, node.children, period?.end ?? null, cov, aims, targetState);
        break;
      case 'TARGETS':
        readTargetNodes(doc, node.children, partDeadline, period?.end ?? null, cov, targetState);
        break;
      case 'TASKS':
        break;
      case 'FUNDING': {
        if (node.children.length) {
          const span = { start: node.children[0].span.start, end: node.span.end };
          funding = { text: pointsOf(doc, node.children).join('\n'), span };
          cov.cover(span);
        }
        break;
      }
      case 'ORGANISATION':
        bodies.push(...readOrganisation(doc, node.children, tasks, cov));
        break;
      default:
        cov.leave(node.span, `Phần ${part.numeral} (${part.heading}) chưa được đọc: không phải mục đích, mục tiêu, nhiệm vụ, kinh phí hay tổ chức thực hiện.`);
    }
  });

  const tail = readTail(doc, tailLines, cov);
  const appendixBases = appendixAt >= 0 ? readAppendix(doc, rest.slice(appendixAt), cov) : [];
  const allBases = [...bases, ...appendixBases];

  return {
    text,
    header,
    title,
    bases: allBases,
    parentPlan: parentPlanOf(allBases, header.superior?.key ?? null),
    enactingClause: enacting,
    parts,
    aims,
    period,
    generalObjectives: targetState.general,
    targets: targetState.targets,
    tasks,
    funding,
    bodies,
    closing: tail.closing,
    recipients: tail.recipients,
    filing: tail.filing,
    signer: tail.signer,
    unplaced: cov.finish('Không thuộc phần nào của kế hoạch mà quy tắc đọc được.'),
  };
}
