import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config.js';
import { conflict } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { storedDocumentHandler } from '../evidence/stored-document.download.js';
import { XLSX_MIME } from '../facilities/figures.workbook.js';
import { DOCX_TYPE } from '../letters/letter.render.js';
import { CompiledReportState } from './compiled-report.entity.js';

/**
 * GET /compiled-reports/:id/report.docx and /appendix.xlsx: the files as they were written when the
 * period was compiled, byte for byte. 404 unknown, 403 not the viewer's to read, 409 not written (yet).
 */
export function compiledReportDownloadHandler(orm: MikroORM, config: AppConfig, logger: Logger, file: 'docx' | 'xlsx'): RequestHandler {
  return storedDocumentHandler(orm, config, logger, 'compiled report', async (ctx, req) => {
    const report = await ctx.services.compiledReports.get(String(req.params.id));
    if (report.state !== CompiledReportState.READY) {
      throw conflict(
        report.state === CompiledReportState.FAILED
          ? (report.error ?? 'Không tổng hợp được báo cáo.')
          : 'Báo cáo đang được tổng hợp; hãy thử lại sau ít giây.',
        { state: report.state },
      );
    }
    return file === 'docx'
      ? { key: report.docxKey!, fileName: report.docxName!, contentType: DOCX_TYPE, byteSize: report.docxSize }
      : { key: report.xlsxKey!, fileName: report.xlsxName!, contentType: XLSX_MIME, byteSize: report.xlsxSize };
  });
}
