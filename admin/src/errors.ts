/** What the API's `extensions.code` means to the person at the screen; keys of the i18n catalogue. */
const MESSAGE_KEYS: Record<string, string> = {
  CONFLICT: 'app.errors.conflict',
  FORBIDDEN: 'app.errors.forbidden',
  UNAUTHENTICATED: 'app.errors.unauthenticated',
  NOT_FOUND: 'app.errors.not_found',
  INTERNAL_SERVER_ERROR: 'app.errors.internal',
  NETWORK: 'app.errors.network',
};

/**
 * Refusals (`extensions.reason`) whose fix lives on the screen, not in the server's sentence: the
 * officer who cannot submit must learn where to attach the evidence the API asks for.
 */
const REASON_KEYS: Record<string, string> = {
  EVIDENCE_REQUIRED: 'app.errors.evidence_required',
};

/** Codes whose server message is already a precise Vietnamese sentence worth showing as is (RATE_LIMITED: when to retry). */
const KEEP_SERVER_MESSAGE = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED']);

/** Conflicts that are not someone else's newer change: the server's sentence names what is in the way. */
const KEEP_SERVER_MESSAGE_REASONS = new Set(['ALREADY_ASSIGNED']);

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * An error the admin can show: `message` is an i18n key or a Vietnamese sentence, `code` the API's code,
 * `status` what react-admin's auth check reads. Not a subclass of react-admin's HttpError: that one resets
 * its prototype in its constructor, so `instanceof` on a subclass would never hold.
 */
export class AppError extends Error {
  readonly isAppError = true;
  readonly body: Record<string, unknown>;
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.body = { code, ...details };
  }
}

/** The one place GraphQL and network errors become what the user reads. */
export function toAppError(error: unknown): AppError {
  if ((error as AppError)?.isAppError) return error as AppError;
  const e = error as {
    graphQLErrors?: GraphQLErrorShape[];
    errors?: GraphQLErrorShape[];
    networkError?: { statusCode?: number; result?: { errors?: GraphQLErrorShape[] } } | null;
    body?: unknown;
    message?: string;
  };
  const body = (e?.body ?? {}) as { graphQLErrors?: GraphQLErrorShape[]; networkError?: typeof e.networkError };
  const first =
    e?.graphQLErrors?.[0] ??
    e?.errors?.[0] ??
    body.graphQLErrors?.[0] ??
    e?.networkError?.result?.errors?.[0] ??
    body.networkError?.result?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const reason = first.extensions?.reason;
    const message =
      (typeof reason === 'string' && REASON_KEYS[reason]) ||
      (KEEP_SERVER_MESSAGE.has(code) || (typeof reason === 'string' && KEEP_SERVER_MESSAGE_REASONS.has(reason))
        ? first.message
        : (MESSAGE_KEYS[code] ?? first.message));
    const { code: _code, ...details } = first.extensions ?? {};
    return new AppError(message, code, HTTP_STATUS[code] ?? 500, details);
  }
  const status = (e as { status?: number })?.status ?? e?.networkError?.statusCode;
  if (status === 401) return new AppError(MESSAGE_KEYS.UNAUTHENTICATED, 'UNAUTHENTICATED', 401);
  return new AppError(MESSAGE_KEYS.NETWORK, 'NETWORK', status ?? 0);
}

export const isConflict = (error: unknown) => (error as AppError)?.code === 'CONFLICT';
