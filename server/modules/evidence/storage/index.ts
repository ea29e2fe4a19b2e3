import path from 'node:path';
import type { AppConfig } from '../../../config.js';
import { LocalEvidenceStore } from './local.store.js';
import { S3EvidenceStore } from './s3.store.js';
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

export async function closeEvidenceStore(config: AppConfig): Promise<void> {
  const store = stores.get(config);
  stores.delete(config);
  if (store) await (await store).close();
}

async function createStore(config: AppConfig): Promise<EvidenceStore> {
  const e = config.evidence;
  const root = path.resolve(e.dir);
  if (e.storage === 's3') {
    const s3 = new S3EvidenceStore({ ...e.s3!, stagingDir: path.join(root, '.staging') });
    await s3.init();
    return s3;
  }
  const local = new LocalEvidenceStore(root);
  await local.init();
  return local;
}
