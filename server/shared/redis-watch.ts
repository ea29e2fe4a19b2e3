import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export interface RedisWatchOptions {
  /** While Redis stays away, at most one line per this many milliseconds. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * Reports a Redis connection's outages as a few lines instead of a flood. ioredis emits an error on
 * every reconnection attempt (several a second per connection); an operator needs to read that Redis
 * went away, that it is still away now and then, and when it came back.
 */
export function watchRedis(client: Pick<Redis, 'on'>, name: string, logger: Logger, options: RedisWatchOptions = {}): void {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let downSince: number | null = null;
  let lastReport = 0;
  let suppressed = 0;

  client.on('error', (error: Error) => {
    const at = now();
    if (downSince === null) {
      downSince = at;
      lastReport = at;
      suppressed = 0;
      logger.error(`Redis (${name}) không kết nối được; đang thử lại`, { error: error.message });
      return;
    }
    if (at - lastReport >= intervalMs) {
      logger.error(`Redis (${name}) vẫn chưa kết nối được sau ${Math.round((at - downSince) / 1000)} s`, {
        error: error.message,
        errorsSinceLastReport: suppressed + 1,
      });
      lastReport = at;
      suppressed = 0;
    } else {
      suppressed += 1;
    }
  });
  client.on('ready', () => {
    if (downSince === null) return;
    logger.info(`Redis (${name}) đã kết nối lại sau ${Math.round((now() - downSince) / 1000)} s`);
    downSince = null;
  });
}

/** An error line that repeats is written once per interval, with how often it happened meanwhile. */
export function throttled(logger: Logger, intervalMs: number, now: () => number = Date.now): (line: string) => void {
  const last = new Map<string, { at: number; repeats: number }>();
  return (line) => {
    const at = now();
    const seen = last.get(line);
    if (seen && at - seen.at < intervalMs) {
      seen.repeats += 1;
      return;
    }
    logger.error(line, seen?.repeats ? { repeatsSinceLastReport: seen.repeats } : undefined);
    last.set(line, { at, repeats: 0 });
    if (last.size > 100) last.delete(last.keys().next().value!);
  };
}
