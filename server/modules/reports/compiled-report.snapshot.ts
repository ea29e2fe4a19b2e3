/**
 * What a compiled district report froze at the moment it was compiled: the plan's figures, its targets
 * and the unit reports accepted by then. The DOCX and the XLSX appendix are drawn from this alone, so
 * the documents say exactly what the snapshot holds, however the data moves on afterwards.
 *
 * Stored as JSON in compiled_report.snapshot: only plain values, dates as YYYY-MM-DD strings and
 * instants as ISO strings. A field added later must be optional, since older snapshots lack it.
 */
import type { ProgressFigures } from '../assignments/deadline.js';
import type { TargetStatus } from '../targets/target-status.js';
import type { ReportPeriod } from '../reporting/reporting-obligation.entity.js';

export interface SnapshotPlan {
  code: string;
  number: string | null;
  title: string;
  issuingBody: string;
  issueDate: string | null;
  issuePlaceAndDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
}

export interface SnapshotTarget {
  code: string;
  title: string;
  /** "EDUCATION" | "HEALTH" | "EDUCATION_AND_HEALTH" */
  sector: string;
  thresholdPercent: number;
  /** "AT_LEAST" | "MORE_THAN" */
  comparator: string;
  deadline: string;
  valuePercent: number | null;
  numerator: number | null;
  denominator: number | null;
  status: TargetStatus;
  notApplicableReason: string | null;
  facilitiesCounted: number;
  facilitiesInScope: number;
  basedOnDemoData: boolean;
  note: string | null;
  /** The same target per commune (only communes with facilities in scope). */
  byCommune: Array<{
    communeCode: string;
    communeName: string;
    valuePercent: number | null;
    numerator: number | null;
    denominator: number | null;
    status: TargetStatus;
    facilitiesCounted: number;
    facilitiesInScope: number;
  }>;
}

export interface SnapshotUnitFigures {
  unitCode: string;
  unitName: string;
  figures: ProgressFigures;
}

export interface SnapshotTaskFigures {
  /** "1.1", "2", … as the plan numbers its tasks. */
  taskCode: string;
  taskTitle: string;
  /** Set for a sub-task (1.1 under 1). */
  parentCode: string | null;
  figures: ProgressFigures;
}

/** The figures a unit report was drafted from: its own work, the targets of its area, its facilities. */
export interface UnitReportFigures {
  /** The day the figures are counted as of (Vietnam time). */
  asOf: string;
  /** The unit's assignments in the plan, in the four deadline classes. */
  assignments: ProgressFigures;
  /** Its late work, named (at most 50, the latest due first). */
  overdue: Array<{ taskCode: string; taskTitle: string; dueDate: string; status: string; progress: number }>;
  /** Evidence files attached to the unit's assignments (not removed). */
  evidenceCount: number;
  /** Targets for the unit's area: the district's for an office, the commune's own for a commune. */
  targets: Array<{
    code: string;
    title: string;
    thresholdPercent: number;
    valuePercent: number | null;
    numerator: number | null;
    denominator: number | null;
    status: TargetStatus;
  }>;
  /** For a commune: its facilities and how many reported figures up to asOf. */
  facilities: { total: number; reported: number } | null;
}

export type UnitReportState = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';

export interface SnapshotUnitReport {
  unitCode: string;
  unitName: string;
  /** The state at the moment of compiling; only ACCEPTED reports carry their text and figures. */
  state: UnitReportState;
  dueBefore: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  /** Submitted on or after the due day ("trước ngày 30/6": the 30th is already late). */
  late: boolean;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  figures: UnitReportFigures | null;
}

export interface CompiledReportSnapshot {
  /** Bumped if the shape changes incompatibly; renderers refuse versions they do not know. */
  schema: 1;
  plan: SnapshotPlan;
  period: ReportPeriod;
  /** The obligation's due day: the report goes up before this day. */
  dueBefore: string;
  /** "6 tháng đầu năm 2022", "năm 2022": how the documents name the period. */
  periodLabel: string;
  /** 1, 2, …: the compilation's number for this plan and period. */
  version: number;
  /** When the figures were frozen (ISO instant) and the day they are counted as of (Vietnam time). */
  compiledAt: string;
  asOf: string;
  /** Who compiled: the aggregating office and the person. */
  compiledByUnit: string;
  compiledByName: string | null;
  /** Where the document goes: the district chairman and the provincial department. */
  recipients: string[];
  overall: ProgressFigures;
  byUnit: SnapshotUnitFigures[];
  byTask: SnapshotTaskFigures[];
  targets: SnapshotTarget[];
  /** Every unit that owes a report for this period through the aggregating office, accepted or not. */
  unitReports: SnapshotUnitReport[];
  /**
   * The honour list of the period (approved award nominations) at the moment of compiling. Absent in
   * snapshots taken before awards existed; an empty list when none was approved.
   */
  honours?: Array<{ kind: 'FACILITY' | 'UNIT'; name: string; communeName: string | null; achievement: string }>;
}
