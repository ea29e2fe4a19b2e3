import { LRUCache } from 'lru-cache';
import type { Viewer } from './policy.js';

/** What a request needs from its session or API token; nothing else is kept. */
export interface CachedCredential {
  viewer: Viewer;
  /** The credential's own end (the session's or the token's expiresAt), epoch ms: a cached copy never outlives it. */
  expiresAt: number;
  /** API tokens only: when last-used was last written, so the once-a-minute write goes on while the cache answers. */
  lastUsedAt?: number;
}

/** Ends every credential acting as an id — a user's sessions or one API token — in every API process. */
export interface CredentialInvalidator {
  invalidate(id: string): Promise<void>;
}

export interface Credentials extends CredentialInvalidator {
  readonly cache: CredentialCache;
}

/**
 * A few seconds of memory of credential lookups, so that a request does not read its session and user
 * from PostgreSQL each time. Keyed by the token's SHA-256, like the session table.
 *
 * It answers only while it hears invalidations (see CredentialBus): switched off, it is empty and every
 * request reads the database. Each invalidation, and each switch on or off, moves `stamp`; a lookup
 * read from the database is kept only if the stamp did not move while it was read, so a read that
 * overlapped a logout cannot put the ended session back.
 */
export class CredentialCache {
  private readonly entries: LRUCache<string, CachedCredential>;
  private stamp = 0;
  private listening = false;

  constructor(
    private readonly ttlMs: number,
    max = 10_000,
  ) {
    this.entries = new LRUCache({ max, ttl: Math.max(ttlMs, 1) });
  }

  get enabled(): boolean {
    return this.listening && this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): CachedCredential | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Taken before a database read and handed back to `set`. */
  version(): number {
    return this.stamp;
  }

  set(key: string, entry: CachedCredential, version: number, now = Date.now()): void {
    const left = entry.expiresAt - now;
    if (!this.enabled || version !== this.stamp || left <= 0) return;
    this.entries.set(key, entry, { ttl: Math.min(this.ttlMs, left) });
  }

  /** Forgets every credential acting as this id: a user's sessions, or an API token. */
  evict(id: string): void {
    this.stamp++;
    const keys = [...this.entries.entries()].filter(([, entry]) => entry.viewer.id === id).map(([key]) => key);
    for (const key of keys) this.entries.delete(key);
  }

  /** Invalidations can be heard (again): cache from now on, starting empty. */
  enable(): void {
    this.stamp++;
    this.entries.clear();
    this.listening = true;
  }

  /** Invalidations may be missed from now on: forget everything and read the database for each request. */
  disable(): void {
    this.stamp++;
    this.entries.clear();
    this.listening = false;
  }
}
