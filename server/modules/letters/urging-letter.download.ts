import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import { conflict } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { storedDocumentHandler } from '../evidence/stored-document.download.js';
import { DOCX_TYPE } from './letter.render.js';
import { UrgingLetterState } from './urging-letter.entity.js';

/**
 * GET /letters/:id/download: the DOCX of a written letter; the same policy as the urgingLetters query
 * decides who may read. 404 unknown, 403 not the viewer's to read, 409 not written (yet).
 */
export function letterDownloadHandler(orm: MikroORM, config: AppConfig, logger: Logger): RequestHandler {
  return storedDocumentHandler(orm, config, logger, 'urging letter', async (ctx, req) => {
    const letter = await ctx.services.letters.get(String(req.params.id));
    if (letter.state !== UrgingLetterState.READY || !letter.storageKey) {
      throw conflict(
        letter.state === UrgingLetterState.FAILED
          ? `Văn bản đôn đốc không soạn được: ${letter.error ?? ''}`.trim()
          : 'Văn bản đôn đốc đang được soạn; hãy thử lại sau ít giây.',
        { state: letter.state },
      );
    }
    return { key: letter.storageKey, fileName: letter.fileName ?? `${letter.id}.docx`, contentType: DOCX_TYPE, byteSize: letter.byteSize };
  });
}
