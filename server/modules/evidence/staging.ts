import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileCheckError } from './file-check.js';

export interface StagedFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Receives one upload into a private file under the staging folder, hashing and counting as it
 * goes. The file is complete and hashed when this resolves; on any failure nothing is left.
 */
export async function stageUpload(source: Readable, stagingDir: string, maxBytes: number): Promise<StagedFile> {
  const target = path.join(stagingDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  let sourceFailed = false;
  source.once('error', () => {
    sourceFailed = true;
  });
  try {
    await pipeline(source, meter, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(target, { force: true });
    // graphql-upload cuts a file at its size limit and fails the stream with a 413.
    if (error instanceof FileCheckError) throw error;
    if ((error as { status?: number })?.status === 413) throw tooLarge(maxBytes);
    // The client's bytes stopped or were malformed: its problem, not the server's.
    if (sourceFailed) throw new UploadBroken(error);
    throw error;
  }
  return { path: target, size, sha256: hash.digest('hex') };
}

/** The upload itself failed (malformed multipart, connection cut): the request was bad, not the server. */
export class UploadBroken extends Error {
  constructor(readonly cause: unknown) {
    super(`upload broken: ${String((cause as Error)?.message ?? cause)}`);
  }
}

export function tooLarge(maxBytes: number): FileCheckError {
  return new FileCheckError('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (tối đa ${formatBytes(maxBytes)}).`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${bytes} byte`;
}
