import type { Redis } from 'ioredis';

/**
 * Every API process hears, through one Redis channel, which users have new or changed notifications,
 * and pushes the news to the subscriptions it holds. Writers (API requests, the worker's sweeps)
 * publish after their transaction commits, so a subscriber never sees a notification that is rolled back.
 */
export function notificationChannel(prefix: string): string {
  return `${prefix}:notifications`;
}

export interface NotificationsChanged {
  userIds: string[];
}

/** Best effort: live delivery is a convenience, the inbox is the record; a Redis outage loses nothing. */
export async function publishNotificationsChanged(redis: Redis, prefix: string, userIds: Iterable<string>): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  const message: NotificationsChanged = { userIds: unique };
  await redis.publish(notificationChannel(prefix), JSON.stringify(message)).catch(() => undefined);
}
