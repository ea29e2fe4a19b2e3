import { createHash } from 'node:crypto';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EMPTY_COUNTS, addCounts, figuresFromCounts, planCounts } from '../assignments/progress.sql.js';
import { evidenceStore, storeBytes } from '../evidence/storage/index.js';
import type { RenderDeps } from '../letters/letter.render.js';
import { DOCX_TYPE } from '../letters/letter.render.js';
import { XLSX_MIME } from '../facilities/figures.workbook.js';
import { Plan } from '../plans/plan.entity.js';
import { Target } from '../targets/target.entity.js';
import { targetValues, targetValuesByCommune } from '../targets/target-progress.js';
import { Task } from '../tasks/task.entity.js';
import { today } from '../../shared/dates.js';
import { upperFirst } from '../../shared/text.js';
import { CompiledReport, CompiledReportState } from './compiled-report.entity.js';
import type { CompiledReportSnapshot, SnapshotUnitReport, UnitReportFigures, UnitReportState } from './compiled-report.snapshot.js';
import { periodLabel, submittedLate } from './report-workflow.js';
import { compiledReportFileName } from './compiled-report.render.js';
import { awardPeriodEnd } from '../awards/award-evaluation.run.js';

export type CompileOutcome =
  | { state: 'skipped' }
  | { state: CompiledReportState.READY; docxSize: number; xlsxSize: number }
  | { state: CompiledReportState.FAILED; error: string };

/** Where the two files of a compilation are kept: fixed by its id, so a retried job overwrites, never adds. */
export const compiledReportKeys = (id: string) => ({ docx: `reports/${id}`, xlsx: `appendices/${id}` });

/**
 * Compiles one pending report: in one REPEATABLE READ transaction it locks the row (SKIP LOCKED, so a
 * job delivered twice or racing the minute sweep compiles it once), freezes the plan's figures, its
 * targets and its unit reports as one consistent picture, writes the DOCX and the XLSX from that
 * snapshot, stores them and marks the row READY with the snapshot beside them.
 */
export async function compilePendingReport(deps: RenderDeps, id: string): Promise<CompileOutcome> {
  const store = await evidenceStore(deps.config);
  return deps.em.fork().transactional(async (em): Promise<CompileOutcome> => {
    const locked = await em.execute(`select id from compiled_report where id = ? and state = 'PENDING' for update skip locked`, [id]);
    if (!locked.length) return { state: 'skipped' };
    const report = await em.findOneOrFail(CompiledReport, { id }, { populate: ['plan', 'unit', 'requestedBy'] });
    const compiledAt = new Date();
    let docx: Buffer;
    let xlsx: Buffer;
    let snapshot: CompiledReportSnapshot;
    try {
      snapshot = await freeze(em, report, compiledAt);
      // The document writers are loaded with the first compilation, not when the API starts.
      const [{ compiledReportDocx }, { compiledReportXlsx }] = await Promise.all([
        import('./compiled-report.docx.js'), import('./compiled-report.xlsx.js'),
      ]);
      [docx, xlsx] = await Promise.all([compiledReportDocx(snapshot), compiledReportXlsx(snapshot)]);
    } catch (error) {
      // The same data would fail the same way on every retry: say so on the row for the office.
      report.state = CompiledReportState.FAILED;
      report.error = `Không tổng hợp được báo cáo: ${(error as Error)?.message ?? String(error)}`;
      deps.log.error('compiled report failed', { id, error: report.error });
      return { state: CompiledReportState.FAILED, error: report.error };
    }
    const keys = compiledReportKeys(report.id);
    await storeBytes(store, keys.docx, docx, DOCX_TYPE);
    await storeBytes(store, keys.xlsx, xlsx, XLSX_MIME);
    Object.assign(report, {
      state: CompiledReportState.READY,
      compiledAt,
      snapshot,
      docxKey: keys.docx,
      docxName: compiledReportFileName(snapshot, 'docx'),
      docxSize: docx.length,
      docxSha256: createHash('sha256').update(docx).digest('hex'),
      xlsxKey: keys.xlsx,
      xlsxName: compiledReportFileName(snapshot, 'xlsx'),
      xlsxSize: xlsx.length,
      xlsxSha256: createHash('sha256').update(xlsx).digest('hex'),
      error: null,
    });
    return { state: CompiledReportState.READY, docxSize: docx.length, xlsxSize: xlsx.length };
  }, { isolationLevel: IsolationLevel.REPEATABLE_READ });
}

/** At most this many compilations per sweep; the next minute takes the rest. */
const SWEEP_BATCH = 10;

/** Compiles what is still pending: a job lost with Redis, or a report asked for while the queue was down. */
export async function compilePendingReports(deps: RenderDeps): Promise<{ ready: number; failed: number; skipped: number; errors: number }> {
  const pending = await deps.em.fork().execute<Array<{ id: string }>>(
    `select id from compiled_report where state = 'PENDING' order by created_at, id limit ${SWEEP_BATCH}`,
  );
  const counts = { ready: 0, failed: 0, skipped: 0, errors: 0 };
  for (const { id } of pending) {
    try {
      const outcome = await compilePendingReport({ ...deps, em: deps.em.fork() }, id);
      if (outcome.state === CompiledReportState.READY) counts.ready += 1;
      else if (outcome.state === CompiledReportState.FAILED) counts.failed += 1;
      else counts.skipped += 1;
    } catch (error) {
      deps.log.error('compiled report not written', { id, error: String((error as Error)?.message ?? error) });
      counts.errors += 1;
    }
  }
  return counts;
}

const UNIT_REPORTS_SQL = `
  select u.code as "unitCode", u.name as "unitName", r.state, to_char(o.due_before, 'YYYY-MM-DD') as "dueBefore",
         r.submitted_at as "submittedAt", r.reviewed_at as "reviewedAt", r.results, r.difficulties, r.proposals,
         r.frozen_figures as "frozenFigures"
    from unit_report r
    join reporting_obligation o on o.id = r.obligation_id
    join unit u on u.id = r.unit_id
   where o.plan_id = ? and o.period = ? and o.due_before = ?::date and o.through_id = ?
   order by u.code`;

interface UnitReportSqlRow {
  unitCode: string;
  unitName: string;
  state: UnitReportState;
  dueBefore: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  frozenFigures: UnitReportFigures | null;
}

/** The picture the documents are drawn from, read inside the compiling transaction. */
async function freeze(em: EntityManager, report: CompiledReport, compiledAt: Date): Promise<CompiledReportSnapshot> {
  const plan: Plan = report.plan;
  const asOf = today(compiledAt);
  const connection = em.getConnection();
  const [counts, tasks, targets, unitReports, recipients, honours] = await Promise.all([
    planCounts(em, plan.id, asOf),
    em.find(Task, { plan: plan.id }, { orderBy: { position: 'asc', number: 'asc' }, disableIdentityMap: true }),
    em.find(Target, { plan: plan.id }, { orderBy: { code: 'asc' }, disableIdentityMap: true }),
    connection.execute<UnitReportSqlRow[]>(UNIT_REPORTS_SQL, [plan.id, report.period, report.dueBefore, report.unit.id]),
    connection.execute<Array<{ name: string }>>(
      `select distinct u.name from reporting_obligation o join unit u on u.id = o.recipient_id
        where o.plan_id = ? and o.reporter_id = ? and o.period = ? and o.due_before = ?::date order by u.name`,
      [plan.id, report.unit.id, report.period, report.dueBefore],
    ),
    // The honour list of the half-year or year the report covers, as decided by now.
    connection.execute<NonNullable<CompiledReportSnapshot['honours']>>(
      `select n.kind, coalesce(f.name, u.name) as name, case when n.facility_id is not null then u.name end as "communeName", n.achievement
         from award_nomination n join unit u on u.id = n.unit_id left join facility f on f.id = n.facility_id
        where n.plan_id = ? and n.period_end = ?::date and n.state = 'APPROVED'
        order by n.kind, n.rank nulls last, name`,
      [plan.id, awardPeriodEnd(report.period, report.dueBefore)],
    ),
  ]);
  const unitIds = [...counts.byUnit.keys()];
  const [units, values, byCommune] = await Promise.all([
    unitIds.length ? connection.execute<Array<{ id: string; code: string; name: string }>>(
      `select id, code, name from unit where id = any(?::uuid[]) order by code`, [`{${unitIds.join(',')}}`],
    ) : Promise.resolve([]),
    targetValues(em, targets, asOf),
    targetValuesByCommune(em, targets, asOf),
  ]);
  const communeIds = [...new Set(byCommune.flat().map((v) => v.communeId))];
  const communes = new Map(
    (communeIds.length
      ? await connection.execute<Array<{ id: string; code: string; name: string }>>(`select id, code, name from unit where id = any(?::uuid[])`, [`{${communeIds.join(',')}}`])
      : []
    ).map((c) => [c.id, c]),
  );
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  return {
    schema: 1,
    plan: {
      code: plan.code,
      number: plan.number ?? null,
      title: plan.title,
      issuingBody: plan.issuingBody,
      issueDate: plan.issueDate ?? null,
      issuePlaceAndDate: plan.issuePlaceAndDate ?? null,
      signerName: plan.signerName ?? null,
      signerTitle: plan.signerTitle ?? null,
    },
    period: report.period,
    dueBefore: report.dueBefore,
    periodLabel: periodLabel(report.period, report.dueBefore),
    version: report.number,
    compiledAt: compiledAt.toISOString(),
    asOf,
    compiledByUnit: report.unit.name,
    compiledByName: report.requestedBy?.fullName ?? null,
    recipients: recipients.length ? recipients.map((r) => r.name) : ['Chủ tịch UBND huyện'],
    overall: figuresFromCounts(counts.overall ?? EMPTY_COUNTS),
    byUnit: units.map((u) => ({ unitCode: u.code, unitName: u.name, figures: figuresFromCounts(counts.byUnit.get(u.id) ?? EMPTY_COUNTS) })),
    byTask: tasks.map((t) => ({
      taskCode: t.number,
      taskTitle: t.title,
      parentCode: t.parent ? (taskById.get(t.parent.id)?.number ?? null) : null,
      figures: figuresFromCounts(addCounts(counts.byTask.get(t.id) ?? EMPTY_COUNTS, counts.byParentTask.get(t.id))),
    })),
    targets: targets.map((t, i) => ({
      code: t.code,
      title: t.title,
      sector: t.sector,
      thresholdPercent: t.thresholdPercent,
      comparator: t.comparator,
      deadline: t.deadline,
      valuePercent: values[i].valuePercent,
      numerator: values[i].numerator,
      denominator: values[i].denominator,
      status: values[i].status,
      notApplicableReason: values[i].notApplicableReason,
      facilitiesCounted: values[i].facilitiesCounted,
      facilitiesInScope: values[i].facilitiesInScope,
      basedOnDemoData: values[i].basedOnDemoData,
      note: t.note ?? null,
      byCommune: byCommune[i]
        .filter((v) => v.facilitiesInScope > 0)
        .map((v) => ({
          communeCode: communes.get(v.communeId)?.code ?? '',
          communeName: communes.get(v.communeId)?.name ?? '',
          valuePercent: v.valuePercent,
          numerator: v.numerator,
          denominator: v.denominator,
          status: v.status,
          facilitiesCounted: v.facilitiesCounted,
          facilitiesInScope: v.facilitiesInScope,
        })),
    })),
    honours: honours.map((h) => ({ ...h, achievement: upperFirst(h.achievement) })),
    unitReports: unitReports.map((r): SnapshotUnitReport => {
      const accepted = r.state === 'ACCEPTED';
      return {
        unitCode: r.unitCode,
        unitName: r.unitName,
        state: r.state,
        dueBefore: r.dueBefore,
        submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
        acceptedAt: accepted && r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
        late: submittedLate(r.submittedAt ? new Date(r.submittedAt) : null, r.dueBefore),
        results: accepted ? r.results : null,
        difficulties: accepted ? r.difficulties : null,
        proposals: accepted ? r.proposals : null,
        figures: accepted ? r.frozenFigures : null,
      };
    }),
  };
}
