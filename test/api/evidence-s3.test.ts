import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { databaseUrl } from '../helpers/db.js';
import { PNG_1PX, attachEvidence, samplePdf, sha256 } from '../helpers/evidence.js';
import { TRANSITION, findAssignment } from '../helpers/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const BUCKET = 'tiendo-evidence';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let s3server: S3rver;
let s3dir: string;
let endpoint: string;
let s3: S3Client;
let server: TestServer;
let second: { app: App; http: Server; url: string };
const tokens: Record<string, string> = {};

function s3env(stagingDir: string): Record<string, string> {
  return {
    EVIDENCE_STORAGE: 's3',
    EVIDENCE_DIR: stagingDir,
    EVIDENCE_S3_ENDPOINT: endpoint,
    EVIDENCE_S3_BUCKET: BUCKET,
    EVIDENCE_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    EVIDENCE_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    EVIDENCE_S3_PREFIX: 'evidence/',
  };
}

async function objects(): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function stagingLeftovers(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

beforeAll(async () => {
  s3dir = await mkdtemp(path.join(os.tmpdir(), 'tiendo-s3rver-'));
  s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });

  const stagingA = await mkdtemp(path.join(os.tmpdir(), 'tiendo-staging-a-'));
  server = await startTestServer(s3env(stagingA));
  // A second API server on the same database and the same bucket, as behind a load balancer.
  const stagingB = await mkdtemp(path.join(os.tmpdir(), 'tiendo-staging-b-'));
  const app = await createApp({
    config: { ...server.config, evidence: { ...server.config.evidence, dir: stagingB } },
    databaseUrl: databaseUrl(server.database),
    logger: { info: () => {}, error: () => {} },
  });
  const http = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  second = { app, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };

  for (const user of ['gddt', 'xa-habac', 'vhtt']) tokens[user] = await server.login(user);
});

afterAll(async () => {
  if (second) {
    await new Promise<void>((resolve) => second.http.close(() => resolve()));
    await second.app.close();
  }
  await server?.close();
  s3.destroy();
  await s3server?.close();
  await rm(s3dir, { recursive: true, force: true });
});

describe('evidence in an S3-compatible store', () => {
  it('an upload through one API server downloads identically through another; refusals leave no object', async () => {
    let a = await findAssignment(server, tokens.gddt, 'PHONG-GDDT', '1.1');
    a = (await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens.gddt)).data!.transitionAssignment;
    const pdf = samplePdf('Bao cao S3');
    const res = await attachEvidence(server, tokens.gddt, a.id, [
      { name: 'Báo cáo tháng 6.pdf', content: pdf },
      { name: 'ảnh.png', content: PNG_1PX },
    ]);
    expect(res.errors).toBeUndefined();
    const [doc, photo] = res.data!.attachEvidence.map((r) => r.evidence);
    expect(await objects()).toEqual([`evidence/${doc.id}`, `evidence/${photo.id}`].sort());
    expect(await stagingLeftovers(server.config.evidence.dir)).toEqual(['.staging']);

    for (const url of [server.url, second.url]) {
      const got = await fetch(`${url}${doc.downloadUrl}`, { headers: { authorization: `Bearer ${tokens.vhtt}` } });
      expect(got.status).toBe(200);
      const bytes = Buffer.from(await got.arrayBuffer());
      expect(bytes.equals(pdf)).toBe(true);
      expect(sha256(bytes)).toBe(doc.sha256);
      expect(decodeURIComponent(got.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe('Báo cáo tháng 6.pdf');
    }
    // The other unit is refused on both servers.
    for (const url of [server.url, second.url]) {
      const denied = await fetch(`${url}${doc.downloadUrl}`, { headers: { authorization: `Bearer ${tokens['xa-habac']}` } });
      expect(denied.status).toBe(403);
    }

    const before = await objects();
    const refused = await attachEvidence(server, tokens.gddt, a.id, [
      { name: 'tot.pdf', content: samplePdf('tot') },
      { name: 'ho-so.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) },
    ]);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_NOT_ALLOWED' });
    expect(await objects()).toEqual(before);
    expect(await stagingLeftovers(server.config.evidence.dir)).toEqual(['.staging']);
  });

  it('an object changed behind the server’s back is refused on download', async () => {
    let a = await findAssignment(server, tokens['xa-habac'], 'XA-HABAC', '1.1');
    a = (await server.gql(TRANSITION, { id: a.id, action: 'START', version: a.version }, tokens['xa-habac'])).data!.transitionAssignment;
    const res = await attachEvidence(server, tokens['xa-habac'], a.id, [{ name: 'bien-ban.pdf', content: samplePdf('s3 hong') }]);
    const ev = res.data!.attachEvidence[0].evidence;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `evidence/${ev.id}`, Body: samplePdf('da bi sua') }));
    const got = await fetch(`${second.url}${ev.downloadUrl}`, { headers: { authorization: `Bearer ${tokens['xa-habac']}` } });
    expect(got.status).toBe(500);
    const body = await got.text();
    expect(body).not.toContain('%PDF');
    expect(JSON.parse(body).errors[0].extensions.reason).toBe('EVIDENCE_INTEGRITY');

    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `evidence/${ev.id}` }));
    const missing = await fetch(`${server.url}${ev.downloadUrl}`, { headers: { authorization: `Bearer ${tokens['xa-habac']}` } });
    expect(missing.status).toBe(500);
    expect((await missing.json()).errors[0].extensions.reason).toBe('EVIDENCE_INTEGRITY');
    expect(await stagingLeftovers(server.config.evidence.dir)).toEqual(['.staging']);
  });
});
