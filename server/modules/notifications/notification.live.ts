import { Redis } from 'ioredis';
import type { Context } from '../../context.js';
import { badInput } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { watchRedis } from '../../shared/redis-watch.js';
import { notificationChannel, type NotificationsChanged } from './notification.events.js';
import type { InboxSummary } from './notification.service.js';

/** What a WebSocket subscription adds to its context. */
export interface LiveContext {
  hub: NotificationHub;
  /**
   * A new unit of work, loaders and services for the next event, and the credential checked again:
   * a subscription lives for hours, one entity manager or DataLoader cache for all of it would serve
   * stale rows and grow without end.
   */
  renew(): Promise<void>;
  /** Closes the connection, e.g. when the session it was opened with has ended. */
  end(code: number, reason: string): void;
}

type Wake = () => void;
const DONE = { done: true, value: undefined } as const;

/**
 * The subscriptions of one API process, keyed by user, fed by one Redis channel that every API
 * process and the worker publish to after their commits. A message carries only user ids: each
 * process reads the inbox of the users it holds, so no notification text travels through Redis.
 */
export class NotificationHub {
  private readonly listeners = new Map<string, Set<Wake>>();
  private readonly subscriber: Redis;
  private readonly channel: string;
  private connectedOnce = false;

  constructor(redisUrl: string, prefix: string, private readonly logger: Logger) {
    const channel = notificationChannel(prefix);
    // A connection of its own: a Redis connection in subscriber mode can do nothing else.
    this.subscriber = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    watchRedis(this.subscriber, 'notification subscriber', logger);
    this.subscriber.on('message', (from: string, message: string) => {
      if (from === channel) this.received(message);
    });
    this.subscriber.on('ready', () => {
      // Messages published while the connection was down are lost: everyone listening here reads again.
      if (this.connectedOnce) this.wakeAll();
      this.connectedOnce = true;
    });
    this.channel = channel;
  }

  /** Resolves once subscribed; a Redis outage at start is logged, and ioredis keeps trying. */
  async start(): Promise<void> {
    try {
      await this.subscriber.connect();
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      this.logger.error('redis notification subscriber', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Subscriptions held by this process (for tests and health). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /**
   * Ticks once at once (the current state) and then whenever the user's inbox changes. Changes that
   * arrive while the previous tick is still being handled are merged into one.
   */
  watch(userId: string): AsyncIterableIterator<true> {
    let pending = true;
    let closed = false;
    let wake: Wake | null = null;
    const onChange: Wake = () => {
      pending = true;
      wake?.();
    };
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(onChange);
    const stop = () => {
      if (closed) return;
      closed = true;
      const own = this.listeners.get(userId);
      own?.delete(onChange);
      if (own && !own.size) this.listeners.delete(userId);
      wake?.();
    };
    const iterator: AsyncIterableIterator<true> = {
      async next() {
        while (!closed && !pending) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (closed) return DONE;
        pending = false;
        return { done: false, value: true };
      },
      async return() {
        stop();
        return DONE;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  close(): void {
    this.wakeAll();
    this.listeners.clear();
    this.subscriber.disconnect();
  }

  private wakeAll() {
    for (const set of this.listeners.values()) for (const wake of set) wake();
  }

  private received(message: string) {
    let userIds: unknown;
    try {
      userIds = (JSON.parse(message) as Partial<NotificationsChanged>).userIds;
    } catch {
      userIds = undefined;
    }
    if (!Array.isArray(userIds)) return;
    for (const id of userIds) {
      if (typeof id === 'string') for (const wake of this.listeners.get(id) ?? []) wake();
    }
  }
}

/**
 * The signed-in user's inbox as a stream of summaries. Written as a plain iterator, not an async
 * generator: a generator waiting for the next change cannot be stopped until that change comes, so a
 * client that unsubscribes would leave its listener behind until then.
 */
export function liveInbox(ctx: Context): AsyncIterableIterator<InboxSummary> {
  const live = ctx.live;
  if (!live) throw badInput('Theo dõi thông báo chỉ qua WebSocket (giao thức graphql-ws) tại /graphql.');
  const watch = live.hub.watch(ctx.services.notifications.inboxOwner());
  const iterator: AsyncIterableIterator<InboxSummary> = {
    async next() {
      const tick = await watch.next();
      if (tick.done) return DONE;
      await live.renew();
      if (!ctx.viewer) {
        await watch.return!();
        live.end(4401, 'Phiên đăng nhập đã kết thúc.');
        return DONE;
      }
      return { done: false, value: await ctx.services.notifications.summary() };
    },
    async return() {
      await watch.return!();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
