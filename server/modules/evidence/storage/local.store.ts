import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredFileMissing, type EvidenceStore } from './store.js';

/** An evidence key is a bare UUID; other documents kept here carry a folder, e.g. letters/<uuid>. */
const KEY = /^(?:([a-z]+)\/)?([0-9a-f-]{36})$/;

/**
 * Files under EVIDENCE_DIR, named by their key and spread over 256 sub-folders. Staging is a folder
 * inside the same directory so that committing is an atomic rename on one filesystem.
 */
export class LocalEvidenceStore implements EvidenceStore {
  readonly kind = 'local' as const;
  readonly stagingDir: string;

  constructor(private readonly root: string) {
    this.stagingDir = path.join(root, '.staging');
  }

  async init(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
  }

  localPath(key: string): string {
    // Keys are our own UUIDs; refusing anything else keeps a bad row from naming a path outside root.
    const match = KEY.exec(key);
    if (!match) throw new Error(`invalid evidence key: ${key}`);
    const [, folder, id] = match;
    return path.join(this.root, ...(folder ? [folder] : []), id.slice(0, 2), id);
  }

  async put(key: string, stagedPath: string): Promise<void> {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(stagedPath, target);
  }

  async get(key: string): Promise<Readable> {
    const file = this.localPath(key);
    try {
      await stat(file);
    } catch {
      throw new StoredFileMissing(key);
    }
    return createReadStream(file);
  }

  async discard(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }

  async close(): Promise<void> {}
}
