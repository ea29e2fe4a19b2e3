/**
 * Lines and paragraphs of a PDF page rebuilt from pdf.js text items. A PDF has no lines, only pieces
 * of text placed on the page (Vietnamese letters with marks often each in a piece of their own), so
 * pieces are joined while they sit on one baseline, a space put back where the gap is a word's gap,
 * and an empty line where the gap to the next line is a paragraph's, as the plan's other forms have.
 */

/** What the rebuild needs of a pdf.js TextItem. */
export interface PdfTextPiece {
  str: string;
  /** [a, b, c, d, x, y]: the text's matrix; x, y is where its baseline starts. */
  transform: number[];
  width: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  /** Baseline, in PDF units (up is positive). */
  y: number;
  size: number;
}

/** A word's gap: narrower gaps are kerning between pieces of one word. */
const SPACE_GAP = 0.15;
/** Wider than this (in font sizes) two pieces on one baseline are two columns: the heading's left and right. */
const COLUMN_GAP = 3;

const sizeOf = (piece: PdfTextPiece) => Math.hypot(piece.transform[2], piece.transform[3]) || Math.hypot(piece.transform[0], piece.transform[1]) || 1;

/**
 * The page's lines in the order the PDF gives its text (the reading order for Word's and browsers'
 * PDFs): a new line where pdf.js marks an end of line or the baseline moves; a piece far right of
 * the previous one on the same baseline starts a new line too (two columns).
 */
export function pageLines(pieces: PdfTextPiece[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: { text: string; y: number; size: number; end: number } | null = null;
  let breakNext = false;
  const flush = () => {
    if (current && current.text.trim()) lines.push({ text: current.text.replace(/\s+/g, ' ').trim(), y: current.y, size: current.size });
    current = null;
  };
  for (const piece of pieces) {
    const size = sizeOf(piece);
    const x = piece.transform[4];
    const y = piece.transform[5];
    if (piece.str === '') {
      // pdf.js gives an empty item with hasEOL where a line ends inside a text run.
      if (piece.hasEOL) breakNext = true;
      continue;
    }
    if (current !== null) {
      const line: { text: string; y: number; size: number; end: number } = current;
      const sameBaseline = Math.abs(y - line.y) <= 0.5 * Math.max(size, line.size);
      const gap = x - line.end;
      if (breakNext || !sameBaseline || gap > COLUMN_GAP * size) flush();
      else if (gap > SPACE_GAP * size && !/\s$/.test(line.text) && !/^\s/.test(piece.str)) line.text += ' ';
    }
    breakNext = false;
    if (current === null) current = { text: '', y, size, end: x };
    const open: { text: string; y: number; size: number; end: number } = current;
    open.text += piece.str;
    open.end = x + piece.width;
    open.size = Math.max(open.size, size);
    if (piece.hasEOL) breakNext = true;
  }
  flush();
  return lines;
}

/**
 * The smallest ordinary step from one baseline to the next, in font sizes: single spacing. A step
 * clearly larger (spacing after a paragraph) marks a paragraph break.
 */
export function lineStep(pages: PdfLine[][]): number | null {
  let step: number | null = null;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const ratio = (lines[i - 1].y - lines[i].y) / Math.max(lines[i].size, lines[i - 1].size);
      if (ratio > 0.8 && (step === null || ratio < step)) step = ratio;
    }
  }
  return step;
}

/** Page numbers Decree 30 prints at the top of pages after the first: not part of the text. */
function isPageNumber(line: PdfLine | undefined, page: number): boolean {
  return !!line && line.text === String(page);
}

/** The document's text: lines, an empty line between paragraphs and between pages. */
export function joinPages(pages: PdfLine[][]): string {
  const step = lineStep(pages);
  const paragraphs: string[] = [];
  pages.forEach((raw, p) => {
    const lines = raw.slice();
    if (p > 0 && isPageNumber(lines[0], p + 1)) lines.shift();
    if (p > 0 && isPageNumber(lines[lines.length - 1], p + 1)) lines.pop();
    let paragraph: string[] = [];
    lines.forEach((line, i) => {
      if (i > 0) {
        const previous = lines[i - 1];
        const ratio = (previous.y - line.y) / Math.max(line.size, previous.size);
        // Upwards is a new column or table cell; a wider step than single spacing a new paragraph.
        if (ratio <= 0.3 || (step !== null && ratio > step * 1.3)) {
          paragraphs.push(paragraph.join('\n'));
          paragraph = [];
        }
      }
      paragraph.push(line.text);
    });
    if (paragraph.length) paragraphs.push(paragraph.join('\n'));
  });
  return paragraphs.join('\n\n');
}
