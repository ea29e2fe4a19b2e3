import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../shared/logger.js';
import type { AppConfig } from '../../config.js';
import { createContext } from '../../context.js';
import { isValidDay } from '../../shared/dates.js';
import { DomainError, ErrorCode, badInput } from '../../shared/errors.js';
import { sendDomainError, sendUnexpectedError } from '../../shared/http-errors.js';
import { findNul, nulInput } from '../../security/nul-characters.js';
import { OrderDirection } from '../../shared/pagination.js';
import { AssignmentRole, AssignmentStatus } from '../assignments/assignment.entity.js';
import { ASSIGNMENT_SORTABLE } from '../assignments/assignment.service.js';
import { DeadlineClass } from '../assignments/deadline.js';
import { type ExportRow, ASSIGNMENT_COLUMNS, exportDay } from './export.columns.js';

/** Rows fetched per round trip: the whole list streams out without holding it in memory. */
const PAGE_SIZE = 200;

const day = z.string().refine(isValidDay, 'ngày phải có dạng YYYY-MM-DD');
/** The same shape as GraphQL's AssignmentFilter, checked as strictly. */
const AssignmentFilterSchema = z
  .object({
    asOf: day.optional(),
    deadlineClass: z.enum(DeadlineClass).optional(),
    dueAfter: day.optional(),
    dueBefore: day.optional(),
    ids: z.array(z.string()).max(500).optional(),
    planId: z.string().optional(),
    q: z.string().max(200).optional(),
    role: z.enum(AssignmentRole).optional(),
    status: z.array(z.enum(AssignmentStatus)).optional(),
    taskId: z.string().optional(),
    unitId: z.string().optional(),
  })
  .strict();

function readQuery(req: Request) {
  let raw: unknown = {};
  const filterText = typeof req.query.filter === 'string' ? req.query.filter : '';
  if (filterText) {
    try {
      raw = JSON.parse(filterText);
    } catch {
      throw badInput('Tham số filter không phải JSON hợp lệ.', { argument: 'filter' });
    }
  }
  // The URL itself was checked for %00 at the edge; a JSON escape \u0000 only appears now.
  const nul = findNul(raw, 'filter');
  if (nul) throw nulInput({ parameter: nul });
  // react-admin leaves empty filter inputs as "" or null: they mean "no condition".
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    raw = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  }
  const parsed = AssignmentFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`);
    throw badInput(`Bộ lọc không hợp lệ: ${problems.join('; ')}`, { argument: 'filter' });
  }
  const sortField = typeof req.query.sort === 'string' && req.query.sort ? req.query.sort : undefined;
  if (sortField && !ASSIGNMENT_SORTABLE.includes(sortField)) {
    throw badInput(`Không sắp xếp được theo "${sortField}". Chọn một trong: ${ASSIGNMENT_SORTABLE.join(', ')}.`, { argument: 'sort' });
  }
  const direction = String(req.query.order ?? '').toUpperCase() === 'DESC' ? OrderDirection.DESC : OrderDirection.ASC;
  return { filter: parsed.data, sortField, direction };
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Exports of the whole filtered assignment list, for offices that keep their own spreadsheets.
 * The same session (cookie or bearer token) and the same AssignmentService as GraphQL decide who sees what.
 */
export function createExportRouter(orm: MikroORM, config: AppConfig, logger: Logger): Router {
  const router = Router();

  router.get(/^\/assignments\.(csv|xlsx)$/, async (req: Request, res: Response) => {
    const format = req.path.endsWith('.xlsx') ? 'xlsx' : 'csv';
    try {
      const ctx = await createContext(orm, config, req, res);
      if (!ctx.viewer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Bạn cần đăng nhập.');
      const { filter, sortField, direction } = readQuery(req);
      const asOf = exportDay(filter.asOf);
      const service = ctx.services.assignments;

      // The first page is read before any byte is sent, so a refusal still answers with a proper status.
      const pages = async function* () {
        for (let offset = 0; ; offset += PAGE_SIZE) {
          const items = await service.page(filter, sortField, direction, { limit: PAGE_SIZE, offset });
          const [tasks, units] = await Promise.all([
            ctx.loaders.task.loadMany(items.map((a) => a.task.id)),
            ctx.loaders.unit.loadMany(items.map((a) => a.unit.id)),
          ]);
          yield items.map((a, i): ExportRow => ({ ...a, task: tasks[i] as ExportRow['task'], unit: units[i] as ExportRow['unit'] }));
          if (items.length < PAGE_SIZE) return;
        }
      };
      const iterator = pages();
      const first = await iterator.next();

      const stamp = asOf.replace(/-/g, '');
      const filename = `phan-cong-${stamp}.${format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.setHeader('Cache-Control', 'no-store');

      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        // The byte-order mark makes Excel read the Vietnamese text as UTF-8.
        res.write('\uFEFF' + ASSIGNMENT_COLUMNS.map((c) => csvCell(c.header)).join(',') + '\r\n');
        let batch = first;
        while (!batch.done) {
          const lines = batch.value.map((a) => ASSIGNMENT_COLUMNS.map((c) => csvCell(c.value(a, asOf))).join(',') + '\r\n');
          if (!res.write(lines.join(''))) await new Promise((resolve) => res.once('drain', resolve));
          batch = await iterator.next();
        }
        res.end();
        return;
      }

      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // Loaded on the first spreadsheet asked for rather than at start: it is one of the largest modules.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Phân công', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = ASSIGNMENT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      let batch = first;
      while (!batch.done) {
        for (const a of batch.value) sheet.addRow(ASSIGNMENT_COLUMNS.map((c) => c.value(a, asOf))).commit();
        batch = await iterator.next();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      if (error instanceof DomainError) {
        sendDomainError(res, error);
        return;
      }
      sendUnexpectedError(res, (requestId) => logger.error('export failed', { requestId, error: String((error as Error)?.message ?? error) }));
    }
  });

  return router;
}
