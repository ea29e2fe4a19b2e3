import type { Doc } from './text.js';
import type { Span, Unplaced } from './types.js';

/**
 * What the rules have taken from the text, so that whatever no rule took is reported as unplaced:
 * a reviewer must see every line of the document either in a field or in the unplaced list.
 */
export class Coverage {
  private readonly covered: Span[] = [];
  readonly unplaced: Unplaced[] = [];

  constructor(private readonly doc: Doc) {}

  cover(span: Span | null | undefined): void {
    if (span && span.end > span.start) this.covered.push(span);
  }

  /** Reports a span the rules could read no further, with why. */
  leave(span: Span, reason: string): void {
    const text = this.doc.value(span);
    if (!text) return;
    this.unplaced.push({ text, span, reason });
    this.cover(span);
  }

  /** Lines nothing covered, reported as unplaced; then the list in document order. */
  finish(reason: string): Unplaced[] {
    for (const line of this.doc.lines) {
      const touched = this.covered.some((s) => s.start < line.end && line.start < s.end);
      if (!touched) this.unplaced.push({ text: line.text, span: { start: line.start, end: line.end }, reason });
    }
    return this.unplaced.sort((a, b) => a.span.start - b.span.start);
  }
}
