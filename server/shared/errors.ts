import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import {
  CheckConstraintViolationException, DriverException, ForeignKeyConstraintViolationException, NotFoundError as OrmNotFoundError,
  NotNullConstraintViolationException, OptimisticLockError, UniqueConstraintViolationException,
} from '@mikro-orm/core';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** Sign-in refused for a while: the account had too many failed attempts. */
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  /** Too many failed attempts from one address. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** The caller's budget of query cost points for the current window is spent (HTTP 429, Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A refusal the caller can act on: its message is shown to users, its code read by programs. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new DomainError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Bạn cần đăng nhập.') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `Không tìm thấy ${what} (${id}).`, { id });
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.CONFLICT, message, details);

/** Codes that graphql-js and Apollo attach to malformed requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** PostgreSQL's "this value cannot be that type" family (22xxx): the input was wrong, not the server. */
const INVALID_VALUE_SQLSTATES = new Set(['22P02', '22007', '22008', '22003', '22001']);

interface FieldError {
  property: string;
  constraints?: Record<string, string>;
  children?: FieldError[];
}

/** A field of a nested input ("header", "tasks" → "0" → "number") named by its path: "tasks.0.number". */
function fieldProblems(error: FieldError, prefix: string): Array<{ field: string; problems: string[] }> {
  const field = `${prefix}${error.property}`;
  const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => fieldProblems(child, `${field}.`))];
}

export interface ErrorLogger {
  error(message: string, meta: Record<string, unknown>): void;
}

/**
 * The one place errors leave the server. Domain and request errors keep their message and gain a code;
 * anything else is masked to a generic message with an id that points to the log line.
 */
export function createFormatError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Checks at the edge (validation rules, request plugins) carry their domain error inside a GraphQLError.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors as FieldError[];
      return {
        ...base,
        message: 'Dữ liệu nhập không hợp lệ.',
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: fields.flatMap((f) => fieldProblems(f, '')) },
      };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: 'Bạn cần đăng nhập.', extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: 'Bạn không có quyền thực hiện thao tác này.', extensions: { code: ErrorCode.FORBIDDEN } };
    }
    if (original instanceof OptimisticLockError) {
      return {
        ...base,
        message: 'Dữ liệu đã được người khác thay đổi. Hãy tải lại và thử lại.',
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return { ...base, message: 'Dữ liệu trùng với một bản ghi đã có.', extensions: { code: ErrorCode.CONFLICT } };
    }
    if (original instanceof ForeignKeyConstraintViolationException) {
      return {
        ...base,
        message: 'Bản ghi đang được dữ liệu khác tham chiếu (hoặc tham chiếu tới bản ghi không có).',
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    if (
      original instanceof CheckConstraintViolationException ||
      original instanceof NotNullConstraintViolationException ||
      (original instanceof DriverException && INVALID_VALUE_SQLSTATES.has(original.sqlState ?? original.code ?? ''))
    ) {
      return { ...base, message: 'Giá trị không hợp lệ.', extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (original instanceof OrmNotFoundError) {
      return { ...base, message: 'Không tìm thấy dữ liệu.', extensions: { code: ErrorCode.NOT_FOUND } };
    }
    const code = formatted.extensions?.code;
    if (code === ErrorCode.RATE_LIMITED && original instanceof GraphQLError) {
      // Raised before execution with its figures (retryAfterSeconds, limit, cost), all the caller's to read. Apollo
      // takes the HTTP status and headers out on its own; on a WebSocket they would be sent along as they are.
      const { http: _http, ...extensions } = formatted.extensions!;
      return { ...base, extensions };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { ...base, extensions: { code } };
    }
    if (original instanceof GraphQLError && !original.originalError && !original.path) {
      // Errors raised by graphql-js itself while validating or coercing the request.
      return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const requestId = randomUUID();
    logger.error('unexpected error', {
      requestId,
      path: formatted.path,
      error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : original,
    });
    return {
      message: `Lỗi hệ thống. Mã tham chiếu: ${requestId}`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}
