import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, htmlText } from '../../server/modules/plan-import/extract.js';
import { joinPages, pageLines, type PdfTextPiece } from '../../server/modules/plan-import/pdf-lines.js';
import { parsePlan } from '../../server/modules/plan-import/parser.js';
import { normaliseText } from '../../server/modules/plan-import/text.js';
import { DomainError, ErrorCode } from '../../server/shared/errors.js';
import { launchChromium, planDocuments, printPdf, scannedPdf } from '../helpers/plan-import.js';

const SOURCE = readFileSync(path.resolve(import.meta.dirname, '../../server/db/seed/ke-hoach-ha-trung-2022.txt'), 'utf8');
const TEXT = normaliseText(SOURCE);
const documents = planDocuments(TEXT);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('the text of a plan’s file', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads a .txt whatever its byte order mark and line ends', async () => {
    const plain = await extractText(Buffer.from(SOURCE, 'utf8'), 'ke-hoach.txt');
    expect(plain).toMatchObject({ format: 'TXT', text: TEXT, pageCount: null });
    const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE.replace(/\n/g, '\r\n'), 'utf8')]);
    expect((await extractText(windows, 'ke-hoach.txt')).text).toBe(TEXT);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOURCE, 'utf16le')]);
    expect((await extractText(utf16, 'ke-hoach.txt')).text).toBe(TEXT);
    // Letters typed with combining marks (as some keyboards and PDFs give them) are the same letters.
    expect((await extractText(Buffer.from(SOURCE.normalize('NFD'), 'utf8'), 'ke-hoach.txt')).text).toBe(TEXT);
  });

  it('reads a .docx of the plan to the same text, and the same plan', async () => {
    const extracted = await extractText(await documents.docx(), 'ke-hoach.docx');
    expect(extracted.format).toBe('DOCX');
    expect(extracted.text).toBe(TEXT);
    expect(parsePlan(extracted.text)).toEqual(parsePlan(SOURCE));
  });

  it('reads a PDF of the plan, over several pages, to the same text, and the same plan', async () => {
    const extracted = await extractText(await printPdf(browser, documents.html()), 'ke-hoach.pdf');
    expect(extracted.format).toBe('PDF');
    expect(extracted.pageCount).toBeGreaterThan(1);
    expect(extracted.pagesWithoutText).toEqual([]);
    expect(extracted.text).toBe(TEXT);
    expect(parsePlan(extracted.text)).toEqual(parsePlan(SOURCE));
  });

  it('refuses a scanned PDF, which has no text to read, saying what to do', async () => {
    const scan = await scannedPdf(browser, documents.body.slice(0, 12));
    const error = await refusal(extractText(scan, 'ban-quet.pdf'));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toMatchObject({ reason: 'PDF_NO_TEXT_LAYER' });
    expect(error.message).toBe('Tệp PDF không có lớp văn bản (có thể là bản quét): hãy tải bản PDF có chữ hoặc dán văn bản');
  });

  it('refuses empty, unreadable, old Word, non-UTF-8 and too long files with the reason', async () => {
    const reason = async (bytes: Uint8Array, name: string, options = {}) => (await refusal(extractText(bytes, name, options))).details.reason;
    expect(await reason(new Uint8Array(), 'trong.txt')).toBe('EMPTY_DOCUMENT');
    expect(await reason(Buffer.from(' \r\n\t\u00a0\n', 'utf8'), 'trong.txt')).toBe('EMPTY_DOCUMENT');
    expect(await reason(Buffer.from('%PDF-1.7\nnot really a pdf', 'latin1'), 'hong.pdf')).toBe('UNREADABLE_DOCUMENT');
    expect(await reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'hong.docx')).toBe('UNREADABLE_DOCUMENT');
    expect(await reason(Buffer.from('plain text', 'utf8'), 'doi-ten.pdf')).toBe('UNREADABLE_DOCUMENT');
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'cu.doc')).toBe('UNSUPPORTED_FORMAT');
    expect(await reason(Buffer.from('K\xea ho\xb9ch', 'latin1'), 'tcvn3.txt')).toBe('UNSUPPORTED_FORMAT');
    expect(await reason(Buffer.from(SOURCE, 'utf8'), 'ke-hoach.txt', { maxLength: 1000 })).toBe('TEXT_TOO_LONG');
    expect(await reason(await printPdf(browser, documents.html()), 'ke-hoach.pdf', { maxLength: 1000 })).toBe('TEXT_TOO_LONG');
    const tooLong = await refusal(extractText(Buffer.from(SOURCE, 'utf8'), 'ke-hoach.txt', { maxLength: 1000 }));
    expect(tooLong.message).toBe('Văn bản dài quá 1.000 ký tự: hãy tải riêng phần kế hoạch.');
  });

  it('keeps the markers of Word’s own lists, which are not in the document’s text', async () => {
    const docx = await Packer.toBuffer(new Document({
      numbering: { config: [] },
      sections: [{
        children: [
          new Paragraph('1. Mục đích'),
          new Paragraph({ text: 'Tuyên truyền đến người dân.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Qua đài phát thanh xã.', bullet: { level: 1 } }),
        ],
      }],
    }));
    expect((await extractText(docx, 'danh-sach.docx')).text).toBe('1. Mục đích\n\n- Tuyên truyền đến người dân.\n\n+ Qua đài phát thanh xã.');
    expect(htmlText('<ol><li>Một</li><li>Hai<ol><li>Ba</li></ol></li></ol><p>A &amp; B<br />C</p>')).toBe('1. Một\n\n2. Hai\n\na) Ba\n\nA & B\nC');
  });
});

describe('lines rebuilt from the pieces of text of a PDF page', () => {
  const piece = (str: string, x: number, y: number, width: number, hasEOL = false, size = 12): PdfTextPiece => ({
    str, transform: [size, 0, 0, size, x, y], width, hasEOL,
  });

  it('joins the pieces of a word, puts back the space between words and splits columns far apart', () => {
    const lines = pageLines([
      // "Tuyên" in three pieces, as PDFs place a letter with its marks apart; no space piece before "truyền".
      piece('Tuy', 10, 700, 18), piece('ê', 28, 700, 6), piece('n', 34, 700, 6), piece('truyền', 44, 700, 36),
      piece('CỘNG HÒA', 300, 700, 60),
      piece('- Mục', 10, 686, 30, true),
      piece('đích', 44, 686, 24),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Tuyên truyền', 'CỘNG HÒA', '- Mục', 'đích']);
  });

  it('breaks paragraphs where the step to the next line is wider than single spacing, and drops page numbers', () => {
    const line = (text: string, y: number) => ({ text, y, size: 12 });
    const text = joinPages([
      [line('Dòng một của đoạn', 700), line('dòng hai của đoạn', 686), line('Đoạn sau', 656)],
      [line('2', 800), line('Trang hai', 760)],
    ]);
    expect(text).toBe('Dòng một của đoạn\ndòng hai của đoạn\n\nĐoạn sau\n\nTrang hai');
  });
});
