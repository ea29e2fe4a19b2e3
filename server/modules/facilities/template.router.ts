import type { Request, RequestHandler, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import type { Logger } from '../../shared/logger.js';
import { createContext } from '../../context.js';
import { isValidDay } from '../../shared/dates.js';
import { DomainError, badInput } from '../../shared/errors.js';
import { sendDomainError, sendUnexpectedError } from '../../shared/http-errors.js';
import { contentDisposition } from '../evidence/evidence.download.js';
import { buildTemplate, XLSX_MIME } from './figures.workbook.js';

function dayParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !isValidDay(value)) throw badInput(`Tham số ${name} phải là ngày dạng YYYY-MM-DD.`, { argument: name });
  return value;
}

/**
 * GET /facilities/template.xlsx?asOf=YYYY-MM-DD&periodStart=YYYY-MM-DD[&communeId=…]: the entry
 * template for the signed-in commune user's facilities (ADMIN names the commune). Signed in by
 * session cookie or bearer token exactly as GraphQL requests are; refusals are JSON errors.
 */
export function facilityTemplateHandler(orm: MikroORM, config: AppConfig, logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(orm, config, req, res);
      const periodEnd = dayParam(req, 'asOf');
      const periodStart = dayParam(req, 'periodStart');
      if (periodStart && periodEnd && periodStart > periodEnd) throw badInput('Đầu kỳ phải trước hoặc trùng cuối kỳ (asOf).', { argument: 'periodStart' });
      const communeId = typeof req.query.communeId === 'string' ? req.query.communeId : undefined;
      const { communeName, communeCode, facilities } = await ctx.services.facilities.forTemplate(communeId);
      const body = await buildTemplate(communeName, facilities, { periodStart, periodEnd });
      const name = `so-lieu-co-so-${communeCode.toLowerCase()}${periodEnd ? `-${periodEnd.replace(/-/g, '')}` : ''}.xlsx`;
      res.status(200).set({
        'Content-Type': XLSX_MIME,
        'Content-Length': String(body.length),
        'Content-Disposition': contentDisposition(name),
        'Cache-Control': 'private, no-store',
      });
      res.end(body);
    } catch (error) {
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      sendUnexpectedError(res, (requestId) => logger.error('facility template failed', { requestId, error: String((error as Error)?.message ?? error) }));
    }
  };
}
