import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './errors.js';

/** The status a plain HTTP route (download, export) answers a refusal with. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/** Errors of plain HTTP routes in the same shape GraphQL uses, so clients read one format. */
export function sendHttpError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
  res.status(status).set('Cache-Control', 'no-store').json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

export function sendDomainError(res: Response, error: DomainError) {
  sendHttpError(res, HTTP_STATUS[error.code] ?? 400, error.code, error.message, error.details);
}

/** An unexpected failure: a generic message and a reference id; the details go to the log only. */
export function sendUnexpectedError(res: Response, log: (requestId: string) => void) {
  const requestId = randomUUID();
  log(requestId);
  sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Lỗi hệ thống. Mã tham chiếu: ${requestId}`, { requestId });
}
