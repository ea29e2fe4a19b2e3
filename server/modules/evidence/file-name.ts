import { FileCheckError } from './file-check.js';

/** What a name falls back to when nothing visible is left of it. */
const NAMELESS = 'minh-chung';
const MAX_NAME = 255;

/**
 * Characters that change how a name is displayed without being seen: bidirectional controls (a
 * RIGHT-TO-LEFT OVERRIDE makes "bao\u202Efdp.exe" read "baoexe.pdf"), zero-width spaces and joiners,
 * the word joiner, the byte-order mark, the soft hyphen — all of Unicode's format characters (Cf) and
 * the other default-ignorable ones (variation selectors, Hangul fillers), which render as nothing.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Line and paragraph separators are not control characters (Cc) but would break a name over lines. */
const SEPARATORS = /[\p{Zl}\p{Zp}]/gu;

/** Text without its invisible characters, for what was written before names were cleaned at upload. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The name as people will see it: invisible characters removed, composed (NFC) as Vietnamese is typed on Windows. */
export function visibleName(raw: string): string {
  return withoutInvisible(raw).replace(SEPARATORS, ' ').normalize('NFC').trim();
}

/**
 * The name to show and offer on download, cleaned once at upload so that what is stored is what is
 * displayed. It never decides where the file is stored, but a name carrying a path or control
 * characters (Cc) is refused rather than silently rewritten: the client sent something other than a
 * file name. Invisible characters (Cf) are taken out, not refused: phones and word processors insert
 * them innocently (a BOM, a zero-width joiner), and what remains is the name the uploader meant.
 */
export function checkOriginalName(raw: string | undefined | null): string {
  const name = visibleName(raw ?? '');
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f-\u009f]/.test(name) || name === '.' || name === '..' || name.startsWith('..')) {
    throw new FileCheckError('INVALID_FILENAME', `Tên tệp không hợp lệ: ${JSON.stringify(raw)}. Tên tệp không được chứa đường dẫn hay ký tự điều khiển.`);
  }
  if (!name) return NAMELESS;
  if (name.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME - ext.length) + ext;
}

/** Other spellings of a detected type's extension that open the same way; compared without case. */
const SAME_TYPE: Record<string, readonly string[]> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  heic: ['heic', 'heif'],
};

function fitsType(ext: string, detected: string): boolean {
  const lower = ext.toLowerCase();
  return (SAME_TYPE[detected] ?? [detected]).includes(lower);
}

/**
 * The trailing ".xyz" of a name, when it looks like an extension (ASCII letters and digits, at least
 * one letter): "Báo cáo quý 3.2024" or "Họp.tập huấn" have none, and get one added rather than lose text.
 */
function splitExtension(name: string): { stem: string; ext: string | null } {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  if (!match || !/[A-Za-z]/.test(match[1])) return { stem: name, ext: null };
  return { stem: name.slice(0, match.index), ext: match[1] };
}

/**
 * The name a file is served under: the uploader's name with the extension of the type detected from
 * its content. Saved files are opened by their extension, so a PDF uploaded as "bao-cao.html" must
 * not reach a desktop as an HTML page: it is offered as "bao-cao.pdf". A matching extension is kept
 * as typed ("bao-cao.PDF", "anh.jpeg"); "bao-cao.pdf.exe" holding a PDF becomes "bao-cao.pdf".
 * Cleans again what it is given, for names stored before they were cleaned at upload.
 */
export function downloadName(originalName: string, detectedExtension: string): string {
  const name = visibleName(originalName).replace(/[\s.]+$/u, '');
  const detected = detectedExtension.toLowerCase();
  const { stem, ext } = splitExtension(name);
  if (ext && fitsType(ext, detected) && stem) return name;
  let base = stem.replace(/[\s.]+$/u, '');
  const inner = splitExtension(base);
  // "x.pdf.exe" holding a PDF: the name already said what it is before the wrong extension.
  if (inner.ext && fitsType(inner.ext, detected) && inner.stem) return base;
  if (!base) base = NAMELESS;
  return `${base.slice(0, MAX_NAME - detected.length - 1)}.${detected}`;
}
