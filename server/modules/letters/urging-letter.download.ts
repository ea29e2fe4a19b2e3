import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import { createContext } from '../../context.js';
import { DomainError, conflict } from '../../shared/errors.js';
import { sendDomainError, sendUnexpectedError } from '../../shared/http-errors.js';
import type { Logger } from '../../shared/logger.js';
import { contentDisposition } from '../evidence/evidence.download.js';
import { StoredFileMissing, evidenceStore } from '../evidence/storage/index.js';
import { DOCX_TYPE } from './letter.render.js';
import { UrgingLetterState } from './urging-letter.entity.js';

/**
 * GET /letters/:id/download: the DOCX of a written letter. Signed in by session cookie or bearer token
 * as GraphQL requests are; the same policy as the urgingLetters query decides who may read.
 * 404 unknown, 403 not the viewer's to read, 409 not written (yet).
 */
export function letterDownloadHandler(orm: MikroORM, config: AppConfig, logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(orm, config, req, res);
      const letter = await ctx.services.letters.get(String(req.params.id));
      if (letter.state !== UrgingLetterState.READY || !letter.storageKey) {
        throw conflict(
          letter.state === UrgingLetterState.FAILED
            ? `Văn bản đôn đốc không soạn được: ${letter.error ?? ''}`.trim()
            : 'Văn bản đôn đốc đang được soạn; hãy thử lại sau ít giây.',
          { state: letter.state },
        );
      }
      const store = await evidenceStore(config);
      const body = await store.get(letter.storageKey);
      res.status(200).set({
        'Content-Type': DOCX_TYPE,
        ...(letter.byteSize ? { 'Content-Length': String(letter.byteSize) } : {}),
        'Content-Disposition': contentDisposition(letter.fileName ?? `${letter.id}.docx`),
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
        sendUnexpectedError(res, (requestId) => logger.error('urging letter file missing', { requestId, error: error.message }));
        return;
      }
      sendUnexpectedError(res, (requestId) =>
        logger.error('urging letter download failed', { requestId, error: String((error as Error)?.message ?? error) }),
      );
    }
  };
}
