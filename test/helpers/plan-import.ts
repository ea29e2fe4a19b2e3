import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type Browser, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { clean, fold } from '../../server/modules/plan-import/text.js';
import type { ParsedPlan, Span } from '../../server/modules/plan-import/types.js';

/** The text of a span, whitespace unified: how a value is compared with where it came from. */
export const at = (plan: ParsedPlan, span: Span) => clean(plan.text.slice(span.start, span.end));

/**
 * Every span of a parsed plan lies in its text and holds the item read from it: a reviewer clicking an
 * item must land on the words it was read from.
 */
export function expectSpansHold(plan: ParsedPlan) {
  const within = (span: Span, what: string) => {
    expect(span.start, what).toBeGreaterThanOrEqual(0);
    expect(span.end, what).toBeLessThanOrEqual(plan.text.length);
    expect(span.start, what).toBeLessThan(span.end);
  };
  const holds = (span: Span, value: string, what: string) => {
    within(span, what);
    expect(at(plan, span), what).toContain(value);
  };
  /** The value's words in the span, in order: a value may be made of pieces (a body's name over two heading lines). */
  const holdsInOrder = (span: Span, value: string, what: string) => {
    within(span, what);
    const source = fold(at(plan, span));
    let from = 0;
    for (const word of fold(value).split(/\s+/)) {
      const found = source.indexOf(word, from);
      expect(found, `"${word}" của "${what}"`).toBeGreaterThanOrEqual(0);
      from = found + word.length;
    }
  };
  const { header, title, signer } = plan;
  if (header.issuer) holdsInOrder(header.issuer.span, header.issuer.asWritten, 'cơ quan ban hành');
  if (header.superior) holdsInOrder(header.superior.span, header.superior.asWritten, 'cơ quan chủ quản');
  if (header.number) holds(header.number.span, header.number.symbol ?? '', 'số, ký hiệu');
  if (header.placeAndDate) holds(header.placeAndDate.span, String(header.placeAndDate.year ?? ''), 'ngày tháng');
  if (title) holds(title.span, title.summary, 'tên kế hoạch');
  for (const basis of plan.bases) {
    holds(basis.span, basis.text, 'căn cứ');
    if (basis.document?.number) holds(basis.document.span, basis.document.number, 'số văn bản căn cứ');
  }
  for (const task of plan.tasks) {
    expect(at(plan, task.titleSpan), `nhiệm vụ ${task.number}`).toBe(task.title);
    holds(task.span, task.title, `nhiệm vụ ${task.number}`);
    for (const line of task.description?.split('\n') ?? []) holds(task.span, line.replace(/^[-+] |^[a-zđ]\) /, ''), `mô tả nhiệm vụ ${task.number}`);
  }
  for (const target of plan.targets) {
    holds(target.span, `${target.thresholdPercent}%`, target.title);
    // A split sentence gives each target its own title from the sentence's words, in their order.
    holdsInOrder(target.span, target.title, target.title);
  }
  for (const body of plan.bodies) {
    expect(at(plan, body.ref.span)).toBe(body.ref.name);
    holds(body.span, body.ref.name, body.ref.name);
    for (const scope of [...body.leads, ...body.coordinates]) {
      expect(at(plan, scope.span)).toBe(scope.text);
      for (const ref of scope.with) expect(at(plan, ref.span)).toBe(ref.name);
    }
    for (const report of body.reports) {
      within(report.span, `báo cáo của ${body.ref.name}`);
      for (const ref of [...report.recipients, ...(report.through ? [report.through] : [])]) expect(at(plan, ref.span)).toBe(ref.name);
      for (const due of report.schedule) holds(due.span, String(due.day), `hạn báo cáo của ${body.ref.name}`);
    }
  }
  for (const recipient of plan.recipients) holds(recipient.span, recipient.name, 'nơi nhận');
  if (signer) {
    within(signer.span, 'người ký');
    if (signer.name && signer.nameSpan) expect(at(plan, signer.nameSpan)).toBe(signer.name);
  }
  for (const item of plan.unplaced) expect(at(plan, item.span)).toBe(item.text);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A plan's text as the documents people send hold it: Decree 30's heading (issuer, number beside the
 * motto, place and date) and the ending (recipients beside the signature) in two-column tables, the
 * lines of a paragraph split by line breaks. Needs the Hà Trung plan's layout of paragraphs.
 */
export function planDocuments(normalisedText: string) {
  const paragraphs = normalisedText.split('\n\n');
  const heading = { left: paragraphs.slice(0, 3), right: paragraphs.slice(3, 6) };
  const recipientsAt = paragraphs.indexOf('Nơi nhận:');
  const signatureAt = paragraphs.indexOf('KT. CHỦ TỊCH');
  const body = paragraphs.slice(6, recipientsAt);
  const ending = { left: paragraphs.slice(recipientsAt, signatureAt), right: paragraphs.slice(signatureAt) };
  return {
    body,
    /** The plan as Word would hold it. */
    docx(): Promise<Buffer> {
      const paragraph = (text: string) => new Paragraph({ children: text.split('\n').map((line, i) => new TextRun({ text: line, break: i ? 1 : 0 })) });
      const columns = ({ left, right }: { left: string[]; right: string[] }) => new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ children: [left, right].map((cell) => new TableCell({ children: cell.map(paragraph) })) })],
      });
      return Packer.toBuffer(new Document({ sections: [{ children: [columns(heading), ...body.map(paragraph), columns(ending)] }] }));
    },
    /** The plan as a browser prints it: the same tables, one paragraph per paragraph, over several A4 pages. */
    html(): string {
      const paragraph = (text: string) => `<p>${text.split('\n').map(escape).join('<br>')}</p>`;
      const columns = ({ left, right }: { left: string[]; right: string[] }) =>
        `<table><tr><td>${left.map(paragraph).join('')}</td><td>${right.map(paragraph).join('')}</td></tr></table>`;
      // Paragraphs kept whole on a page: a page break is then a paragraph break, as the reader assumes.
      const style = `body { font-family: 'Liberation Serif'; font-size: 10pt; margin: 0 }
        p { margin: 0 0 6pt; white-space: nowrap; break-inside: avoid }
        table { width: 100%; border-collapse: collapse } td { vertical-align: top; width: 50%; padding: 0 }`;
      return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${style}</style></head>
        <body>${columns(heading)}${body.map(paragraph).join('')}${columns(ending)}</body></html>`;
    },
  };
}

/** Chromium's PDF of a page, as the browser prints it to A4 (landscape, so the heading's columns fit). */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.pdf({ format: 'A4', landscape: true, margin: { top: '15mm', bottom: '15mm', left: '20mm', right: '15mm' } });
  } finally {
    await page.close();
  }
}

/** A PDF of nothing but a picture of text, as a scanner makes it. */
export async function scannedPdf(browser: Browser, lines: string[]): Promise<Buffer> {
  const page = await browser.newPage();
  let picture: Buffer;
  try {
    await page.setContent(`<div style="font: 20pt 'Liberation Serif'; padding: 20px">${lines.map(escape).join('<br>')}</div>`);
    picture = await page.screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
  return printPdf(browser, `<img style="width: 100%" src="data:image/png;base64,${picture.toString('base64')}">`);
}

export const launchChromium = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
