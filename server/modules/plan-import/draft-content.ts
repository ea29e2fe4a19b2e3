/**
 * What a plan draft holds while it is reviewed: the plan as the importer read it from the document,
 * in the shape the review screen edits and activation turns into rows. Stored as one jsonb value on
 * the draft (plan_draft.content), so a whole edit is one write and one version.
 *
 * Bodies stand for units of the registry (or a unit to be created). Assignments are not stored as
 * such and obligations name bodies by key: activation derives the rows from the bodies' task numbers
 * and units, so an edit of a body changes everything that hangs on it.
 */
import type { ComparatorValue, FacilityLevelValue, SectorValue, Span, TargetMetricValue } from './types.js';

export type ReportPeriodValue = 'SIX_MONTH' | 'ANNUAL';
export type UnitKindValue =
  | 'LEADERSHIP' | 'OFFICE' | 'CENTRE' | 'COMMUNE' | 'TOWNSHIP' | 'ENTERPRISE' | 'BANK' | 'PROVINCIAL_DEPARTMENT';
/** How a body found its unit: by name, by an abbreviation or short name, as every commune, or chosen by a person. */
export type BodyMatch = 'NAME' | 'ABBREVIATION' | 'ALL_COMMUNES' | 'MANUAL';

export interface DraftHeaderData {
  code: string;
  number: string | null;
  title: string;
  issuingBody: string;
  issueDate: string | null;
  issuePlaceAndDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
  periodStart: string;
  periodEnd: string;
  /** A plan already in the product that this one carries out. */
  parentPlanId: string | null;
  /** The parent as the text cites it, kept whether or not it was matched. */
  parentReference: string | null;
  /** What the text leaves open and the importer (or the reviewer) decided. */
  assumption: string | null;
  span: Span | null;
}

export interface DraftTargetData {
  key: string;
  code: string;
  title: string;
  sector: SectorValue | null;
  metric: TargetMetricValue | null;
  comparator: ComparatorValue;
  thresholdPercent: number;
  deadline: string | null;
  facilityLevels: FacilityLevelValue[] | null;
  note: string | null;
  notApplicableReason: string | null;
  span: Span | null;
}

export interface DraftTaskData {
  key: string;
  /** "1", "1.2": the document's numbering; a sub-task's parent is the number before the dot. */
  number: string;
  title: string;
  description: string | null;
  dueDate: string | null;
  assumption: string | null;
  span: Span | null;
}

export interface DraftBodyData {
  key: string;
  /** As the document writes it. */
  name: string;
  unitId: string | null;
  matchedBy: BodyMatch | null;
  /** "UBND các xã, thị trấn": its work goes to every commune-level unit, led at their own facilities. */
  allCommunes: boolean;
  /** No unit matched: activation creates one with this name, unitCode and unitKind. */
  createUnit: boolean;
  unitCode: string | null;
  unitKind: UnitKindValue | null;
  /** Task numbers the body leads; for every commune, the work at its own schools and health facilities. */
  leads: string[];
  coordinates: string[];
  /** What was assumed in giving this body its lead assignments, recorded on each of them. */
  leadAssumption: string | null;
  span: Span | null;
}

export interface DraftObligationData {
  key: string;
  reporterKey: string;
  throughKey: string | null;
  recipientKey: string;
  period: ReportPeriodValue;
  dueBefore: string;
  subject: string;
  span: Span | null;
}

export interface DraftUnplacedData {
  key: string;
  text: string;
  reason: string;
  span: Span;
  dismissed: boolean;
}

export interface DraftContent {
  header: DraftHeaderData;
  targets: DraftTargetData[];
  tasks: DraftTaskData[];
  bodies: DraftBodyData[];
  obligations: DraftObligationData[];
  unplaced: DraftUnplacedData[];
}

/** A blocking problem: where in the draft, and what to do, in Vietnamese. */
export interface DraftProblemData {
  path: string;
  message: string;
}

export const TASK_NUMBER = /^[1-9]\d{0,1}(?:\.[1-9]\d{0,1})?$/;

/** "1.2" → "1"; a top-level task has no parent. */
export const parentNumberOf = (number: string): string | null => (number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null);
