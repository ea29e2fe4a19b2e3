/**
 * A plan's file as it arrives: read into memory with a byte limit (a plan is tens of kilobytes; the
 * limit is for the scanned PDFs people send), its name checked as evidence names are, and its type
 * decided by its bytes (file-type) before any reader opens it. Only text, Word .docx and PDF pass.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { DomainError, badInput } from '../../shared/errors.js';
import { FileCheckError } from '../evidence/file-check.js';
import { checkOriginalName } from '../evidence/file-name.js';
import { formatBytes } from '../evidence/staging.js';
import { unsupportedFormat } from './errors.js';

export interface ReceivedPlanFile {
  name: string;
  bytes: Buffer;
}

const tooLarge = (maxBytes: number) =>
  badInput(`Tệp vượt quá dung lượng cho phép (tối đa ${formatBytes(maxBytes)}): kế hoạch chỉ vài chục trang, hãy tải riêng phần kế hoạch.`, {
    argument: 'file',
    reason: 'FILE_TOO_LARGE',
    maxBytes,
  });
const broken = () => badInput('Dữ liệu tải lên bị lỗi hoặc không trọn vẹn. Hãy thử lại.', { argument: 'file', reason: 'INVALID_UPLOAD' });

/** The whole file, refused past `maxBytes` without reading on: nothing is stored either way. */
export async function receivePlanFile(upload: Promise<FileUpload> | FileUpload, maxBytes: number): Promise<ReceivedPlanFile> {
  // graphql-upload fails the upload itself (413) when the parser's own limit is reached first.
  const file = await Promise.resolve(upload).catch((error: unknown) => {
    throw (error as { status?: number })?.status === 413 ? tooLarge(maxBytes) : broken();
  });
  let name: string;
  try {
    name = checkOriginalName(file.filename);
  } catch (error) {
    if (error instanceof FileCheckError) throw badInput(error.message, { argument: 'file', reason: error.reason });
    throw error;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = file.createReadStream();
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw (error as { status?: number })?.status === 413 ? tooLarge(maxBytes) : broken();
  }
  return { name, bytes: Buffer.concat(chunks) };
}

/** Kinds file-type names that the text reader handles itself: an old Word file gets its own advice there. */
const READ_BY_EXTRACT = new Set(['pdf', 'docx', 'cfb']);

/**
 * Refuses what is neither text, .docx nor PDF, by content: a picture, an archive, a spreadsheet or a
 * program renamed ".txt" or ".pdf" is not read at all.
 */
export async function checkPlanFileType(bytes: Buffer): Promise<void> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && !READ_BY_EXTRACT.has(found.ext)) {
    throw unsupportedFormat(`Tệp này là ${found.ext.toUpperCase()}, không phải văn bản kế hoạch.`);
  }
  // Scripts and executables without a registered signature still announce themselves.
  const head = bytes.subarray(0, 2).toString('latin1');
  if (!found && (head === '#!' || head === 'MZ')) throw unsupportedFormat('Không nhận tệp chương trình.');
}
