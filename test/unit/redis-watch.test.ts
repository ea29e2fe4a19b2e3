import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { throttled, watchRedis } from '../../server/shared/redis-watch.js';

function recorder() {
  const lines: string[] = [];
  return { lines, logger: { info: (line: string) => lines.push(`info ${line}`), error: (line: string, meta?: object) => lines.push(`error ${line} ${JSON.stringify(meta ?? {})}`) } };
}

describe('Redis outages in the log', () => {
  it('says a connection went away once, again once a minute while it stays away, and when it is back', () => {
    const { lines, logger } = recorder();
    const client = new EventEmitter();
    let now = 0;
    watchRedis(client as never, 'api', logger, { intervalMs: 60_000, now: () => now });
    // Reconnection attempts every 50 ms for two and a half minutes.
    for (now = 0; now < 150_000; now += 50) client.emit('error', new Error('connect ECONNREFUSED'));
    client.emit('ready');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^error Redis \(api\) không kết nối được/);
    expect(lines[1]).toMatch(/vẫn chưa kết nối được sau 60 s.*"errorsSinceLastReport":1200/);
    expect(lines[2]).toMatch(/sau 120 s/);
    expect(lines[3]).toBe('info Redis (api) đã kết nối lại sau 150 s');
    // A new outage is reported afresh.
    client.emit('error', new Error('connect ECONNREFUSED'));
    expect(lines).toHaveLength(5);
  });

  it('writes a repeated error line once per interval with how often it repeated', () => {
    const { lines, logger } = recorder();
    let now = 0;
    const report = throttled(logger, 1000, () => now);
    for (now = 0; now < 2500; now += 100) report('worker deadlines: boom');
    report('another');
    expect(lines).toEqual([
      'error worker deadlines: boom {}',
      'error worker deadlines: boom {"repeatsSinceLastReport":9}',
      'error worker deadlines: boom {"repeatsSinceLastReport":9}',
      'error another {}',
    ]);
  });
});
