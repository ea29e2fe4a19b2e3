import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import { conflict } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { storedDocumentHandler } from '../evidence/stored-document.download.js';
import { DOCX_TYPE } from '../letters/letter.render.js';

/** GET /award-decisions/:id/download: the draft decision as written when the batch was approved. */
export function awardDecisionDownloadHandler(orm: MikroORM, config: AppConfig, logger: Logger): RequestHandler {
  return storedDocumentHandler(orm, config, logger, 'award decision', async (ctx, req) => {
    const decision = await ctx.services.awards.decision(String(req.params.id));
    if (!decision.storageKey) throw conflict('Dự thảo quyết định chưa được soạn.');
    return { key: decision.storageKey, fileName: decision.fileName ?? `${decision.id}.docx`, contentType: DOCX_TYPE, byteSize: decision.byteSize };
  });
}
