import { useSyncExternalStore } from 'react';
import { createClient, type Client } from 'graphql-ws';
import { gqlRequest } from '../graphql.js';

/** Without a socket, the count is asked for this often. */
const POLL_MS = 60_000;
/** Reconnect waits double from 1 s up to this, with jitter, so a district's offices do not all return at once. */
const MAX_RETRY_WAIT_MS = 60_000;

export interface InboxState {
  unreadCount: number | null;
  /** Whether the count arrives over the socket (otherwise it is polled). */
  live: boolean;
  /** Bumped on every change heard: open lists read again. */
  changes: number;
}

const CHANGED = 'subscription { notificationsChanged { unreadCount } }';

let state: InboxState = { unreadCount: null, live: false, changes: 0 };
const listeners = new Set<() => void>();
let client: Client | null = null;
let stopSubscription: (() => void) | null = null;
let pollTimer: ReturnType<typeof setInterval> | null = null;
let users = 0;

function set(next: Partial<InboxState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** Asks for the count over HTTP: the fallback, and after the user's own changes. */
export async function refreshUnreadCount(): Promise<void> {
  try {
    const data = await gqlRequest<{ unreadCount: number }>('{ unreadCount }');
    set({ unreadCount: data.unreadCount, changes: state.changes + 1 });
  } catch {
    // A slow or broken link: keep the last count, the next poll or event corrects it.
  }
}

function startPolling() {
  if (pollTimer) return;
  void refreshUnreadCount();
  pollTimer = setInterval(() => void refreshUnreadCount(), POLL_MS);
}

function stopPolling() {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
}

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
}

/**
 * The unread count, pushed over one WebSocket (graphql-ws; the session cookie signs it in). While the
 * socket is down the count is polled, and the socket keeps reconnecting with growing waits.
 */
function connect() {
  client = createClient({
    url: socketUrl(),
    lazy: false,
    keepAlive: 30_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const wait = Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries);
      await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * (wait / 2)));
    },
    on: {
      connected: () => {
        stopPolling();
        set({ live: true });
      },
      closed: () => {
        set({ live: false });
        if (users > 0) startPolling();
      },
    },
  });
  // Until the socket answers, the count comes by HTTP.
  startPolling();
  stopSubscription = client.subscribe<{ notificationsChanged: { unreadCount: number } }>(
    { query: CHANGED },
    {
      next: (result) => {
        const count = result.data?.notificationsChanged.unreadCount;
        if (typeof count === 'number') set({ unreadCount: count, changes: state.changes + 1 });
      },
      error: () => {
        set({ live: false });
        startPolling();
      },
      complete: () => undefined,
    },
  );
}

function disconnect() {
  stopSubscription?.();
  stopSubscription = null;
  void client?.dispose();
  client = null;
  stopPolling();
  state = { unreadCount: null, live: false, changes: 0 };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (users++ === 0) connect();
  return () => {
    listeners.delete(listener);
    if (--users === 0) disconnect();
  };
}

export function useInboxState(): InboxState {
  return useSyncExternalStore(subscribe, () => state);
}
