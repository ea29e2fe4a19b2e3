/**
 * One deadline sweep in a process of its own, so its memory is its own: the first run of a day, then
 * the same day again (which must create nothing, and costs what a retried job costs). What the sweep
 * wrote is deleted afterwards, so the next run sweeps the same database and does the same work (the
 * job commits its own transaction, so no rollback of ours could undo it). Prints one JSON line.
 * Env: DATABASE_URL, REDIS_URL (live notifications, best effort), SWEEP_AS_OF (default today).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../server/config.js';
import { createOrmConfig } from '../../server/db/mikro-orm.config.js';
import { silentLogger } from '../../server/shared/logger.js';
import { producerConnection } from '../../jobs/connection.js';
import { createQueues } from '../../jobs/queues.js';
import { runDeadlineScan, type DeadlineScanResult } from '../../jobs/deadline-scan/deadline-scan.job.js';

const config = loadConfig({ ...process.env, NODE_ENV: 'production' });
const orm = await MikroORM.init(createOrmConfig({ clientUrl: process.env.DATABASE_URL! }));
const redis = producerConnection(config.redisUrl);
redis.on('error', () => {});
const queues = createQueues(redis, config.queuePrefix);
const connection = orm.em.getConnection();
const [{ now }] = await connection.execute<Array<{ now: string }>>(`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`);
const [{ open }] = await connection.execute<Array<{ open: number }>>(
  `select count(*)::int as open from assignment where status in ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'SUBMITTED')`,
);

async function timed() {
  const started = performance.now();
  try {
    const result = await runDeadlineScan(
      { em: orm.em.fork(), config, redis, queues, log: silentLogger },
      { asOf: process.env.SWEEP_AS_OF || undefined, now },
    );
    return { ms: performance.now() - started, result };
  } catch (e) {
    return { ms: performance.now() - started, error: e instanceof Error ? e.message.slice(0, 300) : String(e) };
  }
}

let first: { ms: number; result?: DeadlineScanResult; error?: string } | undefined;
let again: typeof first;
try {
  first = await timed();
  again = await timed();
  console.log(JSON.stringify({ sweep: { open, ...first, again: { ms: again.ms, result: again.result, error: again.error } } }));
} finally {
  await connection.execute('delete from notification where created_at >= ?', [now]);
  // The letters' and escalations' foreign keys are checked against the inbox row by row: without its
  // dead rows gone, each check would read the whole table hundreds of thousands of times.
  await connection.execute('vacuum notification');
  for (const table of ['outbox_email', 'urging_letter', 'escalation']) {
    await connection.execute(`delete from ${table} where created_at >= ?`, [now]);
  }
  await queues.close();
  redis.disconnect();
  await orm.close();
}
