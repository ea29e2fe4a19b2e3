import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../shared/logger.js';
import type { AppConfig } from '../../config.js';
import { createContext } from '../../context.js';
import { DomainError, ErrorCode } from '../../shared/errors.js';
import { sendDomainError, sendHttpError, sendUnexpectedError } from '../../shared/http-errors.js';
import type { Evidence } from './evidence.entity.js';
import { downloadName, visibleName } from './file-name.js';
import { StoredFileMissing, evidenceStore, type EvidenceStore } from './storage/index.js';

class IntegrityError extends Error {}

/**
 * RFC 6266 / 8187: an ASCII fallback for old clients and the exact UTF-8 name for everyone else.
 * Invisible characters are dropped here too: a browser honours a RIGHT-TO-LEFT OVERRIDE in the name
 * it shows in its downloads bar.
 */
export function contentDisposition(fileName: string): string {
  const name = visibleName(fileName);
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function hashOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * A stream of the stored bytes, released only once they are known to match the recorded size and
 * SHA-256: a damaged file is an error, never a silent corruption handed to the reviewer.
 */
async function verifiedBody(store: EvidenceStore, evidence: Evidence): Promise<{ body: Readable; cleanup(): Promise<void> }> {
  const check = (actual: { sha256: string; size: number }) => {
    if (actual.sha256 !== evidence.sha256 || actual.size !== evidence.size) {
      throw new IntegrityError(`evidence ${evidence.id}: stored ${actual.size} bytes sha256 ${actual.sha256}, recorded ${evidence.size} / ${evidence.sha256}`);
    }
  };
  if (store.localPath) {
    const file = store.localPath(evidence.storageKey);
    check(await hashOf(await store.get(evidence.storageKey)));
    return { body: createReadStream(file), cleanup: async () => {} };
  }
  // A remote object is copied to a private local file while hashing, then served from there.
  const spool = path.join(store.stagingDir, `${randomUUID()}.download`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      await store.get(evidence.storageKey),
      new Transform({
        transform(chunk: Buffer, _e, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(spool, { flags: 'wx', mode: 0o600 }),
    );
    check({ sha256: hash.digest('hex'), size });
  } catch (error) {
    await rm(spool, { force: true });
    throw error;
  }
  return { body: createReadStream(spool), cleanup: () => rm(spool, { force: true }) };
}

/**
 * GET /evidence/:id/download. Signed in by session cookie or bearer token exactly as GraphQL
 * requests are; the same policy decides who may read.
 */
export function evidenceDownloadHandler(orm: MikroORM, config: AppConfig, logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(orm, config, req, res);
      const evidence = await ctx.services.evidence.get(String(req.params.id));
      const store = await evidenceStore(config);
      const { body, cleanup } = await verifiedBody(store, evidence);
      res.status(200).set({
        'Content-Type': evidence.contentType,
        'Content-Length': String(evidence.size),
        'Content-Disposition': contentDisposition(downloadName(evidence.originalName, evidence.detectedExtension)),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        'Repr-Digest': `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`,
      });
      res.on('close', () => void cleanup());
      await pipeline(body, res).catch(() => {});
    } catch (error) {
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      if (error instanceof IntegrityError || error instanceof StoredFileMissing) {
        const requestId = randomUUID();
        logger.error('evidence integrity failure', { requestId, error: error.message });
        sendHttpError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Tệp minh chứng trên máy chủ bị hỏng hoặc bị thiếu; đã ghi nhận để xử lý. Mã tham chiếu: ${requestId}`, {
          reason: 'EVIDENCE_INTEGRITY',
          requestId,
        });
        return;
      }
      sendUnexpectedError(res, (requestId) =>
        logger.error('evidence download failed', { requestId, error: String((error as Error)?.message ?? error) }),
      );
    }
  };
}
