/**
 * The rows a plan is made of, as activation writes them: a reviewed draft spelt out into tasks,
 * targets, one assignment per task and unit, and one reporting obligation per reporter, recipient,
 * period and due date. Pure: the units are ids already (created ones included), so a unit test can
 * check what a draft will make without a database.
 */
import type { DraftContent, ReportPeriodValue } from './draft-content.js';
import { leafNumbers } from './draft-build.js';
import type { ComparatorValue, FacilityLevelValue, PlanStatusValue, SectorValue, TargetMetricValue } from './types.js';

export interface PlanBlueprint {
  plan: {
    code: string;
    number: string | null;
    title: string;
    issuingBody: string;
    issueDate: string | null;
    issuePlaceAndDate: string | null;
    signerName: string | null;
    signerTitle: string | null;
    status: PlanStatusValue;
    periodStart: string;
    periodEnd: string;
    parentId: string | null;
    sourceText: string | null;
    assumption: string | null;
  };
  tasks: Array<{ number: string; title: string; description: string | null; dueDate: string; assumption: string | null }>;
  targets: Array<{
    code: string;
    title: string;
    sector: SectorValue;
    metric: TargetMetricValue;
    comparator: ComparatorValue;
    thresholdPercent: number;
    deadline: string;
    facilityLevels: FacilityLevelValue[] | null;
    note: string | null;
    notApplicableReason: string | null;
    /** An earlier seed's wording: an install still showing it gets this title (see the seeder). */
    formerTitle?: string;
    /** An earlier seed's target this one is a part of: removed once its parts exist. */
    supersedes?: string;
  }>;
  assignments: Array<{ task: string; unitId: string; role: 'LEAD' | 'COORDINATE'; scope: 'DISTRICT' | 'OWN_FACILITIES'; assumption: string | null }>;
  obligations: Array<{ reporterId: string; recipientId: string; throughId: string | null; period: ReportPeriodValue; dueBefore: string; subject: string }>;
  /** The office reports go up through: it coordinates the plan's follow-up (its escalation policy). */
  coordinatorUnitId: string | null;
}

export interface BlueprintUnits {
  /** The unit a body stands for: its matched unit, or the one activation created for it. */
  unitOf(bodyKey: string): string | null;
  /** Every commune-level unit, for "UBND các xã, thị trấn". */
  communeIds: readonly string[];
}

/**
 * A draft without problems → the rows of its plan. An assignment is one per task, unit and scope, so
 * when two bodies stand for the same unit the first to name the task decides its role.
 */
export function blueprintOf(
  content: DraftContent,
  units: BlueprintUnits,
  plan: { status: PlanStatusValue; sourceText: string | null },
): PlanBlueprint {
  const { header } = content;
  const unitsOf = (key: string | null): string[] => {
    const body = content.bodies.find((b) => b.key === key);
    if (!body) return [];
    if (body.allCommunes) return [...units.communeIds];
    const id = units.unitOf(body.key);
    return id ? [id] : [];
  };

  const leaves = leafNumbers(content.tasks.map((t) => t.number));
  const assignments: PlanBlueprint['assignments'] = [];
  const seen = new Set<string>();
  const assign = (task: string, unitId: string, role: 'LEAD' | 'COORDINATE', scope: 'DISTRICT' | 'OWN_FACILITIES', assumption: string | null) => {
    const key = `${task}|${unitId}|${scope}`;
    if (seen.has(key)) return;
    seen.add(key);
    assignments.push({ task, unitId, role, scope, assumption });
  };
  for (const body of content.bodies) {
    const ids = unitsOf(body.key);
    // Part V.4: every commune leads the work at its own schools and health facilities; its coordinating
    // part of the district's task is a separate assignment.
    const leadScope = body.allCommunes ? 'OWN_FACILITIES' : 'DISTRICT';
    for (const task of body.leads.flatMap(leaves)) for (const id of ids) assign(task, id, 'LEAD', leadScope, body.leadAssumption);
  }
  for (const body of content.bodies) {
    const ids = unitsOf(body.key);
    for (const task of body.coordinates.flatMap(leaves)) for (const id of ids) assign(task, id, 'COORDINATE', 'DISTRICT', null);
  }

  const obligations: PlanBlueprint['obligations'] = [];
  const owed = new Set<string>();
  const throughCount = new Map<string, number>();
  for (const o of content.obligations) {
    const throughId = unitsOf(o.throughKey)[0] ?? null;
    for (const reporterId of unitsOf(o.reporterKey)) {
      for (const recipientId of unitsOf(o.recipientKey)) {
        const key = `${reporterId}|${recipientId}|${o.period}|${o.dueBefore}`;
        if (owed.has(key)) continue;
        owed.add(key);
        obligations.push({ reporterId, recipientId, throughId, period: o.period, dueBefore: o.dueBefore, subject: o.subject });
        if (throughId) throughCount.set(throughId, (throughCount.get(throughId) ?? 0) + 1);
      }
    }
  }
  const coordinatorUnitId = [...throughCount.entries()].reduce<[string, number] | null>((best, e) => (!best || e[1] > best[1] ? e : best), null)?.[0] ?? null;

  return {
    plan: {
      code: header.code,
      number: header.number,
      title: header.title,
      issuingBody: header.issuingBody,
      issueDate: header.issueDate,
      issuePlaceAndDate: header.issuePlaceAndDate,
      signerName: header.signerName,
      signerTitle: header.signerTitle,
      status: plan.status,
      periodStart: header.periodStart,
      periodEnd: header.periodEnd,
      parentId: header.parentPlanId,
      sourceText: plan.sourceText,
      assumption: header.assumption,
    },
    tasks: content.tasks.map((t) => ({ number: t.number, title: t.title, description: t.description, dueDate: t.dueDate!, assumption: t.assumption })),
    targets: content.targets.map((t) => ({
      code: t.code,
      title: t.title,
      sector: t.sector!,
      metric: t.metric!,
      comparator: t.comparator,
      thresholdPercent: t.thresholdPercent,
      deadline: t.deadline!,
      facilityLevels: t.facilityLevels,
      note: t.note,
      notApplicableReason: t.notApplicableReason,
    })),
    assignments,
    obligations,
    coordinatorUnitId,
  };
}
