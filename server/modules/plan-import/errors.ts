import { badInput } from '../../shared/errors.js';

/**
 * Why a document could not be imported. Each is a BAD_USER_INPUT with a `reason` the client can
 * branch on and a message the officer can act on.
 */
export const ImportRefusal = {
  EMPTY_DOCUMENT: 'EMPTY_DOCUMENT',
  PDF_NO_TEXT_LAYER: 'PDF_NO_TEXT_LAYER',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  UNREADABLE_DOCUMENT: 'UNREADABLE_DOCUMENT',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  NOT_A_PLAN: 'NOT_A_PLAN',
} as const;
export type ImportRefusal = (typeof ImportRefusal)[keyof typeof ImportRefusal];

const refuse = (reason: ImportRefusal, message: string, details: Record<string, unknown> = {}) =>
  badInput(message, { argument: 'file', reason, ...details });

export const emptyDocument = () => refuse(ImportRefusal.EMPTY_DOCUMENT, 'Tài liệu không có chữ nào: hãy kiểm tra lại tệp.');

export const pdfWithoutText = () =>
  refuse(ImportRefusal.PDF_NO_TEXT_LAYER, 'Tệp PDF không có lớp văn bản (có thể là bản quét): hãy tải bản PDF có chữ hoặc dán văn bản');

export const pdfEncrypted = () => refuse(ImportRefusal.PDF_ENCRYPTED, 'Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi tải lại.');

export const unreadable = (what: string) =>
  refuse(ImportRefusal.UNREADABLE_DOCUMENT, `Không đọc được ${what}: tệp bị hỏng hoặc không trọn vẹn. Hãy mở thử tệp trên máy rồi tải lại.`);

export const unsupportedFormat = (hint = '') =>
  refuse(ImportRefusal.UNSUPPORTED_FORMAT, `Chỉ nhận văn bản .txt (UTF-8), .docx hoặc .pdf có lớp văn bản.${hint ? ` ${hint}` : ''}`);

export const textTooLong = (maxLength: number) =>
  refuse(ImportRefusal.TEXT_TOO_LONG, `Văn bản dài quá ${maxLength.toLocaleString('vi-VN')} ký tự: hãy tải riêng phần kế hoạch.`, { maxLength });

export const notAPlan = (message: string, documentType: string | null) => refuse(ImportRefusal.NOT_A_PLAN, message, { documentType });
