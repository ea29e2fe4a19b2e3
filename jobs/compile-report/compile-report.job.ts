import { UnrecoverableError } from 'bullmq';
import { isId } from '../../server/shared/resource.service.js';
import { compilePendingReport, type CompileOutcome } from '../../server/modules/reports/compiled-report.compile.js';
import type { RenderDeps } from '../../server/modules/letters/letter.render.js';

export interface CompileReportJobData {
  compiledReportId: string;
}
export type CompileReportResult = CompileOutcome;

/**
 * Freezes a period's figures and writes the compiled report's DOCX and XLSX. A second delivery finds the
 * row no longer PENDING and does nothing; a report whose job was lost is compiled by the minute sweep
 * of pending documents.
 */
export async function runCompileReport(deps: RenderDeps, data: CompileReportJobData): Promise<CompileReportResult> {
  if (!isId(data?.compiledReportId)) throw new UnrecoverableError(`invalid compiledReportId: ${JSON.stringify(data?.compiledReportId)}`);
  return compilePendingReport(deps, data.compiledReportId);
}

/** The job id of one compilation's job: enqueuing it twice runs it once. */
export const compileReportJobId = (id: string) => `compiled-report-${id}`;
