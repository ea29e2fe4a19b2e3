import { randomUUID } from 'node:crypto';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../../../config.js';
import { LocalEvidenceStore } from './local.store.js';
import type { S3EvidenceStore } from './s3.store.js';
import type { EvidenceStore } from './store.js';

export type { EvidenceStore } from './store.js';
export { StoredFileMissing } from './store.js';

const stores = new WeakMap<AppConfig, Promise<EvidenceStore>>();

/** One store per configuration (so per app), built on first use. */
export function evidenceStore(config: AppConfig): Promise<EvidenceStore> {
  let store = stores.get(config);
  if (!store) {
    store = createStore(config);
    stores.set(config, store);
  }
  return store;
}

/**
 * Puts a document the server wrote itself (a letter, a compiled report) under a fixed key: staged on
 * disk as uploads are, so both stores take it the same way. A retried job writes the same key again.
 */
export async function storeBytes(store: EvidenceStore, key: string, bytes: Buffer, contentType: string): Promise<void> {
  const staged = path.join(store.stagingDir, `${randomUUID()}.generated`);
  await writeFile(staged, bytes, { flag: 'wx', mode: 0o600 });
  try {
    await store.put(key, staged, { size: bytes.length, contentType });
  } finally {
    await rm(staged, { force: true });
  }
}

export async function closeEvidenceStore(config: AppConfig): Promise<void> {
  const store = stores.get(config);
  stores.delete(config);
  if (store) await (await store).close();
}

async function createStore(config: AppConfig): Promise<EvidenceStore> {
  const e = config.evidence;
  const root = path.resolve(e.dir);
  let store: LocalEvidenceStore | S3EvidenceStore;
  if (e.storage === 's3') {
    // The AWS SDK is large: only a server that stores evidence in S3 loads it, which keeps start-up short.
    const { S3EvidenceStore } = await import('./s3.store.js');
    store = new S3EvidenceStore({ ...e.s3!, stagingDir: path.join(root, '.staging') });
  }
  else store = new LocalEvidenceStore(root);
  await store.init();
  await sweepStaging(store.stagingDir);
  return store;
}

const STALE_MS = 24 * 3600_000;

/**
 * Removes what a crashed process left in staging. Only old files: another server sharing the folder
 * may be receiving an upload right now, and no upload takes a day.
 */
async function sweepStaging(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}
