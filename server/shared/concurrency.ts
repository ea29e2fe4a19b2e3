/**
 * At most `limit` of some work at once in this process; the rest wait their turn in order. For reads
 * whose answer is large whatever the request (a whole plan's figures by unit), so that fifty at once
 * cost the memory of a few, not of fifty.
 */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
