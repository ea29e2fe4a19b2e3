import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { graphqlClient, type GraphQLClient } from './client.js';
import { databaseUrl, dropDatabase, withAdmin } from './db.js';
import { freePort, startProcess, type Started } from './process.js';
import { REDIS_URL, cleanQueuePrefix } from './redis.js';
import { GENEROUS_BUDGETS } from './budget.js';

/** One API process of the real entry point, as a load balancer would see it. */
export interface Replica extends GraphQLClient {
  name: string;
  url: string;
  run: Started;
}

export interface Replicas {
  a: Replica;
  b: Replica;
  /** A direct connection to their database, for setting the scene. */
  db: pg.Client;
  database: string;
  prefix: string;
  close(): Promise<void>;
}

/**
 * Two API processes of `server/main.ts` on one copy of the seeded database and one Redis queue
 * prefix: what several servers behind a load balancer share. `env` adds to or overrides their settings.
 */
export async function startReplicas(
  label: string,
  { runWorker = false, env = {} }: { runWorker?: boolean; env?: Record<string, string> } = {},
): Promise<Replicas> {
  const database = `tiendo_test_${inject('runId')}_${label}_${randomBytes(3).toString('hex')}`;
  const prefix = `tiendo-test-${inject('runId')}-${label}-${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${database}" template "${inject('templateDatabase')}"`));
  const evidenceDir = await mkdtemp(path.join(tmpdir(), `tiendo-${label}-`));

  async function startReplica(name: string): Promise<Replica> {
    const port = await freePort();
    const run = startProcess('server/main.ts', {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(database),
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      EVIDENCE_DIR: evidenceDir,
      RUN_WORKER: String(runWorker),
      SEED: 'false',
      // The tests sweep the days they choose.
      SWEEP_ON_START: 'false',
      ...GENEROUS_BUDGETS,
      ...env,
    });
    await run.waitFor(/Tiến độ đang chạy/);
    const url = `http://127.0.0.1:${port}`;
    return { name, url, run, ...graphqlClient(url) };
  }

  async function stop(replica: Replica) {
    if (replica.run.child.exitCode !== null) return;
    replica.run.child.kill('SIGTERM');
    await replica.run.exited;
  }

  const [a, b] = await Promise.all([startReplica('A'), startReplica('B')]);
  const db = new pg.Client({ connectionString: databaseUrl(database) });
  await db.connect();
  return {
    a,
    b,
    db,
    database,
    prefix,
    async close() {
      await db.end();
      await Promise.all([stop(a), stop(b)]);
      await withAdmin((client) => dropDatabase(client, database));
      await cleanQueuePrefix(prefix);
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}
