import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { createApp, type App, type Logger } from '../../server/app.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { databaseUrl, dropDatabase, withAdmin } from './db.js';
import { cleanQueuePrefix } from './redis.js';

export const DEMO_PASSWORD = 'tiendo-demo';
export { REDIS_URL } from './redis.js';
import { REDIS_URL } from './redis.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
  headers: Headers;
}

export interface TestServer {
  url: string;
  app: App;
  config: AppConfig;
  database: string;
  /** Every log line and error the server wrote, for tests that check nothing leaks. */
  logs: string[];
  /** Counts SQL statements while enabled; see countQueries. */
  sql: { count: number; enabled: boolean; statements: string[] };
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(username: string, password?: string): Promise<string>;
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
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gql: TestServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: any };
    return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers };
  };

  return {
    url,
    app,
    config,
    database,
    logs,
    sql,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.queues.deadlines.obliterate({ force: true }).catch(() => {});
      await app.close();
      await cleanQueuePrefix(config.queuePrefix);
      await withAdmin((client) => dropDatabase(client, database));
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}
