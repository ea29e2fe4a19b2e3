/**
 * The text of an uploaded plan: a .txt (UTF-8, with or without BOM, any line ends), a Word .docx
 * (mammoth) or a PDF with a text layer (pdf.js), all brought to the one normal form spans point into.
 * A scanned PDF has pictures of letters and no text to read: it is refused with what to do instead.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { DomainError } from '../../shared/errors.js';
import { emptyDocument, pdfEncrypted, pdfWithoutText, textTooLong, unreadable, unsupportedFormat } from './errors.js';
import { type PdfLine, type PdfTextPiece, joinPages, pageLines } from './pdf-lines.js';
import { normaliseText } from './text.js';

export type DocumentFormat = 'TXT' | 'DOCX' | 'PDF';

export interface ExtractOptions {
  /** Longest normalised text accepted, in characters; the upload layer sets its own byte limit. */
  maxLength?: number;
  /** Most PDF pages read. */
  maxPages?: number;
}

export interface ExtractedText {
  text: string;
  format: DocumentFormat;
  pageCount: number | null;
  /** PDF pages with no text: a partly scanned document the reviewer should know about. */
  pagesWithoutText: number[];
}

/** A plan runs to some 20 000 characters; ten times that is no plan. */
export const DEFAULT_MAX_LENGTH = 200_000;
export const DEFAULT_MAX_PAGES = 200;

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function formatOf(bytes: Uint8Array, filename?: string | null): DocumentFormat | 'DOC' | null {
  // The PDF header may follow some junk, within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'PDF';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'DOCX';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'DOC';
  const ext = filename ? path.extname(filename).toLowerCase() : '';
  if (ext === '.pdf' || ext === '.docx' || ext === '.doc') return null;
  return 'TXT';
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsupportedFormat('Tệp văn bản không ở mã UTF-8: hãy lưu lại với mã UTF-8 (Unicode) rồi tải lên.');
  }
  // A NUL is never in a text file: this is some other binary format.
  if (text.includes('\u0000')) throw unsupportedFormat();
  return text;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    // Not extractRawText: it drops line breaks (Shift+Enter), gluing "hồ" and "sơ" into "hồsơ", and
    // the markers of Word's own bullet lists. The HTML keeps both, and images are left out.
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return htmlText(value);
  } catch {
    throw unreadable('tệp Word (.docx)');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? all;
  });

/**
 * Text of the HTML mammoth writes (p, h1–h6, br, table cells, ul/ol/li, a, strong, em …): a paragraph
 * per block, a line per break. Word's automatic list numbers are not in the document's text: bullets
 * become "-" (then "+" one level down) as plans write them, numbered items "1." (then "a)").
 */
export function htmlText(html: string): string {
  const blocks: string[] = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let current = '';
  let prefix = '';
  const end = () => {
    if (current.trim()) blocks.push(current);
    current = '';
    prefix = '';
  };
  for (const [, closing, tag, text] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (text !== undefined) {
      current += (current ? '' : prefix) + decodeEntities(text);
      continue;
    }
    const name = tag.toLowerCase();
    if (name === 'br') current += '\n';
    else if (name === 'ul' || name === 'ol') {
      end();
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', count: 0 });
    } else if (name === 'li' && !closing) {
      end();
      const list = lists[lists.length - 1];
      if (list) {
        list.count++;
        const depth = lists.length;
        prefix = list.ordered ? (depth > 1 ? `${String.fromCharCode(96 + Math.min(list.count, 26))}) ` : `${list.count}. `) : depth > 1 ? '+ ' : '- ';
      }
    } else if (/^(?:p|h[1-6]|li|td|th|tr|table|blockquote)$/.test(name)) {
      if (name === 'p' && !closing && !current) continue;
      end();
    }
  }
  end();
  return blocks.join('\n\n');
}

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

async function pdfText(bytes: Uint8Array, maxLength: number, maxPages: number): Promise<{ text: string; pageCount: number; pagesWithoutText: number[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over: give it a copy.
    data: new Uint8Array(bytes),
    // Text only: no fonts loaded, nothing fetched; CMaps come from the package on disk.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as Error)?.name === 'PasswordException') throw pdfEncrypted();
    throw unreadable('tệp PDF');
  }
  try {
    if (pdf.numPages > maxPages) throw textTooLong(maxLength);
    const pages: PdfLine[][] = [];
    const pagesWithoutText: number[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const pieces = content.items.filter((item): item is PdfTextPiece & typeof item => 'str' in item);
      const lines = pageLines(pieces);
      page.cleanup();
      if (!lines.length) pagesWithoutText.push(n);
      length += lines.reduce((sum, l) => sum + l.text.length + 1, 0);
      if (length > maxLength) throw textTooLong(maxLength);
      pages.push(lines);
    }
    if (pagesWithoutText.length === pdf.numPages) throw pdfWithoutText();
    return { text: joinPages(pages), pageCount: pdf.numPages, pagesWithoutText };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable('tệp PDF');
  } finally {
    await task.destroy();
  }
}

/** The normalised text of a plan's file; refusals are coded DomainErrors with Vietnamese messages. */
export async function extractText(bytes: Uint8Array, filename?: string | null, options: ExtractOptions = {}): Promise<ExtractedText> {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!bytes.length) throw emptyDocument();
  const format = formatOf(bytes, filename);
  if (format === 'DOC') throw unsupportedFormat('Tệp Word cũ (.doc): hãy mở bằng Word, lưu thành .docx rồi tải lên.');
  if (format === null) throw unreadable(`tệp ${path.extname(filename ?? '')}`);

  let raw: string;
  let pageCount: number | null = null;
  let pagesWithoutText: number[] = [];
  if (format === 'PDF') ({ text: raw, pageCount, pagesWithoutText } = await pdfText(bytes, maxLength, options.maxPages ?? DEFAULT_MAX_PAGES));
  else raw = format === 'DOCX' ? await docxText(bytes) : decodeText(bytes);

  const text = normaliseText(raw);
  if (!text) throw emptyDocument();
  if (text.length > maxLength) throw textTooLong(maxLength);
  return { text, format, pageCount, pagesWithoutText };
}
