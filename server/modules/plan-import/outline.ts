/**
 * The outline of an administrative document: parts "I.", items "1.", "1.1.", points "a)", dashes and
 * pluses. Lines a PDF or a copy wrapped are joined back into the paragraph they belong to, so a rule
 * reads "2. Hỗ trợ … trong Bệnh viện và cơ sở y tế:" as one heading whatever the line breaks were.
 */
import { type Doc, type Line, isUpperCase } from './text.js';
import type { Span } from './types.js';

export type MarkerKind = 'ROMAN' | 'NUM' | 'ALPHA' | 'DASH' | 'PLUS' | 'NONE';

export interface Marker {
  kind: MarkerKind;
  /** "III", "1.1", "a", "-", "+", "" */
  label: string;
  /** Characters the marker and the space after it take. */
  length: number;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[./)]\s*(?=\S)/;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/;
const NUMBER = /^(\d{1,2})[.)]\s+(?=\S)/;
const LETTER = /^([a-zđ])\)\s*(?=\S)/;
const DASH = /^[-–—•*]\s*(?=\S)/;
const PLUS = /^\+\s*(?=\S)/;

export function markerOf(line: string): Marker {
  let m = ROMAN.exec(line);
  if (m && m[1]) return { kind: 'ROMAN', label: m[1], length: m[0].length };
  m = DOTTED.exec(line) ?? NUMBER.exec(line);
  if (m) return { kind: 'NUM', label: m[1], length: m[0].length };
  m = LETTER.exec(line);
  if (m) return { kind: 'ALPHA', label: m[1], length: m[0].length };
  m = DASH.exec(line);
  if (m) return { kind: 'DASH', label: '-', length: m[0].length };
  m = PLUS.exec(line);
  if (m) return { kind: 'PLUS', label: '+', length: m[0].length };
  return { kind: 'NONE', label: '', length: 0 };
}

/** A paragraph: one or more lines of the text joined back together. */
export interface Block {
  marker: Marker;
  lines: Line[];
  span: Span;
  /** The span after the marker. */
  content: Span;
}

const ENDS_SENTENCE = /[.:;!?]["”)]?$/;
const STARTS_SENTENCE = /^["“(]?[\p{Lu}\d]/u;

/**
 * The width lines are wrapped at: most lines of a wrapped text (a PDF, a copy of one) come close to
 * it, while a text of whole paragraphs (a Word file) has it well above its headings.
 */
function wrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}

/**
 * Whether `next` continues the paragraph `prev` began (a wrapped line) rather than starting one. A
 * line starting with a capital continues only a line that ran to the wrapping width without ending
 * its sentence: "2. Hỗ trợ … trong" + "Bệnh viện và cơ sở y tế:" is one heading, "1. Mục tiêu
 * chung" + "Hình thành …" are two paragraphs.
 */
function continues(prev: Line, next: Line, width: number): boolean {
  if (markerOf(next.text).kind !== 'NONE') return false;
  if (isUpperCase(prev.text) || isUpperCase(next.text)) return false;
  if (!STARTS_SENTENCE.test(next.text)) return true;
  return !ENDS_SENTENCE.test(prev.text) && prev.text.length >= 0.7 * width;
}

export function buildBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const width = wrapWidth(lines);
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (last && continues(last.lines[last.lines.length - 1], line, width)) {
      last.lines.push(line);
      last.span.end = line.end;
      last.content.end = line.end;
      continue;
    }
    const marker = markerOf(line.text);
    blocks.push({ marker, lines: [line], span: { start: line.start, end: line.end }, content: { start: line.start + marker.length, end: line.end } });
  }
  return blocks;
}

export interface OutlineNode {
  block: Block;
  children: OutlineNode[];
  /** From the block's start to the end of its last descendant. */
  span: Span;
}

/** Dotted numbers nest by depth ("1.1" under "1"); points, dashes and pluses under them; plain paragraphs attach to what is open. */
function rank(marker: Marker): number {
  switch (marker.kind) {
    case 'ROMAN':
      return 0;
    case 'NUM':
      return marker.label.split('.').length;
    case 'ALPHA':
      return 10;
    case 'DASH':
      return 11;
    case 'PLUS':
      return 12;
    default:
      return 99;
  }
}

export function buildOutline(blocks: Block[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const extend = (node: OutlineNode, end: number) => {
    for (const open of stack) open.span.end = Math.max(open.span.end, end);
    node.span.end = Math.max(node.span.end, end);
  };
  for (const block of blocks) {
    const node: OutlineNode = { block, children: [], span: { ...block.span } };
    if (block.marker.kind === 'NONE') {
      const parent = stack[stack.length - 1];
      (parent ? parent.children : roots).push(node);
      extend(node, block.span.end);
      continue;
    }
    const r = rank(block.marker);
    while (stack.length && rank(stack[stack.length - 1].block.marker) >= r) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
    extend(node, block.span.end);
  }
  return roots;
}

/** Every node under `nodes`, depth first, in document order. */
export function* walk(nodes: OutlineNode[]): Generator<OutlineNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** The node's block content as one line, marker removed. */
export function contentOf(doc: Doc, node: OutlineNode | Block): string {
  const block = 'block' in node ? node.block : node;
  return doc.value(block.content);
}

/**
 * The text under a node as the seed keeps descriptions: one line per point, the point's marker kept
 * ("- …", "+ …", "a) …"), wrapped lines joined. Nodes for which `skip` is true are left out with
 * everything under them (a task's sub-tasks).
 */
export function pointsOf(doc: Doc, nodes: OutlineNode[], skip: (node: OutlineNode) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (skip(node)) continue;
    const { marker } = node.block;
    const prefix = marker.kind === 'DASH' ? '- ' : marker.kind === 'PLUS' ? '+ ' : marker.kind === 'ALPHA' ? `${marker.label}) ` : marker.kind === 'NUM' ? `${marker.label}. ` : '';
    out.push(prefix + contentOf(doc, node));
    out.push(...pointsOf(doc, node.children, skip));
  }
  return out;
}
