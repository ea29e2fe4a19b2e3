import { Redis } from 'ioredis';
import type { CredentialCache, Credentials } from './credential-cache.js';
import { watchRedis } from '../shared/redis-watch.js';
import type { Logger } from '../shared/logger.js';

type BusLogger = Logger;

/**
 * Tells every API process that credentials ended: logout, a user disabled or given a new role, unit or
 * password (their sessions are deleted), an API token revoked. Published on Redis after the database
 * commit; each process drops its cached copies and reads the database on the next request.
 *
 * The cache is used only while the subscription is up: when the subscriber's connection drops, the
 * cache is emptied and switched off until it has subscribed again, so a message sent meanwhile is
 * never needed. Worst case: a message lost while a subscriber still believes it is connected (a
 * half-open TCP connection), or a publish that fails after the commit while the subscribers are fine.
 * The ended credential then keeps working in the other processes for at most the cache TTL
 * (CREDENTIAL_CACHE_SECONDS, 30 s by default), and never past its own expiry. The process that made
 * the change drops its copies itself, before publishing.
 */
export class CredentialBus implements Credentials {
  readonly channel: string;
  private readonly subscriber: Redis;
  private subscribed: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly cache: CredentialCache,
    /** The producer connection: it fails fast instead of queueing while Redis is away. */
    private readonly publisher: Redis,
    redisUrl: string,
    prefix: string,
    private readonly logger: BusLogger,
  ) {
    this.channel = `${prefix}:credentials:ended`;
    // Subscribing again is done by hand on every 'ready', so the cache is switched on only once it is certain.
    this.subscriber = new Redis(redisUrl, { lazyConnect: true, autoResubscribe: false, maxRetriesPerRequest: null });
    watchRedis(this.subscriber, 'credential subscriber', logger);
    this.subscriber.on('close', () => this.cache.disable());
    this.subscriber.on('ready', () => {
      this.subscribed = this.subscribe();
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.received(message);
    });
  }

  /** Resolves once subscribed, or once it is clear that it cannot be yet (the cache then stays off). */
  async start(): Promise<void> {
    try {
      await this.subscriber.connect();
      await this.subscribed;
    } catch (error) {
      this.logger.error('redis credential subscriber', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  async invalidate(id: string): Promise<void> {
    this.cache.evict(id);
    try {
      await this.publisher.publish(this.channel, JSON.stringify({ id }));
    } catch (error) {
      this.logger.error('credential invalidation not published', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  close(): void {
    this.closed = true;
    this.cache.disable();
    this.subscriber.disconnect();
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
      if (!this.closed && this.subscriber.status === 'ready') this.cache.enable();
    } catch (error) {
      this.logger.error('redis credential subscriber', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private received(message: string): void {
    let id: unknown;
    try {
      id = (JSON.parse(message) as { id?: unknown }).id;
    } catch {
      id = undefined;
    }
    if (typeof id === 'string') {
      this.cache.evict(id);
    } else {
      // Unreadable: forget everything rather than guess.
      this.cache.disable();
      this.cache.enable();
    }
  }
}
