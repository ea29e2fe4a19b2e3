import { gqlRequest } from '../graphql.js';

export type CompiledReportState = 'PENDING' | 'READY' | 'FAILED';

export interface Compilation {
  id: string;
  number: number;
  state: CompiledReportState;
  compiledAt: string | null;
  createdAt: string;
  periodLabel: string;
  requestedByName: string | null;
  docxName: string | null;
  docxUrl: string | null;
  xlsxName: string | null;
  xlsxUrl: string | null;
  error: string | null;
}

export interface ReportingPeriod {
  planId: string;
  period: 'SIX_MONTH' | 'ANNUAL';
  dueBefore: string;
  label: string;
  reviewingUnitId: string;
  reviewingUnit: { name: string };
  total: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  overdue: number;
  /** Whether the viewer may compile this period (the aggregating office's coordinators and head, ADMIN). */
  canCompile: boolean;
  compilations: Compilation[];
}

const COMPILATION = 'id number state compiledAt createdAt periodLabel requestedByName docxName docxUrl xlsxName xlsxUrl error';

export async function fetchReportingPeriods(planId: string): Promise<ReportingPeriod[]> {
  const data = await gqlRequest<{ reportingPeriods: ReportingPeriod[] }>(
    `query($planId: ID!) { reportingPeriods(planId: $planId) {
      planId period dueBefore label reviewingUnitId reviewingUnit { name }
      total notStarted draft submitted returned accepted overdue canCompile
      compilations { ${COMPILATION} }
    } }`,
    { planId },
  );
  return data.reportingPeriods;
}

export async function compileReport(period: Pick<ReportingPeriod, 'planId' | 'period' | 'dueBefore' | 'reviewingUnitId'>): Promise<Compilation> {
  const data = await gqlRequest<{ compileReport: Compilation }>(
    `mutation($planId: ID!, $period: ReportPeriod!, $dueBefore: LocalDate!, $unitId: ID) {
      compileReport(planId: $planId, period: $period, dueBefore: $dueBefore, unitId: $unitId) { ${COMPILATION} }
    }`,
    { planId: period.planId, period: period.period, dueBefore: period.dueBefore, unitId: period.reviewingUnitId },
  );
  return data.compileReport;
}
