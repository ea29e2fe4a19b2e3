import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { AppConfig } from '../../config.js';
import { ErrorCode } from '../../shared/errors.js';
import { formatBytes } from './staging.js';
import { sendHttpError } from '../../shared/http-errors.js';

/** Limits for graphqlUploadExpress: the busboy parser stops at them before our code sees a byte more. */
export function uploadLimits(config: AppConfig) {
  // One byte of slack: busboy cuts a file that reaches its limit, so a file of exactly the allowed
  // size would be cut; the service counts bytes itself and refuses anything over the limit.
  // One parser serves every upload: it stops at the largest limit, each service then holds its own.
  const largest = Math.max(config.evidence.maxFileBytes, config.planImport.maxFileBytes);
  return { maxFileSize: largest + 1, maxFiles: config.evidence.maxFiles, maxFieldSize: 1024 * 1024 };
}

/**
 * Multipart requests are "simple" requests a foreign page can send with the user's cookie, so they
 * must carry the header Apollo's CSRF protection asks for. Refused here, before a byte of any file
 * is read; Apollo would refuse them too, but only after the upload parser had buffered the files.
 */
export const requireUploadPreflight: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next();
  const preflight = req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name'];
  if (preflight) return next();
  res
    .status(400)
    .set('Connection', 'close')
    .json({
      errors: [
        {
          message: 'Yêu cầu tải tệp thiếu tiêu đề apollo-require-preflight (chống giả mạo yêu cầu, CSRF).',
          extensions: { code: 'BAD_REQUEST', reason: 'CSRF_PREFLIGHT_REQUIRED' },
        },
      ],
    });
};

/** The upload parser's refusals (too many files, malformed multipart) in GraphQL's error shape, in Vietnamese. */
export function uploadErrorHandler(config: AppConfig): ErrorRequestHandler {
  return (error, req, res, next) => {
    const status = typeof error?.status === 'number' ? error.status : 0;
    if (!req.is('multipart/form-data') || status < 400 || status >= 500) return next(error);
    const message = String(error?.message ?? '');
    let text = 'Yêu cầu tải tệp không hợp lệ (sai chuẩn GraphQL multipart request).';
    let reason = 'INVALID_MULTIPART';
    if (/max file uploads exceeded/i.test(message)) {
      text = `Chỉ được gửi tối đa ${config.evidence.maxFiles} tệp mỗi lần.`;
      reason = 'TOO_MANY_FILES';
    } else if (/exceeds the .* size limit/i.test(message)) {
      text = `Tệp vượt quá dung lượng cho phép (tối đa ${formatBytes(config.evidence.maxFileBytes)}).`;
      reason = 'FILE_TOO_LARGE';
    }
    sendHttpError(res, status, ErrorCode.BAD_USER_INPUT, text, { reason });
  };
}
