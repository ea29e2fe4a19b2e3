/**
 * The three contestants, each a separate process on the project's Node: the product (its bundle),
 * the floor (hand-written SQL) and the peer (PostGraphile). Cold start and resident memory come from here.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { GENEROUS_BUDGETS } from '../helpers/budget.js';

export type Contestant = 'product' | 'floor' | 'peer';

export interface Server {
  name: Contestant;
  baseUrl: string;
  process: Started;
  coldStartMs: number;
  queuePrefix?: string;
  stop(): Promise<void>;
}

const ENTRIES: Record<Contestant, string> = {
  // What `npm start` and the Docker image run; `npm run bench` builds it first.
  product: 'dist/server/main.js',
  floor: 'test/bench/floor-server.ts',
  peer: 'test/bench/peer-server.ts',
};

/**
 * Starts a contestant and waits until it is ready (the product's /readyz checks the database and Redis).
 * The product runs in production mode, like the peer; it seeds nothing and runs no worker, as an
 * API-only replica would.
 */
export async function startServer(name: Contestant, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const queuePrefix = `tiendo-bench-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> =
    name === 'product'
      ? {
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          NODE_ENV: 'production',
          SEED: 'false',
          RUN_WORKER: 'false',
          QUEUE_PREFIX: queuePrefix,
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          // The load comes from one address and a few accounts, at rates no budget is meant to allow.
          ...GENEROUS_BUDGETS,
          ...extraEnv,
        }
      : { DATABASE_URL: databaseUrl, PORT: String(port), GRAPHILE_ENV: 'production', ...extraEnv };
  const started = performance.now();
  const child = startProcess(ENTRIES[name], env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await isReady(name, baseUrl))) {
    if (child.child.exitCode !== null) throw new Error(`${name} exited (${child.child.exitCode}):\n${child.output()}`);
    if (Date.now() > deadline) {
      child.child.kill('SIGKILL');
      throw new Error(`${name} not ready after 120 s:\n${child.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const coldStartMs = performance.now() - started;
  return {
    name,
    baseUrl,
    process: child,
    coldStartMs,
    queuePrefix: name === 'product' ? queuePrefix : undefined,
    async stop() {
      if (child.child.exitCode === null) child.child.kill('SIGTERM');
      const timer = setTimeout(() => child.child.exitCode === null && child.child.kill('SIGKILL'), 10_000);
      await child.exited;
      clearTimeout(timer);
    },
  };
}

/** PostGraphile has no readiness route: its first answered query is the moment it is ready. */
function isReady(name: Contestant, baseUrl: string): Promise<boolean> {
  const probe =
    name === 'peer'
      ? fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })
      : fetch(`${baseUrl}/readyz`);
  return probe.then((r) => r.status === 200, () => false);
}

/** Resident set size of a process in MiB (VmRSS), or null once it has exited. */
export async function rssMiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Waits until a process has (nearly) stopped using CPU. A run that ends with requests still queued in
 * the server would otherwise slow the next contestant's run down, or the same server's next workload.
 */
export async function settle(pid: number, timeoutMs = 120_000): Promise<void> {
  const cpuTicks = async () => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) return null;
    // Fields after the command name: state is the 3rd field, utime the 14th and stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  let last = await cpuTicks();
  const deadline = Date.now() + timeoutMs;
  while (last !== null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await cpuTicks();
    // Below about a tenth of a core (clock ticks are 10 ms).
    if (now === null || now - last <= 3) return;
    last = now;
  }
}

/** Samples a process's RSS every 100 ms until stopped; resolves to the largest value seen. */
export function sampleRss(pid: number): { stop(): Promise<number> } {
  let max = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await rssMiB(pid);
      if (rss !== null) max = Math.max(max, rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return max;
    },
  };
}
