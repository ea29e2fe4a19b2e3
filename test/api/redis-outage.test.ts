import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { QueueName } from '../../jobs/registry.js';
import type { Logger } from '../../server/shared/logger.js';
import { planId } from '../helpers/queries.js';

let redis: OwnRedis;
let server: TestServer;
let workers: Workers;

beforeAll(async () => {
  redis = await startOwnRedis();
  server = await startTestServer({ REDIS_URL: redis.url });
  const logger: Logger = {
    info: (line) => server.logs.push(line),
    error: (message, meta) => server.logs.push(`${message} ${JSON.stringify(meta ?? {})}`),
  };
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger });
});
afterAll(async () => {
  await workers?.close();
  await server?.close();
  await redis?.close();
});

const readiness = async () => {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const redisLines = () => server.logs.filter((line) => line.includes('Redis'));

describe('Redis goes away and comes back', { timeout: 120_000 }, () => {
  it('the API keeps answering, /readyz says so, the log says it once, and queued work resumes', async () => {
    const token = await server.login('phochutich');
    const plan = await planId(server, token);
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ok', redis: 'ok' } });

    await redis.stop(true);
    const down = await until(readiness, (r) => r.status === 503);
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'ok', redis: 'unavailable' } });

    // Reading and signing in go on: they need PostgreSQL, not Redis.
    const read = await server.gql(`query($id: ID!) { Plan(id: $id) { code } }`, { id: plan }, token);
    expect(read.errors).toBeUndefined();
    expect(read.data!.Plan.code).toBe('HT-CDS-TTKDTM-2022');
    const again = await server.gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'gddt', p: 'tiendo-demo' },
    );
    expect(again.data?.login.token).toBeTruthy();

    // Several seconds of reconnection attempts by every connection (each retries several times a second).
    await new Promise((r) => setTimeout(r, 4000));
    const outageLines = redisLines();
    const connections = new Set(outageLines.map((line) => /Redis \(([^)]+)\)/.exec(line)?.[1]));
    expect(outageLines.length).toBeGreaterThan(0);
    // One line per connection when it went away, nothing more within the minute.
    expect(outageLines.length).toBe(connections.size);
    expect(server.logs.filter((line) => line.startsWith('worker ')).length).toBeLessThanOrEqual(Object.values(QueueName).length);
    expect(server.logs.filter((line) => line.startsWith('queue ')).length).toBeLessThanOrEqual(2 * Object.values(QueueName).length);

    await redis.start();
    expect(await until(readiness, (r) => r.status === 200)).toMatchObject({ status: 200, body: { redis: 'ok' } });
    await until(async () => redisLines().filter((line) => line.includes('kết nối lại')).length, (n) => n >= connections.size);
    expect(redisLines().filter((line) => line.includes('kết nối lại')).length).toBeGreaterThanOrEqual(1);

    // Work resumes: a job enqueued now is done by the worker that lived through the outage.
    const events = new QueueEvents(QueueName.DEADLINES, { connection: { url: redis.url } as never, prefix: server.config.queuePrefix });
    try {
      await events.waitUntilReady();
      const job = await server.app.queues.deadlines.add('deadline-scan', { asOf: '2026-11-29' });
      // Taken up by the worker (the attempt's outcome is the sweep's own business, tested elsewhere).
      const taken = await until(async () => (await server.app.queues.deadlines.getJob(job.id!))!, (j) => j.attemptsMade > 0 || j.finishedOn !== undefined, 30_000);
      expect(taken.attemptsMade + (taken.finishedOn ? 1 : 0)).toBeGreaterThan(0);
    } finally {
      await events.close();
    }
  });
});
