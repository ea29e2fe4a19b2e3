/**
 * A reviewer's edit of a draft: the whole content comes back from the form and replaces the old one.
 * What the form does not carry is kept from before, by key: where each item was read in the text, and
 * how a body found its unit while the reviewer left that unit alone. New items get a key of their own.
 */
import { randomUUID } from 'node:crypto';
import type {
  BodyMatch, DraftBodyData, DraftContent, DraftObligationData, DraftTargetData, DraftTaskData, ReportPeriodValue, UnitKindValue,
} from './draft-content.js';
import type { ComparatorValue, FacilityLevelValue, SectorValue, TargetMetricValue } from './types.js';

type Maybe<T> = T | null | undefined;

export interface DraftEdit {
  header: {
    code: string; number?: Maybe<string>; title: string; issuingBody: string; issueDate?: Maybe<string>; issuePlaceAndDate?: Maybe<string>;
    signerName?: Maybe<string>; signerTitle?: Maybe<string>; periodStart: string; periodEnd: string; parentPlanId?: Maybe<string>;
    parentReference?: Maybe<string>; assumption?: Maybe<string>;
  };
  targets: Array<{
    key?: Maybe<string>; code: string; title: string; sector?: Maybe<string>; metric?: Maybe<string>; comparator: string; thresholdPercent: number;
    deadline?: Maybe<string>; facilityLevels?: Maybe<string[]>; note?: Maybe<string>; notApplicableReason?: Maybe<string>;
  }>;
  tasks: Array<{ key?: Maybe<string>; number: string; title: string; description?: Maybe<string>; dueDate?: Maybe<string>; assumption?: Maybe<string> }>;
  bodies: Array<{
    key?: Maybe<string>; name: string; unitId?: Maybe<string>; allCommunes?: Maybe<boolean>; createUnit?: Maybe<boolean>; unitCode?: Maybe<string>;
    unitKind?: Maybe<string>; leads?: Maybe<string[]>; coordinates?: Maybe<string[]>; leadAssumption?: Maybe<string>;
  }>;
  obligations: Array<{
    key?: Maybe<string>; reporterKey: string; throughKey?: Maybe<string>; recipientKey: string; period: string; dueBefore: string; subject: string;
  }>;
  /** Keys of the unplaced passages the reviewer dismissed; absent: as they were. */
  dismissedUnplaced?: Maybe<string[]>;
}

/** Trimmed, and null when nothing is left: a blank field is an empty field. */
const str = (value: Maybe<string>): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

/** Keys the form sent twice, or none: each item gets one of its own. */
function keyed<T extends { key?: Maybe<string> }>(items: T[], prefix: string): Array<T & { key: string }> {
  const used = new Set<string>();
  return items.map((item) => {
    let key = str(item.key);
    if (!key || used.has(key)) key = `${prefix}-${randomUUID().slice(0, 8)}`;
    used.add(key);
    return { ...item, key };
  });
}

const numbers = (list: Maybe<string[]>) => [...new Set((list ?? []).map((n) => n.trim()).filter(Boolean))];

export function applyDraftEdit(previous: DraftContent, edit: DraftEdit): DraftContent {
  const spanOf = <T extends { key: string; span: unknown }>(list: T[], key: string) => list.find((x) => x.key === key)?.span ?? null;
  const h = edit.header;

  const tasks: DraftTaskData[] = keyed(edit.tasks, 't').map((t) => ({
    key: t.key,
    number: t.number.trim(),
    title: t.title.trim(),
    description: str(t.description),
    dueDate: t.dueDate ?? null,
    assumption: str(t.assumption),
    span: spanOf(previous.tasks, t.key) as DraftTaskData['span'],
  }));
  const targets: DraftTargetData[] = keyed(edit.targets, 'g').map((t) => ({
    key: t.key,
    code: t.code.trim(),
    title: t.title.trim(),
    sector: (t.sector ?? null) as SectorValue | null,
    metric: (t.metric ?? null) as TargetMetricValue | null,
    comparator: t.comparator as ComparatorValue,
    thresholdPercent: t.thresholdPercent,
    deadline: t.deadline ?? null,
    facilityLevels: t.facilityLevels?.length ? ([...new Set(t.facilityLevels)] as FacilityLevelValue[]) : null,
    note: str(t.note),
    notApplicableReason: str(t.notApplicableReason),
    span: spanOf(previous.targets, t.key) as DraftTargetData['span'],
  }));
  const bodies: DraftBodyData[] = keyed(edit.bodies, 'b').map((b) => {
    const before = previous.bodies.find((x) => x.key === b.key);
    const allCommunes = b.allCommunes === true;
    const unitId = allCommunes ? null : str(b.unitId);
    const createUnit = !allCommunes && !unitId && b.createUnit === true;
    // A unit the reviewer chose is theirs; one they left as the importer found it keeps how it was found.
    const matchedBy: BodyMatch | null = allCommunes ? 'ALL_COMMUNES' : !unitId ? null : before?.unitId === unitId ? before.matchedBy : 'MANUAL';
    return {
      key: b.key,
      name: b.name.trim(),
      unitId,
      matchedBy,
      allCommunes,
      createUnit,
      unitCode: createUnit ? (str(b.unitCode)?.toUpperCase() ?? null) : null,
      unitKind: createUnit ? ((b.unitKind ?? null) as UnitKindValue | null) : null,
      leads: numbers(b.leads),
      coordinates: numbers(b.coordinates),
      leadAssumption: str(b.leadAssumption),
      span: before?.span ?? null,
    };
  });
  const obligations: DraftObligationData[] = keyed(edit.obligations, 'o').map((o) => ({
    key: o.key,
    reporterKey: o.reporterKey,
    throughKey: str(o.throughKey),
    recipientKey: o.recipientKey,
    period: o.period as ReportPeriodValue,
    dueBefore: o.dueBefore,
    subject: o.subject.trim(),
    span: spanOf(previous.obligations, o.key) as DraftObligationData['span'],
  }));
  const dismissed = edit.dismissedUnplaced ? new Set(edit.dismissedUnplaced) : null;

  return {
    header: {
      code: h.code.trim(),
      number: str(h.number),
      title: h.title.trim(),
      issuingBody: h.issuingBody.trim(),
      issueDate: h.issueDate ?? null,
      issuePlaceAndDate: str(h.issuePlaceAndDate),
      signerName: str(h.signerName),
      signerTitle: str(h.signerTitle),
      periodStart: h.periodStart,
      periodEnd: h.periodEnd,
      parentPlanId: str(h.parentPlanId),
      parentReference: str(h.parentReference),
      assumption: str(h.assumption),
      span: previous.header.span,
    },
    targets,
    tasks,
    bodies,
    obligations,
    // The unplaced passages are the text's: kept as read, only their dismissal changes.
    unplaced: previous.unplaced.map((u) => ({ ...u, dismissed: dismissed ? dismissed.has(u.key) : u.dismissed })),
  };
}
