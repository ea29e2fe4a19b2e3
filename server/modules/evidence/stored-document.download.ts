import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import { createContext, type Context } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { sendDomainError, sendUnexpectedError } from '../../shared/http-errors.js';
import type { Logger } from '../../shared/logger.js';
import { contentDisposition } from './evidence.download.js';
import { StoredFileMissing, evidenceStore } from './storage/index.js';

/** A document the server wrote (a letter, a compiled report), found and authorised by the caller. */
export interface StoredDocument {
  key: string;
  fileName: string;
  contentType: string;
  byteSize?: number | null;
}

/**
 * GET for a generated document: signed in by session cookie or bearer token as GraphQL requests are;
 * `find` applies the same service and policy as the API, throwing NOT_FOUND, FORBIDDEN or CONFLICT
 * (not written yet). The bytes are streamed exactly as stored.
 */
export function storedDocumentHandler(
  orm: MikroORM, config: AppConfig, logger: Logger, what: string,
  find: (ctx: Context, req: Request) => Promise<StoredDocument>,
): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(orm, config, req, res);
      const doc = await find(ctx, req);
      const store = await evidenceStore(config);
      const body = await store.get(doc.key);
      res.status(200).set({
        'Content-Type': doc.contentType,
        ...(doc.byteSize ? { 'Content-Length': String(doc.byteSize) } : {}),
        'Content-Disposition': contentDisposition(doc.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
      await pipeline(body, res).catch(() => {});
    } catch (error) {
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      if (error instanceof StoredFileMissing) {
        sendUnexpectedError(res, (requestId) => logger.error(`${what} file missing`, { requestId, error: error.message }));
        return;
      }
      sendUnexpectedError(res, (requestId) =>
        logger.error(`${what} download failed`, { requestId, error: String((error as Error)?.message ?? error) }),
      );
    }
  };
}
