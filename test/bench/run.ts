/**
 * npm run bench [-- --scale district|province|nation]   (BENCH_SCALE, BENCH_SECONDS, BENCH_WARMUP_SECONDS)
 *
 * The product against the floor (hand-written SQL over pg) and the peer (PostGraphile v5), each in its
 * own process on the database made by `npm run bench:data`, with autocannon at 10 and 50 connections.
 * Prints one table and writes bench/results/<scale>-<time>.json. Asserts nothing: timings are noisy.
 */
import os from 'node:os';
import pg from 'pg';
import { graphqlClient } from '../helpers/client.js';
import { cleanQueuePrefix } from '../helpers/redis.js';
import { checkAgreement, countStatements } from './agreement.js';
import { runLoad } from './load.js';
import { benchDatabaseUrl, parseScale } from './options.js';
import { printTable, writeResults, type Results, type Row } from './report.js';
import { sampleRss, settle, startServer, type Contestant, type Server } from './servers.js';
import { runSweep } from './sweep.js';
import { loadFixtures, PRODUCT_QUERIES, readCases } from './workloads.js';
import { prepareWrites, runWrites } from './writes.js';

const CONCURRENCIES = [10, 50];
const CONTESTANTS: Contestant[] = ['product', 'floor', 'peer'];
const scale = parseScale();
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const databaseUrl = benchDatabaseUrl(scale);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect().catch((error: unknown) => {
  throw new Error(`cannot open ${databaseUrl} (${String(error)}): run npm run bench:data -- --scale ${scale} first`);
});

const servers = new Map<Contestant, Server>();
const started: Server[] = [];
const results: Results = {
  scale,
  startedAt: new Date().toISOString(),
  secondsPerRun: seconds,
  machine: { cpus: os.cpus().length, node: process.version },
  coldStartMs: {},
  fixtures: undefined,
  rows: [],
  sweep: { ms: null, maxRssMiB: 0 },
  agreement: {},
  aloneMs: {},
};

/**
 * Until the server is idle and the database has no statement left running for it: requests that
 * autocannon abandoned when the clock stopped still run, and would slow down whatever comes next.
 */
async function quiet(s: Server): Promise<void> {
  const deadline = Date.now() + 60_000;
  await settle(s.process.child.pid!, 60_000);
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Still busy after a minute: minutes of abandoned work are queued, so start afresh instead of waiting.
  log(`${s.name} still busy a minute after the run: restarting it`);
  servers.delete(s.name);
  s.process.child.kill('SIGKILL');
  await s.process.exited;
}

/** A contestant that died under load (out of memory, say) is started again for the next run. */
async function server(name: Contestant): Promise<Server> {
  const current = servers.get(name);
  if (current && current.process.child.exitCode === null) return current;
  if (current) log(`${name} exited (${current.process.child.exitCode}); starting it again`);
  const fresh = await startServer(name, databaseUrl);
  started.push(fresh);
  servers.set(name, fresh);
  results.coldStartMs[name] ??= fresh.coldStartMs;
  return fresh;
}

try {
  const fixtures = await loadFixtures(db);
  results.fixtures = { ...fixtures, assignmentIds: fixtures.assignmentIds.length };
  for (const name of CONTESTANTS) {
    const s = await server(name);
    log(`${name} ready in ${s.coldStartMs.toFixed(0)} ms`);
  }
  const product = await server('product');
  const client = graphqlClient(product.baseUrl);
  const tokens = { officer: await client.login(fixtures.myWorkUnit.officer), leader: await client.login('phochutich') };
  // Cheapest first: a workload too heavy for the product leaves work queued that would slow the next.
  const order = ['W3', 'W1', 'W5', 'W2', 'W2-large'];
  const cases = readCases(fixtures, tokens).sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload));
  results.agreement = await checkAgreement(cases, product, await server('floor'), results.aloneMs);
  log(`floor agrees: ${JSON.stringify(results.agreement)}`);

  for (const c of cases) {
    for (const name of CONTESTANTS) {
      const next = c.request[name];
      if (!next) continue;
      const s = await server(name);
      await runLoad({ baseUrl: s.baseUrl, connections: 10, seconds: warmupSeconds, next });
      await quiet(s);
    }
    for (const connections of CONCURRENCIES) {
      const row: Row = { label: c.label, workload: c.workload, concurrency: connections, results: {} };
      // Back to back, so that whatever else the machine is doing hits all three alike.
      for (const name of CONTESTANTS) {
        const next = c.request[name];
        if (!next) continue;
        const s = await server(name);
        const rss = sampleRss(s.process.child.pid!);
        const result = await runLoad({ baseUrl: s.baseUrl, connections, seconds, next });
        await quiet(s);
        row.results[name] = { ...result, maxRssMiB: await rss.stop() };
        log(`${c.workload} @${connections} ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.failed} failed`);
      }
      results.rows.push(row);
    }
  }

  const writes = await prepareWrites(db, (await server('product')).baseUrl);
  log(`W4: ${writes.officers} officers on ${writes.slots.length} assignments`);
  for (const connections of CONCURRENCIES) {
    const s = await server('product');
    const rss = sampleRss(s.process.child.pid!);
    const w = await runWrites(db, s, writes, connections, seconds);
    const { successes, conflicts, otherErrors, historyAdded, versionsAdvanced, unanswered, lostUpdates, ...load } = w;
    results.rows.push({
      label: `W4 progress updates by ${writes.officers} officers`,
      workload: 'W4',
      concurrency: connections,
      results: { product: { ...load, maxRssMiB: await rss.stop() } },
      writes: w,
    });
    log(`W4 @${connections}: ${w.requestsPerSecond.toFixed(0)} req/s, ${successes} ok, ${conflicts} conflicts, lost ${lostUpdates}`);
  }

  // Statements per request from a separate product that logs every statement.
  const logging = await startServer('product', databaseUrl, { LOG_SQL: 'true' });
  started.push(logging);
  const writer = writes.slots[0];
  const statements: Record<string, number | null> = {};
  for (const c of cases) statements[c.workload] = await countStatements(logging, async () => c.request.product!(0));
  statements.W4 = await countStatements(logging, async () => {
    const { rows } = await db.query<{ version: number; progress: number }>(`select version, progress from assignment where id = $1`, [writer.id]);
    const variables = { id: writer.id, v: rows[0].version, p: (rows[0].progress + 1) % 101, note: 'bench statements' };
    return { path: '/graphql', body: JSON.stringify({ query: PRODUCT_QUERIES.w4, variables }), headers: { authorization: `Bearer ${writer.tokens[0]}` } };
  });
  for (const row of results.rows) row.statementsPerRequest = statements[row.workload] ?? null;
  await logging.stop();

  log('deadline sweep');
  results.sweep = await runSweep(databaseUrl);
} finally {
  await Promise.all(started.map((s) => s.stop()));
  for (const s of started) if (s.queuePrefix) await cleanQueuePrefix(s.queuePrefix);
  await db.end();
}

printTable(results);
console.log(`\nfull results: ${await writeResults(results)}`);
