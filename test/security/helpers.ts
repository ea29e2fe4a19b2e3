import { createHash } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from '../helpers/db.js';
import type { GraphQLResponse, TestServer } from '../helpers/server.js';

export const code = (res: Pick<GraphQLResponse, 'errors'>) => res.errors?.[0]?.extensions?.code;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A direct connection to the test server's own database, for what the API must not be able to do. */
export async function connectDb(server: TestServer): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(server.database) });
  await client.connect();
  return client;
}

export async function unitId(server: TestServer, token: string, code: string): Promise<string> {
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

export async function createToken(server: TestServer, adminToken: string, unitCode: string, scope: 'READ' | 'READ_WRITE') {
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
