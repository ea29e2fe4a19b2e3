import { Redis, type RedisOptions } from 'ioredis';

export class RedisUnavailableError extends Error {
  constructor(url: string) {
    const where = new URL(url);
    super(
      `Không kết nối được Redis tại ${where.host} (REDIS_URL). Cài redis-server (apt-get install redis-server), ` +
        `chạy "docker compose up -d redis", hoặc đặt REDIS_URL trỏ tới một Redis đang chạy.`,
    );
  }
}

/** Producers fail fast instead of queueing commands while Redis is away (BullMQ going-to-production). */
export function producerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}

/** Workers block on Redis and must retry forever: BullMQ requires maxRetriesPerRequest null. */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** One PING with no retries, so start-up can stop with a clear message rather than hang or dump a stack. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const options: RedisOptions = {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  };
  const client = new Redis(url, options);
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw new RedisUnavailableError(url);
  } finally {
    client.disconnect();
  }
}
