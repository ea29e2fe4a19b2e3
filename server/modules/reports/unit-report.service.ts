import type { EntityManager } from '@mikro-orm/postgresql';
import { actingUserId, authorize, can, requireViewer, type Viewer } from '../../auth/policy.js';
import { today } from '../../shared/dates.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { leanRows, type Lean } from '../../shared/lean.js';
import { anyContains, searchText } from '../../shared/search.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { isId, type ResourceOperations } from '../../shared/resource.service.js';
import { DeadlineClass } from '../assignments/deadline.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import type { UnitReportFigures } from './compiled-report.snapshot.js';
import { STATE_WORDS, canApply, nextState } from './report-workflow.js';
import { UnitReport, UnitReportAction, UnitReportEvent, UnitReportState } from './unit-report.entity.js';
import { unitReportFigures } from './unit-report.figures.js';

export const UNIT_REPORT_SORTABLE = ['dueBefore', 'state', 'updatedAt', 'submittedAt'];
const SORT_COLUMN: Record<string, string> = {
  dueBefore: 'o.due_before', state: 'r.state', updatedAt: 'r.updated_at', submittedAt: 'r.submitted_at',
};
const NO_ROW = '00000000-0000-0000-0000-000000000000';
/** A narrative section is a few pages at most; a longer text is a pasted file, not a report. */
export const MAX_SECTION_LENGTH = 20_000;

/** A unit report as lists and pages read it: the row with what its obligation says about it. */
export type UnitReportRow = Lean<UnitReport> & {
  period: ReportPeriod;
  dueBefore: string;
  subject: string;
  /** The aggregating office that accepts or returns it. */
  reviewingUnitId: string;
  recipientId: string;
};

export interface UnitReportFilter {
  ids?: string[];
  q?: string;
  planId?: string;
  unitId?: string;
  /** Reports that come up through this office. */
  reviewingUnitId?: string;
  period?: ReportPeriod;
  dueBefore?: string;
  state?: UnitReportState[];
  deadlineClass?: DeadlineClass;
  asOf?: string;
}

export interface ReportSections {
  results?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
}

const SELECT = `
  select r.*, o.period, to_char(o.due_before, 'YYYY-MM-DD') as due_before_day, o.subject, o.through_id, o.recipient_id,
         count(*) over () as total_count
    from unit_report r
    join reporting_obligation o on o.id = r.obligation_id
    join unit ru on ru.id = r.unit_id`;

/**
 * Unit reports: read by the unit, its aggregating office and those who see every unit; written by the
 * unit (save, submit) and decided by the aggregating office (return, accept). Every step is versioned,
 * kept in the report's history and told to the other side.
 */
export class UnitReportService implements ResourceOperations<UnitReport, UnitReportRow> {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly notifications: NotificationService,
  ) {}

  async list(filterArg: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<UnitReportRow>> {
    const viewer = requireViewer(this.viewer);
    const filter = (filterArg ?? {}) as UnitReportFilter;
    const field = sortField ?? 'dueBefore';
    if (!UNIT_REPORT_SORTABLE.includes(field)) {
      throw badInput(`Không sắp xếp được theo "${field}". Chọn một trong: ${UNIT_REPORT_SORTABLE.join(', ')}.`, { argument: 'sortField' });
    }
    const dir = (direction ?? OrderDirection.ASC) === OrderDirection.DESC ? 'desc' : 'asc';
    const id = (value: string) => (isId(value) ? value : NO_ROW);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    // Whoever does not see every unit sees its own reports and those that come up through it.
    if (!can(viewer, 'report:read')) {
      authorize(viewer, 'report:read', { unitId: viewer.unitId });
      add('(r.unit_id = ? or o.through_id = ?)', viewer.unitId, viewer.unitId);
    }
    if (filter.ids) add('r.id = any(?::uuid[])', `{${filter.ids.map(id).join(',')}}`);
    if (filter.planId) add('r.plan_id = ?', id(filter.planId));
    if (filter.unitId) add('r.unit_id = ?', id(filter.unitId));
    if (filter.reviewingUnitId) add('o.through_id = ?', id(filter.reviewingUnitId));
    if (filter.period) add('o.period = ?', filter.period);
    if (filter.dueBefore) add('o.due_before = ?::date', filter.dueBefore);
    if (filter.state?.length) add('r.state = any(?::unit_report_state[])', `{${filter.state.join(',')}}`);
    if (filter.deadlineClass) {
      add('unit_report_deadline_class(r.state, r.submitted_at, r.reviewed_at, o.due_before, ?::date) = ?', filter.asOf ?? today(), filter.deadlineClass);
    }
    const text = searchText(filter.q);
    if (text) {
      // As the assignment search: the matching obligations and units through their trigram indexes,
      // then their reports, rather than unaccenting every joined row.
      const subjects = anyContains(['subject'], text);
      const units = anyContains(['name', 'code'], text);
      add(
        `(r.obligation_id = any(array(select id from reporting_obligation where ${subjects.sql})) or r.unit_id = any(array(select id from unit where ${units.sql})))`,
        ...subjects.params, ...units.params,
      );
    }
    const sql = `${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''}
      order by ${SORT_COLUMN[field]} ${dir} nulls last, ru.code, r.id limit ? offset ?`;
    const rows = await this.em.getConnection().execute<Array<Record<string, unknown>>>(sql, [...params, window.limit, window.offset]);
    const total = rows.length ? Number(rows[0].total_count) : window.offset ? (await this.count(sql, params)) : 0;
    return { items: this.toRows(rows), total };
  }

  /** Past the last page the window has no row to read the count from. */
  private async count(sql: string, params: unknown[]): Promise<number> {
    const counted = sql.replace(/ order by [\s\S]*$/, '');
    const [row] = await this.em.getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from (${counted}) x`, params);
    return row.n;
  }

  private toRows(rows: Array<Record<string, unknown>>): UnitReportRow[] {
    const lean = leanRows(this.em, UnitReport, rows);
    return lean.map((row, i) => ({
      ...row,
      period: rows[i].period as ReportPeriod,
      dueBefore: rows[i].due_before_day as string,
      subject: rows[i].subject as string,
      reviewingUnitId: rows[i].through_id as string,
      recipientId: rows[i].recipient_id as string,
    }));
  }

  async get(id: string): Promise<UnitReportRow> {
    requireViewer(this.viewer);
    if (!isId(id)) throw notFound('báo cáo', id);
    const rows = await this.em.getConnection().execute<Array<Record<string, unknown>>>(`${SELECT} where r.id = ?`, [id]);
    if (!rows.length) throw notFound('báo cáo', id);
    const [row] = this.toRows(rows);
    this.authorizeRead(row);
    return row;
  }

  /** The unit itself, its aggregating office, and those who see every unit. */
  private authorizeRead(row: UnitReportRow): void {
    const viewer = requireViewer(this.viewer);
    if (can(viewer, 'report:read', { unitId: row.unit.id }) || can(viewer, 'report:read', { unitId: row.reviewingUnitId })) return;
    authorize(viewer, 'report:read', { unitId: row.unit.id });
  }

  /** The figures the report shows: frozen at its last submission, else drafted live as of today. */
  async figures(row: UnitReportRow): Promise<UnitReportFigures> {
    if (row.frozenFigures && (row.state === UnitReportState.SUBMITTED || row.state === UnitReportState.ACCEPTED)) return row.frozenFigures;
    const unit = await this.em.findOneOrFail(Unit, { id: row.unit.id }, { fields: ['kind'], disableIdentityMap: true });
    return unitReportFigures(this.em, row.plan.id, { id: row.unit.id, kind: unit.kind }, today());
  }

  /** The unit writes its narrative sections; a section left out keeps its text, an empty one clears it. */
  async save(id: string, version: number, sections: ReportSections): Promise<UnitReportRow> {
    const report = await this.forWrite(id, version, UnitReportAction.SAVE);
    for (const key of ['results', 'difficulties', 'proposals'] as const) {
      const value = sections[key];
      if (value === undefined) continue;
      if (value !== null && value.length > MAX_SECTION_LENGTH) {
        throw badInput(`Mỗi phần của báo cáo tối đa ${MAX_SECTION_LENGTH.toLocaleString('vi-VN')} ký tự.`, { argument: key });
      }
      report[key] = value?.trim() ? value.trim() : null;
    }
    return this.step(report, UnitReportAction.SAVE, null);
  }

  /** The unit sends its report; the figures are frozen as of today and the aggregating office told. */
  async submit(id: string, version: number): Promise<UnitReportRow> {
    const report = await this.forWrite(id, version, UnitReportAction.SUBMIT);
    if (!report.results?.trim()) {
      throw badInput('Báo cáo chưa có phần "Kết quả thực hiện": hãy viết rồi gửi.', { argument: 'results', reason: 'RESULTS_REQUIRED' });
    }
    const unit = await this.em.findOneOrFail(Unit, { id: report.unit.id });
    report.frozenFigures = await unitReportFigures(this.em, report.plan.id, unit, today());
    report.submittedAt = new Date();
    const userId = actingUserId(requireViewer(this.viewer));
    report.submittedBy = userId ? this.em.getReference(User, userId) : null;
    report.submissionCount += 1;
    return this.step(report, UnitReportAction.SUBMIT, null);
  }

  /** The aggregating office sends the report back, saying why. */
  async returnReport(id: string, version: number, comment: string): Promise<UnitReportRow> {
    if (!comment?.trim()) throw badInput('Hãy ghi lý do trả lại báo cáo.', { argument: 'comment' });
    const report = await this.forWrite(id, version, UnitReportAction.RETURN);
    this.reviewed(report, comment.trim());
    return this.step(report, UnitReportAction.RETURN, comment.trim());
  }

  async accept(id: string, version: number, comment?: string | null): Promise<UnitReportRow> {
    const report = await this.forWrite(id, version, UnitReportAction.ACCEPT);
    this.reviewed(report, comment?.trim() || null);
    return this.step(report, UnitReportAction.ACCEPT, comment?.trim() || null);
  }

  private reviewed(report: UnitReport, comment: string | null) {
    const userId = actingUserId(requireViewer(this.viewer));
    report.reviewedAt = new Date();
    report.reviewedBy = userId ? this.em.getReference(User, userId) : null;
    report.reviewComment = comment;
  }

  /** Loads the report for a write: who may, which version, which state, in that order. */
  private async forWrite(id: string, version: number, action: UnitReportAction): Promise<UnitReport> {
    const viewer = requireViewer(this.viewer);
    const report = isId(id) ? await this.em.findOne(UnitReport, { id }, { populate: ['obligation', 'unit'] }) : null;
    if (!report) throw notFound('báo cáo', id);
    const reviewing = action === UnitReportAction.RETURN || action === UnitReportAction.ACCEPT;
    const reviewingUnitId = report.obligation.through?.id;
    if (reviewing) authorize(viewer, 'report:review', { unitId: reviewingUnitId ?? NO_ROW });
    else authorize(viewer, 'report:write', { unitId: report.unit.id });
    if (report.version !== version) {
      throw conflict(
        `Báo cáo đã được người khác cập nhật (phiên bản hiện tại ${report.version}, bạn gửi ${version}). Hãy tải lại rồi thử lại.`,
        { currentVersion: report.version },
      );
    }
    if (!canApply(action, report.state)) {
      throw conflict(`Báo cáo đang ở trạng thái "${STATE_WORDS[report.state as UnitReportState].toLocaleLowerCase('vi-VN')}": không thể ${ACTION_WORDS[action]}.`, {
        state: report.state, action,
      });
    }
    return report;
  }

  /** Records the step in the history, tells the other side, and writes it all in one flush. */
  private async step(report: UnitReport, action: UnitReportAction, comment: string | null): Promise<UnitReportRow> {
    const viewer = requireViewer(this.viewer);
    const userId = actingUserId(viewer);
    const from = report.state;
    report.state = nextState(action, from);
    const event = this.em.create(UnitReportEvent, {
      report,
      action,
      fromState: from,
      toState: report.state,
      actor: userId ? this.em.getReference(User, userId) : null,
      comment,
      // The version this write gives the report: the flush bumps it by one.
      reportVersion: report.version + 1,
      at: new Date(),
    });
    await this.notifications.reportTransitioned(report, event, {
      unitName: report.unit.name,
      reviewingUnitId: report.obligation.through?.id ?? NO_ROW,
      subject: report.obligation.subject,
      dueBefore: report.obligation.dueBefore,
    });
    await this.em.flush();
    await this.notifications.flushed();
    return this.get(report.id);
  }

  async create(): Promise<UnitReport> {
    throw badInput('Báo cáo của đơn vị được tạo cùng nghĩa vụ báo cáo.');
  }

  async update(): Promise<UnitReport> {
    throw badInput('Dùng saveUnitReport để sửa nội dung báo cáo.');
  }

  async delete(): Promise<UnitReport> {
    throw badInput('Báo cáo của đơn vị không xóa được; xóa nghĩa vụ báo cáo nếu nhập nhầm.');
  }
}

const ACTION_WORDS: Record<UnitReportAction, string> = {
  [UnitReportAction.SAVE]: 'sửa',
  [UnitReportAction.SUBMIT]: 'gửi',
  [UnitReportAction.RETURN]: 'trả lại',
  [UnitReportAction.ACCEPT]: 'tiếp nhận',
};
