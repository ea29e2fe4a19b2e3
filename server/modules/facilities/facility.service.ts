import { validate } from 'class-validator';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { actingUserId, authorize, requireViewer, type Viewer } from '../../auth/policy.js';
import { isValidDay, today } from '../../shared/dates.js';
import { badInput, conflict, DomainError, ErrorCode, forbidden, notFound } from '../../shared/errors.js';
import { uuidArray } from '../../shared/lean.js';
import { OrderDirection } from '../../shared/pagination.js';
import { isId, ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { Unit, UnitKind } from '../units/unit.entity.js';
import { Role, User } from '../users/user.entity.js';
import { Facility } from './facility.entity.js';
import { IndicatorFiguresInput } from './facility.inputs.js';
import {
  columnOfArgument, looksLikeXlsx, readFiguresWorkbook, UnreadableWorkbook, type ImportProblem, type TemplateFacility,
} from './figures.workbook.js';
import { checkFigures, figuresRow, type Figures } from './figures.js';
import { IndicatorValue } from './indicator-value.entity.js';

export const FACILITY_SPEC: ResourceSpec = {
  label: 'cơ sở',
  searchFields: ['name', 'code'],
  sortable: ['code', 'name', 'sector', 'level'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

/** Written only through report and correct below, never by the generic create/update. */
export const INDICATOR_VALUE_SPEC: ResourceSpec = {
  label: 'số liệu chỉ tiêu',
  searchFields: [],
  sortable: ['asOf', 'createdAt'],
  defaultSort: ['asOf', OrderDirection.DESC],
  writePermission: 'catalogue:manage',
};

/** Large enough for a district's every facility many times over; an entry template of 500 rows is about 60 KB. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1000;
const REPORTING_UNIT_KINDS: ReadonlySet<UnitKind> = new Set([UnitKind.COMMUNE, UnitKind.TOWNSHIP]);

const originalKey = (facilityId: string, asOf: string) => `${facilityId}|${asOf}`;

/**
 * Whole-request refusals for templates and imports: only a commune's (or township's) users report
 * figures, and ADMIN. An office's officer holds facility:report by role but has no facilities.
 */
async function requireReportingUnit(em: EntityManager, viewer: Viewer): Promise<void> {
  authorize(viewer, 'facility:report', { unitId: viewer.unitId });
  if (viewer.role === Role.ADMIN) return;
  const unit = await em.findOne(Unit, { id: viewer.unitId }, { fields: ['kind'] });
  if (!unit || !REPORTING_UNIT_KINDS.has(unit.kind)) throw forbidden('Chỉ cán bộ xã, thị trấn nhập số liệu cơ sở.');
}

/** The whole upload in memory, refused past `maxBytes`: an entry workbook is small. */
async function readUpload(upload: Promise<FileUpload>, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => badInput(`Tệp vượt quá dung lượng cho phép (tối đa ${maxBytes / (1024 * 1024)} MB).`, { argument: 'file', reason: 'FILE_TOO_LARGE' });
  const broken = () => badInput('Dữ liệu tải lên bị lỗi hoặc không trọn vẹn. Hãy thử lại.', { argument: 'file', reason: 'INVALID_UPLOAD' });
  // The scalar may hand over the upload itself or the promise of it.
  const file = await Promise.resolve(upload).catch((error: unknown) => {
    throw (error as { status?: number })?.status === 413 ? tooLarge() : broken();
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = file.createReadStream();
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw (error as { status?: number })?.status === 413 ? tooLarge() : broken();
  }
  return Buffer.concat(chunks);
}

/** Facilities as reference data, plus the ones the viewer reports for. */
export class FacilityService extends ResourceService<Facility> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, Facility, FACILITY_SPEC);
  }

  /** The facilities the viewer may report for: their own commune's, or every one for ADMIN. */
  async mine(): Promise<Facility[]> {
    const viewer = authorize(this.viewer, 'facility:report', this.viewer ? { unitId: this.viewer.unitId } : undefined);
    const where = viewer.role === Role.ADMIN ? {} : { commune: viewer.unitId };
    return this.em.find(Facility, where, { orderBy: { sector: 'asc', level: 'asc', code: 'asc' }, limit: 500 });
  }

  /** What the entry template lists: the viewer's own commune's facilities, or the commune ADMIN names. */
  async forTemplate(communeId?: string | null): Promise<{ communeName: string; communeCode: string; facilities: TemplateFacility[] }> {
    const viewer = requireViewer(this.viewer);
    await requireReportingUnit(this.em, viewer);
    const id = communeId || viewer.unitId;
    authorize(viewer, 'facility:report', { unitId: id });
    const commune = isId(id) ? await this.em.findOne(Unit, { id }) : null;
    if (!commune) throw notFound('xã', id);
    if (!REPORTING_UNIT_KINDS.has(commune.kind)) throw badInput(`${commune.name} không phải xã, thị trấn: không có cơ sở để nhập số liệu.`, { argument: 'communeId' });
    const facilities = await this.em.find(Facility, { commune }, { orderBy: { sector: 'asc', level: 'asc', code: 'asc' }, limit: 500 });
    return { communeName: commune.name, communeCode: commune.code, facilities };
  }
}

/**
 * Indicator values are read like reference data but written only by reporting and correcting:
 * a correction is a new row naming the one it corrects, so every figure ever entered stays readable.
 */
export class IndicatorValueService extends ResourceService<IndicatorValue> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, IndicatorValue, INDICATOR_VALUE_SPEC);
  }

  private reporter() {
    const id = this.viewer ? actingUserId(this.viewer) : null;
    return id ? this.em.getReference(User, id) : null;
  }

  async report(facilityId: string, input: Figures): Promise<IndicatorValue> {
    const facility = isId(facilityId) ? await this.em.findOne(Facility, { id: facilityId }) : null;
    if (!facility) throw notFound('cơ sở', facilityId);
    const existing = await this.originalsOn([{ facilityId: facility.id, asOf: input.periodEnd }]);
    this.checkNewReport(facility, input, existing.get(originalKey(facility.id, input.periodEnd)));
    const value = this.em.create(IndicatorValue, { facility, ...figuresRow(input), reportedBy: this.reporter() });
    await this.em.flush();
    return value;
  }

  /**
   * Every rule a new period's figures must pass, for one facility: who may report it, the figures'
   * own consistency, and no original already on that day. Shared by a single report and a workbook import.
   */
  private checkNewReport(facility: Facility, input: Figures, existingId: string | undefined): void {
    authorize(this.viewer, 'facility:report', { unitId: facility.commune.id });
    checkFigures(facility.sector, input, today());
    if (existingId) {
      throw conflict('Cơ sở đã có số liệu chốt ngày này. Hãy điều chỉnh số liệu đó (kèm lý do) thay vì nhập mới.', {
        argument: 'input.periodEnd',
        existingId,
      });
    }
  }

  /** The first report (corrected or not) already on each of these facility days, in one query. */
  private async originalsOn(pairs: Array<{ facilityId: string; asOf: string }>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const valid = pairs.filter((p) => isValidDay(p.asOf));
    if (!valid.length) return found;
    const rows = await this.em.getConnection().execute<Array<{ id: string; facility_id: string; as_of: string }>>(
      `select id, facility_id, to_char(as_of, 'YYYY-MM-DD') as as_of from indicator_value
        where supersedes_id is null and (facility_id, as_of) in (select * from unnest(?::uuid[], ?::date[]))`,
      [uuidArray(valid.map((p) => p.facilityId)), `{${valid.map((p) => p.asOf).join(',')}}`],
    );
    for (const row of rows) found.set(originalKey(row.facility_id, row.as_of), row.id);
    return found;
  }

  /**
   * A filled-in entry template, all or nothing: every row is checked with the rules of `report`
   * (the input's own constraints, then `checkNewReport`), and one refused row means nothing is
   * written and every problem is listed by row and column. `dryRun` checks without writing.
   */
  async importWorkbook(upload: Promise<FileUpload>, dryRun: boolean): Promise<{ values: IndicatorValue[]; rows: number; skippedRows: number }> {
    const viewer = requireViewer(this.viewer);
    await requireReportingUnit(this.em, viewer);
    const bytes = await readUpload(upload, MAX_IMPORT_BYTES);
    if (!looksLikeXlsx(bytes)) {
      throw badInput('Tệp tải lên không phải bảng tính Excel (.xlsx). Hãy dùng mẫu tải từ hệ thống.', { argument: 'file', reason: 'NOT_XLSX' });
    }
    let parsed: Awaited<ReturnType<typeof readFiguresWorkbook>>;
    try {
      parsed = await readFiguresWorkbook(bytes, MAX_IMPORT_ROWS);
    } catch (error) {
      if (error instanceof UnreadableWorkbook) {
        throw badInput('Không đọc được bảng tính: tệp bị hỏng hoặc không có trang số liệu.', { argument: 'file', reason: 'NOT_XLSX' });
      }
      throw error;
    }
    const problems: ImportProblem[] = [...parsed.problems, ...parsed.rows.flatMap((r) => r.problems)];

    const codes = [...new Set(parsed.rows.map((r) => r.code).filter(Boolean))];
    const facilities = codes.length ? await this.em.find(Facility, { code: { $in: codes } }) : [];
    const byCode = new Map(facilities.map((f) => [f.code, f]));
    const existing = await this.originalsOn(
      parsed.rows.flatMap((r) => (r.figures && byCode.has(r.code) ? [{ facilityId: byCode.get(r.code)!.id, asOf: r.figures.periodEnd }] : [])),
    );
    const seen = new Map<string, number>();
    const accepted: Array<{ facility: Facility; figures: Figures }> = [];
    for (const row of parsed.rows) {
      if (!row.figures) continue;
      const at = (argument: unknown, message: string, code: string = ErrorCode.BAD_USER_INPUT) => {
        const column = columnOfArgument(argument);
        problems.push({ row: row.row, column: column?.header ?? null, cell: null, message, code });
      };
      const facility = byCode.get(row.code);
      if (!facility) {
        at('code', `Không có cơ sở mã "${row.code}".`);
        continue;
      }
      const input = Object.assign(new IndicatorFiguresInput(), row.figures);
      const invalid = await validate(input, { forbidUnknownValues: false });
      if (invalid.length) {
        for (const v of invalid) at(v.property, Object.values(v.constraints ?? {}).join('; ') || 'Giá trị không hợp lệ.');
        continue;
      }
      try {
        this.checkNewReport(facility, input, existing.get(originalKey(facility.id, input.periodEnd)));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === ErrorCode.FORBIDDEN) {
          at('code', `Cơ sở ${facility.code} (${facility.name}) không thuộc xã của bạn: bạn không được nhập số liệu cho cơ sở này.`, error.code);
        } else {
          at(error.details.argument, error.message, error.code);
        }
        continue;
      }
      const key = originalKey(facility.id, input.periodEnd);
      const first = seen.get(key);
      if (first !== undefined) {
        at('periodEnd', `Trùng với dòng ${first}: mỗi cơ sở chỉ một bản số liệu cho mỗi ngày chốt.`, ErrorCode.CONFLICT);
        continue;
      }
      seen.set(key, row.row);
      accepted.push({ facility, figures: input });
    }

    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      throw badInput(
        `Bảng tính có ${problems.length} lỗi; chưa ghi dòng nào. Hãy sửa theo danh sách rồi tải lên lại.`,
        { argument: 'file', reason: 'INVALID_ROWS', problems },
      );
    }
    if (!accepted.length) throw badInput('Bảng tính chưa có dòng số liệu nào được điền.', { argument: 'file', reason: 'NO_ROWS' });
    if (dryRun) return { values: [], rows: accepted.length, skippedRows: parsed.skipped };
    // One flush is one transaction: either every row is written or none is.
    const values = accepted.map(({ facility, figures }) =>
      this.em.create(IndicatorValue, { facility, ...figuresRow(figures), reportedBy: this.reporter() }),
    );
    await this.em.flush();
    return { values, rows: values.length, skippedRows: parsed.skipped };
  }

  async correct(id: string, input: Figures, reason: string): Promise<IndicatorValue> {
    const previous = isId(id) ? await this.em.findOne(IndicatorValue, { id }, { populate: ['facility'] }) : null;
    if (!previous) throw notFound(INDICATOR_VALUE_SPEC.label, id);
    authorize(this.viewer, 'facility:report', { unitId: previous.facility.commune.id });
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000) {
      throw badInput('Cần ghi lý do điều chỉnh (3–2000 ký tự).', { argument: 'reason' });
    }
    if (input.periodEnd !== previous.asOf) {
      throw badInput('Điều chỉnh giữ nguyên ngày chốt số liệu; số liệu kỳ khác hãy nhập mới.', { argument: 'input.periodEnd' });
    }
    checkFigures(previous.facility.sector, input, today());
    const later = await this.em.findOne(IndicatorValue, { supersedes: previous }, { fields: ['id'] });
    if (later) {
      throw conflict('Số liệu này đã được điều chỉnh. Hãy tải lại và điều chỉnh bản mới nhất.', { latestId: later.id });
    }
    const value = this.em.create(IndicatorValue, {
      facility: previous.facility, ...figuresRow(input), supersedes: previous, reason: why, reportedBy: this.reporter(),
    });
    await this.em.flush();
    return value;
  }
}
