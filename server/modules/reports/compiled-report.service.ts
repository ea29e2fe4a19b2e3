import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queues } from '../../../jobs/queues.js';
import { actingUserId, authorize, can, requireViewer, type Viewer } from '../../auth/policy.js';
import { isValidDay, today } from '../../shared/dates.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { leanRows, type Lean } from '../../shared/lean.js';
import { isId } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import { CompiledReport } from './compiled-report.entity.js';
import { periodLabel } from './report-workflow.js';

/** One reporting period as the aggregating office sees it: who owes a report, where each stands. */
export interface ReportingPeriodRow {
  planId: string;
  period: ReportPeriod;
  dueBefore: string;
  label: string;
  reviewingUnitId: string;
  total: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  /** Not accepted and the due day has come (as of today). */
  overdue: number;
}

const PERIODS_SQL = `
  select o.plan_id as "planId", o.period, to_char(o.due_before, 'YYYY-MM-DD') as "dueBefore", o.through_id as "reviewingUnitId",
         count(*)::int as total,
         count(*) filter (where r.state = 'NOT_STARTED')::int as "notStarted",
         count(*) filter (where r.state = 'DRAFT')::int as draft,
         count(*) filter (where r.state = 'SUBMITTED')::int as submitted,
         count(*) filter (where r.state = 'RETURNED')::int as returned,
         count(*) filter (where r.state = 'ACCEPTED')::int as accepted,
         count(*) filter (where unit_report_deadline_class(r.state, r.submitted_at, r.reviewed_at, o.due_before, ?::date) = 'OVERDUE')::int as overdue
    from reporting_obligation o
    join unit_report r on r.obligation_id = o.id
   where o.plan_id = ? and o.through_id is not null
   group by o.plan_id, o.period, o.due_before, o.through_id
   order by o.due_before, o.period, o.through_id`;

/**
 * The district's compiled reports: the aggregating office compiles a period (a job freezes the figures
 * and writes the documents), and the compilations are kept, numbered, and read back unchanged.
 */
export class CompiledReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    /** Absent where no queue is wired (scripts): the minute sweep then compiles it. */
    private readonly queues?: Pick<Queues, 'compileReport'>,
  ) {}

  /** The plan's periods that units report up through an office, with where their reports stand. */
  async periods(planId: string): Promise<ReportingPeriodRow[]> {
    const viewer = requireViewer(this.viewer);
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    const rows = await this.em.getConnection().execute<Array<Omit<ReportingPeriodRow, 'label'>>>(PERIODS_SQL, [today(), planId]);
    // Whoever does not see every unit sees the periods its own office aggregates.
    const seesAll = can(viewer, 'report:read');
    return rows
      .filter((row) => seesAll || row.reviewingUnitId === viewer.unitId)
      .map((row) => ({ ...row, label: periodLabel(row.period, row.dueBefore) }));
  }

  /**
   * The aggregating office asks for a new compilation of a period. The row is numbered at once (one
   * more than the period's last); the job freezes the figures when it runs, seconds later.
   */
  async compile(planId: string, period: ReportPeriod, dueBefore: string, unitId?: string | null): Promise<CompiledReport> {
    const viewer = requireViewer(this.viewer);
    if (!isValidDay(dueBefore)) throw badInput(`Ngày không hợp lệ: ${dueBefore}.`, { argument: 'dueBefore' });
    const plan = isId(planId) ? await this.em.findOne(Plan, { id: planId }) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    const aggregators = await this.em.getConnection().execute<Array<{ through_id: string }>>(
      `select distinct through_id from reporting_obligation where plan_id = ? and period = ? and due_before = ?::date and through_id is not null`,
      [plan.id, period, dueBefore],
    );
    if (!aggregators.length) {
      throw badInput('Kế hoạch không có kỳ báo cáo nào như vậy để tổng hợp.', { argument: 'dueBefore', reason: 'NO_SUCH_PERIOD' });
    }
    const aggregator = unitId ?? (aggregators.length === 1 ? aggregators[0].through_id : aggregators.find((a) => a.through_id === viewer.unitId)?.through_id);
    if (!aggregator) throw badInput('Kỳ này có nhiều đơn vị tổng hợp: hãy chọn đơn vị.', { argument: 'unitId' });
    authorize(viewer, 'report:compile', { unitId: aggregator });
    if (!aggregators.some((a) => a.through_id === aggregator)) {
      throw badInput('Đơn vị này không tổng hợp báo cáo của kỳ này.', { argument: 'unitId', reason: 'NOT_AGGREGATOR' });
    }
    const userId = actingUserId(viewer);
    const report = await this.numbered(plan, aggregator, period, dueBefore, userId);
    // A queue that is down loses nothing: the report stays PENDING and the minute sweep compiles it.
    await this.queues?.compileReport(report.id).catch(() => undefined);
    return report;
  }

  /** Two compilations asked for at the same moment: the second takes the next number. */
  private async numbered(plan: Plan, unitId: string, period: ReportPeriod, dueBefore: string, userId: string | null): Promise<CompiledReport> {
    for (let attempt = 0; ; attempt++) {
      const [{ next }] = await this.em.getConnection().execute<Array<{ next: number }>>(
        `select coalesce(max(number), 0) + 1 as next from compiled_report where plan_id = ? and unit_id = ? and period = ? and due_before = ?::date`,
        [plan.id, unitId, period, dueBefore],
      );
      const em = this.em.fork();
      const report = em.create(CompiledReport, {
        plan: em.getReference(Plan, plan.id),
        unit: em.getReference(Unit, unitId),
        period,
        dueBefore,
        number: next,
        requestedBy: userId ? em.getReference(User, userId) : null,
      });
      try {
        await em.flush();
        return report;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 3) {
          if (error instanceof UniqueConstraintViolationException) throw conflict('Đang có lần tổng hợp khác cho kỳ này; hãy thử lại.');
          throw error;
        }
      }
    }
  }

  /** The compilations of a plan's period (or all periods), newest first. */
  async list(planId: string, period?: ReportPeriod | null, dueBefore?: string | null): Promise<Array<Lean<CompiledReport>>> {
    const viewer = requireViewer(this.viewer);
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    if (dueBefore && !isValidDay(dueBefore)) throw badInput(`Ngày không hợp lệ: ${dueBefore}.`, { argument: 'dueBefore' });
    const seesAll = can(viewer, 'report:read');
    if (!seesAll) authorize(viewer, 'report:read', { unitId: viewer.unitId });
    const rows = await this.em.getConnection().execute<object[]>(
      `select ${COLUMNS} from compiled_report c
        where c.plan_id = ? and (?::report_period is null or c.period = ?::report_period) and (?::date is null or c.due_before = ?::date)
          and (? or c.unit_id = ?)
        order by c.due_before desc, c.period, c.number desc limit 200`,
      [planId, period ?? null, period ?? null, dueBefore ?? null, dueBefore ?? null, seesAll, viewer.unitId],
    );
    return leanRows(this.em, CompiledReport, rows);
  }

  async get(id: string): Promise<Lean<CompiledReport>> {
    requireViewer(this.viewer);
    const rows = isId(id) ? await this.em.getConnection().execute<object[]>(`select ${COLUMNS} from compiled_report c where c.id = ?`, [id]) : [];
    if (!rows.length) throw notFound('báo cáo tổng hợp', id);
    const [report] = leanRows(this.em, CompiledReport, rows);
    authorize(this.viewer, 'report:read', { unitId: report.unit.id });
    return report;
  }
}

/** Everything but the snapshot, which only the documents need. */
const COLUMNS = `c.id, c.created_at, c.updated_at, c.version, c.plan_id, c.unit_id, c.period, c.due_before, c.number, c.state,
  c.requested_by_id, c.compiled_at, c.docx_key, c.docx_name, c.docx_size, c.docx_sha256, c.xlsx_key, c.xlsx_name, c.xlsx_size,
  c.xlsx_sha256, c.error`;
