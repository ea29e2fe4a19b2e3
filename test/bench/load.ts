/** One timed run of autocannon against one server: a request body per call, the answers checked. */
import autocannon from 'autocannon';

export interface Request {
  path: string;
  body: string;
  headers?: Record<string, string>;
  /** Handed back with the answer: what the request was about. */
  tag?: unknown;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and answers carrying GraphQL `errors`. */
  failed: number;
  firstFailure?: string;
}

/**
 * `next(n)` builds the n-th request, so each one can name a different id or officer; `onAnswer` sees
 * every answer (W4 counts successes and conflicts there).
 */
export async function runLoad(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  next: (n: number) => Request;
  onAnswer?: (status: number, body: string, request: Request) => void;
}): Promise<LoadResult> {
  let n = 0;
  let failedAnswers = 0;
  let firstFailure: string | undefined;
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    // Big plans take seconds per request under load: count slow answers, don't drop them.
    timeout: 120,
    requests: [
      {
        method: 'POST',
        // One request in flight per connection, so the connection's context pairs an answer with its request.
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          const r = options.next(n++);
          context.request = r;
          return { ...request, path: r.path, body: r.body, headers: { 'content-type': 'application/json', ...r.headers } };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          options.onAnswer?.(status, body, context.request as Request);
          if (status >= 300 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
            failedAnswers++;
            firstFailure ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const result = await instance;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: failedAnswers + result.errors + result.timeouts,
    firstFailure,
  };
}
