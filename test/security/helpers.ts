import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';
import { freePort, startProcess } from '../helpers/process.js';
import { REDIS_URL, cleanQueuePrefix } from '../helpers/redis.js';
import { graphqlClient, type GraphQLClient, type GraphQLResponse } from '../helpers/client.js';
import { GENEROUS_BUDGETS } from '../helpers/budget.js';
import type { TestServer } from '../helpers/server.js';

export const code = (res: Pick<GraphQLResponse, 'errors'>) => res.errors?.[0]?.extensions?.code;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A direct connection to the test server's own database, for what the API must not be able to do. */
export async function connectDb(server: TestServer): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(server.database) });
  await client.connect();
  return client;
}

export async function unitId(server: Pick<TestServer, 'gql'>, token: string, code: string): Promise<string> {
  const res = await server.gql<{ allUnits: Array<{ id: string; code: string }> }>(
    'query($q: String) { allUnits(filter: { q: $q }) { id code } }',
    { q: code },
    token,
  );
  const unit = res.data?.allUnits.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}: ${JSON.stringify(res.errors)}`);
  return unit.id;
}

export const CREATE_TOKEN = `mutation($name: String!, $unitId: ID!, $scope: ApiTokenScope!, $expiresAt: DateTimeISO) {
  createApiToken(name: $name, unitId: $unitId, scope: $scope, expiresAt: $expiresAt) {
    id name prefix scope secret expiresAt lastUsedAt revokedAt active unitId unit { code } createdByUsername
  }
}`;

export async function createToken(server: Pick<TestServer, 'gql'>, adminToken: string, unitCode: string, scope: 'READ' | 'READ_WRITE') {
  const res = await server.gql<{ createApiToken: { id: string; secret: string } }>(
    CREATE_TOKEN,
    { name: `Tích hợp ${unitCode} ${scope}`, unitId: await unitId(server, adminToken, unitCode), scope },
    adminToken,
  );
  if (!res.data?.createApiToken) throw new Error(`createApiToken failed: ${JSON.stringify(res.errors)}`);
  return res.data.createApiToken;
}

/** POSTs any body with any headers, for requests the JSON helper would not send. */
export async function rawPost(server: TestServer, body: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface ProcessServer extends GraphQLClient {
  url: string;
  database: string;
  close(): Promise<void>;
}

let processSerial = 0;

/**
 * The real entry point (server/main.ts) in a process of its own, over a fresh copy of the seeded database:
 * for long runs where the test's own work and the server's should use both cores.
 */
export async function startServerProcess(): Promise<ProcessServer> {
  const runId = inject('runId');
  const database = `tiendo_test_${runId}_${process.pid}_p${++processSerial}`;
  await withAdmin((client) => client.query(`create database "${database}" template "${inject('templateDatabase')}"`));
  const port = await freePort();
  const prefix = `tiendo-test-${runId}-${randomBytes(4).toString('hex')}`;
  const evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-evidence-'));
  const run = startProcess('server/main.ts', {
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl(database), REDIS_URL,
    QUEUE_PREFIX: prefix, SEED: 'false', RUN_WORKER: 'false', EVIDENCE_DIR: evidenceDir, ...GENEROUS_BUDGETS,
  });
  const close = async () => {
    if (run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await cleanQueuePrefix(prefix);
    await withAdmin((client) => dropDatabase(client, database));
    await rm(evidenceDir, { recursive: true, force: true });
  };
  try {
    await run.waitFor(/Tiến độ đang chạy/);
  } catch (error) {
    await close();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return { url, database, ...graphqlClient(url), close };
}
