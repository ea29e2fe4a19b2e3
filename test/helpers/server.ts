import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import type { Logger } from '../../server/shared/logger.js';
import { databaseUrl, dropDatabase, withAdmin } from './db.js';
import { REDIS_URL, cleanQueuePrefix } from './redis.js';
import { graphqlClient, type GraphQLClient } from './client.js';
import { GENEROUS_BUDGETS } from './budget.js';

export { DEMO_PASSWORD, type GraphQLResponse } from './client.js';
export { REDIS_URL };

export interface TestServer extends GraphQLClient {
  url: string;
  app: App;
  config: AppConfig;
  database: string;
  /** Every log line and error the server wrote, for tests that check nothing leaks. */
  logs: string[];
  /** Counts SQL statements while enabled; see countQueries. */
  sql: { count: number; enabled: boolean; statements: string[] };
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
  close(): Promise<void>;
}

let serial = 0;

/** A real API on an ephemeral port, over its own copy of the seeded database and its own queue prefix. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const runId = inject('runId');
  const database = `tiendo_test_${runId}_${process.pid}_${++serial}`;
  await withAdmin((client) => client.query(`create database "${database}" template "${inject('templateDatabase')}"`));

  // Each server keeps its evidence files in a folder of its own, removed on close.
  const evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-evidence-'));
  const config = loadConfig({
    EVIDENCE_DIR: evidenceDir,
    NODE_ENV: 'test',
    PORT: '0',
    REDIS_URL,
    QUEUE_PREFIX: `tiendo-test-${runId}-${randomBytes(4).toString('hex')}`,
    SEED: 'false',
    ...GENEROUS_BUDGETS,
    ...env,
  });
  const logs: string[] = [];
  const logger: Logger = {
    info: (line) => logs.push(line),
    error: (message, meta) => logs.push(`${message} ${JSON.stringify(meta ?? {})}`),
  };
  const sql = { count: 0, enabled: false, statements: [] as string[] };
  const app = await createApp({
    config,
    databaseUrl: databaseUrl(database),
    logger,
    onQuery: (line) => {
      if (!sql.enabled) return;
      sql.count++;
      sql.statements.push(line);
    },
  });
  const server: Server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const subscriptions = app.attachSubscriptions(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { gql, login } = graphqlClient(url);

  return {
    url,
    app,
    config,
    database,
    logs,
    sql,
    gql,
    login,
    async countQueries(fn) {
      sql.count = 0;
      sql.statements = [];
      sql.enabled = true;
      try {
        const result = await fn();
        return { result, count: sql.count, statements: [...sql.statements] };
      } finally {
        sql.enabled = false;
      }
    },
    async close() {
      await subscriptions.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.queues.deadlines.obliterate({ force: true }).catch(() => {});
      await app.close();
      await cleanQueuePrefix(config.queuePrefix);
      await withAdmin((client) => dropDatabase(client, database));
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}
