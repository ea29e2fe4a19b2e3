/**
 * Latency and memory of the queries the offices and the dashboard run most, on a scratch copy of the
 * seeded plan. Prints a table; asserts nothing (timings belong here, not in tests).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { silentLogger } from '../../server/shared/logger.js';
import { cleanQueuePrefix } from '../helpers/redis.js';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const database = `tiendo_bench_${randomBytes(4).toString('hex')}`;
await withAdmin((client) => client.query(`create database "${database}"`));
try {
  await run();
} finally {
  await withAdmin((client) => dropDatabase(client, database));
}

async function run() {
  const config = loadConfig({ NODE_ENV: 'test', QUEUE_PREFIX: `tiendo-bench-${database}`, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  const app = await createApp({ config, databaseUrl: databaseUrl(database), logger: silentLogger });
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  const token = (await gql('mutation { login(username: "phochutich", password: "tiendo-demo") { token } }')).login.token as string;
  const planId = (await gql('{ plans(first: 5) { edges { node { id code } } } }', {}, token)).plans.edges.find(
    (e: any) => e.node.code === 'HT-CDS-TTKDTM-2022',
  ).node.id;

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['planProgress (dashboard)', 'query($p: ID!) { planProgress(planId: $p) { overall { completionRate overdueRate } byUnit { unit { code } figures { overdue } } byTask { task { number } figures { total } } } }', { p: planId }],
    ['assignments, 100 nested rows', '{ assignments(first: 100) { totalCount edges { node { id status deadlineClass unit { code } task { number } history(last: 3) { action actorName } } } } }', {}],
    ['allAssignments, react-admin page', '{ allAssignments(page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") { id status unit { name } task { number } } _allAssignmentsMeta { count } }', {}],
    ['overdue filter', 'query($p: ID) { assignments(first: 50, filter: { planId: $p, deadlineClass: OVERDUE }) { totalCount } }', { p: planId }],
    ['targets with current values', 'query($p: ID!) { Plan(id: $p) { targets { code current { valuePercent met } } } }', { p: planId }],
  ];

  function percentile(sorted: number[], p: number) {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  }

  const rows: string[][] = [];
  for (const [name, query, variables] of cases) {
    await gql(query, variables, token);
    const times: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ITERATIONS) {
          next++;
          const t0 = performance.now();
          await gql(query, variables, token);
          times.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    rows.push([name, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), (ITERATIONS / elapsed).toFixed(0)]);
  }
  const memory = process.memoryUsage();

  console.log(`\n${ITERATIONS} requests per query, ${CONCURRENCY} at a time (API, database and client in one process)\n`);
  console.log(['query', 'p50 ms', 'p95 ms', 'req/s'].join('\t'));
  for (const row of rows) console.log(row.join('\t'));
  console.log(`\nmemory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);

  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await cleanQueuePrefix(config.queuePrefix);
}
