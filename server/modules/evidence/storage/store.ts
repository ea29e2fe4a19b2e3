import type { Readable } from 'node:stream';

/**
 * Where evidence bytes live. Files arrive already complete and hashed in a local staging file;
 * a store only has to keep them under a server-generated key and give them back.
 */
export interface EvidenceStore {
  readonly kind: 'local' | 's3';
  /** Local folder for files being received; the caller removes what it does not put. */
  readonly stagingDir: string;
  /** Moves a complete staged file into the store under key. */
  put(key: string, stagedPath: string, info: { size: number; contentType: string }): Promise<void>;
  /** The stored bytes; rejects with StoredFileMissing when the key has nothing. */
  get(key: string): Promise<Readable>;
  /** A local path to the stored file when the store is a local folder (lets downloads hash in place). */
  localPath?(key: string): string;
  /** Only to undo a put whose database write failed: evidence itself is never deleted. */
  discard(key: string): Promise<void>;
  close(): Promise<void>;
}

export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`stored evidence file missing: ${key}`);
  }
}
