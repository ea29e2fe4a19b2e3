import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One graphql-ws subscription as a program would hold it: results in arrival order, and how it ended. */
export interface LiveSubscription<T> {
  /** The next result, waiting for it if none has arrived yet. */
  next(): Promise<Received<T>>;
  /** Settles when the subscription ends: completed, or the socket closed with a code. */
  ended: Promise<{ completed: true } | { code: number; reason: string } | { error: unknown }>;
  close(): Promise<void>;
}

/**
 * Subscribes over WebSocket to `${baseUrl}/graphql` with graphql-ws, signed in by a Bearer token in the
 * connection parameters, or by any headers given (a session cookie, an Origin) on the upgrade request.
 */
export function subscribe<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): LiveSubscription<T> {
  const results: Received<T>[] = [];
  const waiting: Array<(value: Received<T>) => void> = [];
  const headers = options.headers;
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers });
          }
        }
      : WebSocket,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
  const ended = new Promise<{ completed: true } | { code: number; reason: string } | { error: unknown }>((resolve) => {
    client.subscribe<T>(
      { query },
      {
        next(value) {
          const result = value as Received<T>;
          const wake = waiting.shift();
          if (wake) wake(result);
          else results.push(result);
        },
        error(error) {
          const close = error as { code?: number; reason?: string };
          if (typeof close?.code === 'number') resolve({ code: close.code, reason: close.reason ?? '' });
          else resolve({ error });
        },
        complete() {
          resolve({ completed: true });
        },
      },
    );
  });
  return {
    next() {
      const ready = results.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    ended,
    async close() {
      await client.dispose();
    },
  };
}
