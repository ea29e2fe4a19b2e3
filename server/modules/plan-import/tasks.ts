/**
 * The tasks part: each numbered item is a task ("1.", "1.1."), nested as numbered; its heading up to
 * the colon is the title, and the points under it (sub-tasks excluded) its description.
 */
import type { Coverage } from './coverage.js';
import { type OutlineNode, pointsOf } from './outline.js';
import { sectorOf } from './targets.js';
import { type Doc, clean, trimSpan } from './text.js';
import type { ParsedTask, Span } from './types.js';

const isTask = (node: OutlineNode) => node.block.marker.kind === 'NUM';

/** Title and the text that follows it on the heading: up to a colon, else up to the first sentence's end. */
function splitHeading(doc: Doc, content: Span): { title: Span; rest: string | null } {
  const text = doc.text.slice(content.start, content.end);
  const colon = text.indexOf(':');
  let cut = colon >= 0 ? colon : -1;
  if (cut < 0) {
    const stop = /[.]\s+(?=\p{Lu})/u.exec(text);
    cut = stop ? stop.index : text.length;
  }
  const title = trimSpan(doc.text, { start: content.start, end: content.start + cut }, '.:');
  const rest = clean(text.slice(Math.min(text.length, cut + 1)));
  return { title, rest: rest || null };
}

export function readTasks(doc: Doc, nodes: OutlineNode[], cov: Coverage, parentNumber: string | null = null): ParsedTask[] {
  const tasks: ParsedTask[] = [];
  for (const node of nodes) {
    if (!isTask(node)) {
      if (parentNumber === null) cov.leave(node.span, 'Đoạn trong phần nhiệm vụ không thuộc nhiệm vụ đánh số nào.');
      continue;
    }
    const { title, rest } = splitHeading(doc, node.block.content);
    const points = pointsOf(doc, node.children, isTask);
    const description = [rest, ...points].filter((line): line is string => !!line).join('\n');
    const number = node.block.marker.label;
    const titleText = doc.value(title);
    tasks.push({
      number,
      parentNumber,
      title: titleText,
      description: description || null,
      sector: sectorOf(doc.foldedOf(title)),
      span: node.span,
      titleSpan: title,
    });
    cov.cover(node.block.span);
    for (const child of node.children) if (!isTask(child)) cov.cover(child.span);
    tasks.push(...readTasks(doc, node.children.filter(isTask), cov, number));
  }
  return tasks;
}
