import { gqlRequest } from '../../graphql.js';
import type { DeadlineClass, TargetStatus } from '../../types.js';

export type UnitReportState = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
export type UnitReportAction = 'SAVE' | 'SUBMIT' | 'RETURN' | 'ACCEPT';
export type ReportPeriod = 'SIX_MONTH' | 'ANNUAL';

export interface UnitReportFigures {
  asOf: string;
  evidenceCount: number;
  assignments: {
    total: number;
    doneOnTime: number;
    doneLate: number;
    notDoneWithinDeadline: number;
    overdue: number;
    completionRate: number | null;
  };
  overdue: Array<{ taskCode: string; taskTitle: string; dueDate: string; status: string; progress: number }>;
  targets: Array<{
    code: string;
    title: string;
    thresholdPercent: number;
    valuePercent: number | null;
    numerator: number | null;
    denominator: number | null;
    status: TargetStatus;
  }>;
  /** Communes only: their schools and health facilities that have reported figures. */
  facilities: { total: number; reported: number } | null;
}

export interface UnitReportEvent {
  action: UnitReportAction;
  fromState: UnitReportState;
  toState: UnitReportState;
  comment: string | null;
  actorName: string | null;
  reportVersion: number;
  at: string;
}

export interface UnitReport {
  id: string;
  version: number;
  state: UnitReportState;
  period: ReportPeriod;
  dueBefore: string;
  subject: string;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  submissionCount: number;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  figuresFrozen: boolean;
  submittedLate: boolean;
  canEdit: boolean;
  canReview: boolean;
  deadlineClass: DeadlineClass;
  planId: string;
  unitId: string;
  reviewingUnitId: string;
  unit: { id: string; code: string; name: string };
  reviewingUnit: { id: string; code: string; name: string };
  plan: { id: string; code: string };
  figures: UnitReportFigures;
  history: UnitReportEvent[];
}

/** What a list row shows: no figures and no history, which are each a computation per report. */
export const UNIT_REPORT_LIST_FIELDS = [
  'id', 'version', 'state', 'period', 'dueBefore', 'subject', 'submittedAt', 'submittedLate', 'submissionCount', 'deadlineClass',
  'canEdit', 'canReview', 'planId', 'unitId', 'reviewingUnitId', 'updatedAt', { unit: ['id', 'code', 'name'] },
];

/** The report's own page reads everything: its figures and history too. */
export const UNIT_REPORT_SHOW_FIELDS = [
  ...UNIT_REPORT_LIST_FIELDS.filter((f) => f !== 'updatedAt'), 'results', 'difficulties', 'proposals', 'submittedByName', 'reviewedAt',
  'reviewedByName', 'reviewComment', 'figuresFrozen', 'figures', 'history', { reviewingUnit: ['id', 'code', 'name'] }, { plan: ['id', 'code'] },
];

/** What a write answers with; the page then reloads the whole report. */
const WRITTEN = 'id version state results difficulties proposals';

export type WrittenReport = Pick<UnitReport, 'id' | 'version' | 'state' | 'results' | 'difficulties' | 'proposals'>;

export interface ReportSections {
  results: string;
  difficulties: string;
  proposals: string;
}

export async function saveUnitReport(id: string, version: number, sections: ReportSections): Promise<WrittenReport> {
  const data = await gqlRequest<{ saveUnitReport: WrittenReport }>(
    `mutation($id: ID!, $version: Int!, $results: String, $difficulties: String, $proposals: String) {
      saveUnitReport(id: $id, version: $version, results: $results, difficulties: $difficulties, proposals: $proposals) { ${WRITTEN} }
    }`,
    { id, version, ...sections },
  );
  return data.saveUnitReport;
}

export async function submitUnitReport(id: string, version: number): Promise<WrittenReport> {
  const data = await gqlRequest<{ submitUnitReport: WrittenReport }>(
    `mutation($id: ID!, $version: Int!) { submitUnitReport(id: $id, version: $version) { ${WRITTEN} } }`,
    { id, version },
  );
  return data.submitUnitReport;
}

export async function reviewUnitReport(decision: 'ACCEPT' | 'RETURN', id: string, version: number, comment: string | null): Promise<WrittenReport> {
  const mutation = decision === 'ACCEPT' ? 'acceptUnitReport' : 'returnUnitReport';
  const data = await gqlRequest<Record<string, WrittenReport>>(
    `mutation($id: ID!, $version: Int!, $comment: String) { ${mutation}(id: $id, version: $version, comment: $comment) { ${WRITTEN} } }`,
    { id, version, comment },
  );
  return data[mutation];
}
