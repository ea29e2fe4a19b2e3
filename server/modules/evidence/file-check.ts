import { open, readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** Why a file was refused; sent to clients as extensions.reason. */
export type FileRefusal =
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'INVALID_FILENAME'
  | 'TYPE_NOT_ALLOWED'
  | 'ARCHIVE_NOT_ALLOWED'
  | 'EXECUTABLE_NOT_ALLOWED'
  | 'INVALID_TEXT';

export interface DetectedType {
  ext: string;
  mime: string;
}

/** What evidence may be: office documents, PDF, photos and scans, CSV tables. Decided on content. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
};

const ARCHIVES = new Set([
  'zip', 'tar', 'tar.gz', 'rar', 'gz', 'bz2', '7z', 'xz', 'zst', 'lz', 'lzh', 'lz4', 'Z', 'cab', 'cpio', 'arj', 'ace', 'ar',
  'dmg', 'iso', 'asar',
]);
const EXECUTABLES = new Set([
  'exe', 'elf', 'macho', 'wasm', 'class', 'jar', 'apk', 'deb', 'rpm', 'crx', 'xpi', 'swf', 'lnk', 'dex', 'msi',
]);

export class FileCheckError extends Error {
  constructor(
    readonly reason: FileRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Old binary Office files are OLE compound files; tell Word and Excel apart from installers (MSI) by their streams. */
async function compoundDocumentType(path: string): Promise<DetectedType | null> {
  const bytes = await readFile(path);
  const names = new Set<string>();
  // Directory entries are 128 bytes, aligned within sectors after the 512-byte header.
  for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = bytes.readUInt16LE(offset + 64);
    const objectType = bytes[offset + 66];
    if (objectType !== 2 || nameLength < 4 || nameLength > 64 || nameLength % 2) continue;
    names.add(bytes.toString('utf16le', offset, offset + nameLength - 2));
  }
  if (names.has('WordDocument')) return { ext: 'doc', mime: 'application/msword' };
  if (names.has('Workbook') || names.has('Book')) return { ext: 'xls', mime: 'application/vnd.ms-excel' };
  return null;
}

/** CSV is text: valid UTF-8, no NUL bytes. Files are capped by size before this runs. */
async function isUtf8Text(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

async function startsWith(path: string, prefix: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(prefix.length);
    await handle.read(buffer, 0, prefix.length, 0);
    return buffer.toString('latin1') === prefix;
  } finally {
    await handle.close();
  }
}

/**
 * The file's type from its bytes (magic numbers, zip contents), never from its name alone. The name
 * only matters for text, which has no magic number: it must say .csv.
 */
export async function detectAllowedType(path: string, originalName: string): Promise<DetectedType> {
  const found = await fileTypeFromFile(path);
  if (found) {
    // file-type's MIME is the precise one (image/heif for a HEIF photo saved as .heic, say).
    if (ALLOWED[found.ext]) return { ext: found.ext, mime: found.mime || ALLOWED[found.ext] };
    if (found.ext === 'cfb') {
      const office = await compoundDocumentType(path);
      if (office) return office;
    }
    if (ARCHIVES.has(found.ext)) {
      throw new FileCheckError('ARCHIVE_NOT_ALLOWED', `Không nhận tệp nén (${found.ext}). Hãy gửi từng tệp tài liệu, ảnh hoặc PDF.`);
    }
    if (EXECUTABLES.has(found.ext)) {
      throw new FileCheckError('EXECUTABLE_NOT_ALLOWED', 'Không nhận tệp chương trình (tệp chạy được).');
    }
    throw new FileCheckError('TYPE_NOT_ALLOWED', `Không nhận loại tệp này (${found.ext}).`);
  }
  // Scripts and executables without a registered signature still announce themselves.
  if ((await startsWith(path, '#!')) || (await startsWith(path, 'MZ'))) {
    throw new FileCheckError('EXECUTABLE_NOT_ALLOWED', 'Không nhận tệp chương trình (tệp chạy được).');
  }
  if (/\.csv$/i.test(originalName)) {
    if (await isUtf8Text(path)) return { ext: 'csv', mime: 'text/csv; charset=utf-8' };
    throw new FileCheckError('INVALID_TEXT', 'Tệp CSV phải là văn bản mã hóa UTF-8 (không chứa ký tự NUL).');
  }
  throw new FileCheckError('TYPE_NOT_ALLOWED', ALLOWED_MESSAGE);
}

export const ALLOWED_MESSAGE =
  'Chỉ nhận tài liệu văn phòng (docx, xlsx, pptx, odt, ods, doc, xls), PDF, ảnh (png, jpeg, webp, gif, heic) và bảng CSV.';
