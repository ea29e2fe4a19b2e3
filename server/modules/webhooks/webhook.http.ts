import http from 'node:http';
import https from 'node:https';
import { UnsafeUrlError, assertPublicUrl, guardedLookup } from './url-guard.js';

export interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The URL may not be called at all: retrying cannot help. */
  refused: boolean;
}

/**
 * POSTs one JSON body. The connection goes through a lookup that refuses private addresses (DNS
 * rebinding), redirects are not followed, and the response body is drained but not kept.
 */
export async function postWebhook(
  rawUrl: string, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostOutcome> {
  const started = Date.now();
  let url: URL;
  try {
    url = await assertPublicUrl(rawUrl, options.allowPrivate);
  } catch (error) {
    return { statusCode: null, error: (error as Error).message, durationMs: Date.now() - started, refused: error instanceof UnsafeUrlError };
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const done = (statusCode: number | null, error: string | null, refused = false) =>
      resolve({ statusCode, error, durationMs: Date.now() - started, refused });
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'TienDo-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
        lookup: guardedLookup(options.allowPrivate) as never,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? null, null));
        response.on('error', (error) => done(response.statusCode ?? null, error.message));
      },
    );
    request.on('error', (error) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      done(null, timedOut ? `Hết thời gian chờ (${options.timeoutMs} ms)` : error.message, error instanceof UnsafeUrlError);
    });
    request.end(body);
  });
}
