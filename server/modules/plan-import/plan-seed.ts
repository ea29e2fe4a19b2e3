/**
 * The plan parts of the seed's data file (PlanSeed in server/db/seed/seeder.ts) as the importer makes
 * them, enum values as their strings: what the seeder will take from the importer instead of reading
 * them from ha-trung-2022.json.
 */
import type { PlanStatus } from '../plans/plan.entity.js';
import type { ComparatorValue, FacilityLevelValue, SectorValue, TargetMetricValue } from './types.js';

export type PlanStatusValue = `${PlanStatus}`;

export interface SeedPlanFields {
  code: string;
  number: string | null;
  title: string;
  issuingBody: string;
  issueDate: string | null;
  issuePlaceAndDate?: string;
  signerName?: string;
  signerTitle?: string;
  status: PlanStatusValue;
  periodStart: string;
  periodEnd: string;
  sourceTextFile?: string;
  assumption?: string;
}

export interface PlanSeedPart {
  parentPlan: SeedPlanFields;
  plan: SeedPlanFields;
  tasks: Array<{ number: string; title: string; description: string | null; dueDate: string; assumption?: string }>;
  targets: Array<{
    code: string;
    title: string;
    formerTitle?: string;
    supersedes?: string;
    /** Null only when the text does not say: applyCorrections then lists it among its issues. */
    sector: SectorValue | null;
    metric: TargetMetricValue | null;
    comparator: ComparatorValue;
    thresholdPercent: number;
    deadline: string | null;
    facilityLevels?: FacilityLevelValue[];
    notApplicableReason?: string;
    note?: string;
  }>;
  assignments: Array<{ task: string; unit: string; role: 'LEAD' | 'COORDINATE' }>;
  communeOwnFacilities: { _comment?: string; tasks: string[]; assumption: string };
  reportingObligations: Array<{
    reporter: string;
    recipient: string;
    through: string | null;
    period: 'SIX_MONTH' | 'ANNUAL';
    dueBefore: string;
    subject: string;
  }>;
}
