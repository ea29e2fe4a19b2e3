/**
 * What a plan's text leaves open and someone decided when transcribing it (codes, unit codes for the
 * bodies, assumed due dates, the tasks a body "coordinates" when the text names none …), kept as data
 * beside the text and applied to the parsed plan. Parsed plan + corrections gives the shape of the
 * seed's data file (server/db/seed/ha-trung-2022.json), so a plan is made one way: from its text.
 */
import { z } from 'zod';
import { bodyCoreKey, bodyKey } from './bodies.js';
import type { PlanSeedPart, PlanStatusValue } from './plan-seed.js';
import type { BodyRef, ParsedPlan, ParsedReportPeriod, ParsedTask } from './types.js';

const PLAN_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const satisfies readonly PlanStatusValue[];
const taskNumbers = z.array(z.string().regex(/^\d+(?:\.\d+)*$/));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const correctionsSchema = z.object({
  _comment: z.string().optional(),
  plan: z.object({
    code: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    sourceTextFile: z.string().optional(),
    assumption: z.string().optional(),
    periodStart: day.optional(),
    periodEnd: day.optional(),
  }),
  parentPlan: z.object({
    /** The number the plan's basis cites: the corrections belong to that parent. */
    number: z.string(),
    code: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    periodStart: day,
    periodEnd: day,
    note: z.string().optional(),
  }),
  /** Bodies by name (matched on bodyKey): their unit codes, and tasks the text does not name. */
  bodies: z.array(z.object({
    name: z.string().min(1),
    units: z.array(z.string().min(1)).optional(),
    leads: taskNumbers.optional(),
    coordinates: taskNumbers.optional(),
    note: z.string().optional(),
  })),
  tasks: z.object({
    dueDate: day,
    assumption: z.string().optional(),
    /** Titles the transcription wrote differently from the text, by task number. */
    titles: z.record(z.string(), z.string()).optional(),
    note: z.string().optional(),
  }),
  /** One per parsed target, in the order of the text. */
  targets: z.array(z.object({
    code: z.string().min(1),
    formerTitle: z.string().optional(),
    supersedes: z.string().optional(),
    notApplicableReason: z.string().optional(),
    note: z.string().optional(),
  })),
  communeOwnFacilities: z.object({ _comment: z.string().optional(), tasks: taskNumbers, assumption: z.string() }),
  /** Report dates for reporters the text gives none. */
  reports: z.array(z.object({
    reporter: z.string().min(1),
    schedule: z.array(z.object({ period: z.enum(['SIX_MONTH', 'ANNUAL']), day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) })),
    note: z.string().optional(),
  })),
});
export type PlanCorrections = z.infer<typeof correctionsSchema>;

/** Validates a corrections file's content, naming what is wrong. */
export function parseCorrections(json: unknown): PlanCorrections {
  const result = correctionsSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`Tệp hiệu chỉnh không hợp lệ: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

/** A unit of the registry as the matching needs it. */
export interface RegistryUnit {
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
}

export interface AppliedPlan {
  seed: PlanSeedPart;
  /** What could not be resolved (a body matching no unit, a missing date …): empty when the seed is complete. */
  issues: string[];
}

const COMMUNE_KINDS = new Set(['COMMUNE', 'TOWNSHIP']);
const PERIOD_LABEL: Partial<Record<ParsedReportPeriod, string>> = { SIX_MONTH: '6 tháng', ANNUAL: 'năm' };

const pad = (n: number) => String(n).padStart(2, '0');
const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * The seed's plan parts from a parsed plan, its corrections and the unit registry. Bodies resolve by
 * the corrections' names first, then by the registry's names (full key, else the key without
 * locality or official when that names one unit); "UBND các xã, thị trấn" is every commune-level unit.
 */
export function applyCorrections(parsed: ParsedPlan, corrections: PlanCorrections, registry: RegistryUnit[]): AppliedPlan {
  const issues: string[] = [];
  const byName = new Map(corrections.bodies.map((b) => [bodyKey(b.name), b]));
  const communes = registry.filter((u) => COMMUNE_KINDS.has(u.kind)).map((u) => u.code);

  const unitsOf = (ref: BodyRef): string[] => {
    const corrected = byName.get(ref.key);
    if (corrected?.units) return corrected.units;
    if (ref.allCommunes) return communes;
    const exact = registry.filter((u) => bodyKey(u.name) === ref.key || (u.shortName && bodyKey(u.shortName) === ref.key));
    if (exact.length === 1) return [exact[0].code];
    const core = bodyCoreKey(ref.name);
    const loose = registry.filter((u) => bodyCoreKey(u.name) === core);
    if (loose.length === 1) return [loose[0].code];
    issues.push(`Không khớp được "${ref.name}" với đơn vị nào.`);
    return [];
  };
  const oneUnit = (ref: BodyRef | null): string | null => {
    if (!ref) return null;
    const units = unitsOf(ref);
    if (units.length > 1) issues.push(`"${ref.name}" ứng với nhiều đơn vị: ${units.join(', ')}.`);
    return units[0] ?? null;
  };

  // Part V names tasks ("mục 1") that part III splits into sub-tasks: the work is assigned on the sub-tasks.
  const children = new Map<string, ParsedTask[]>();
  for (const t of parsed.tasks) if (t.parentNumber) children.set(t.parentNumber, [...(children.get(t.parentNumber) ?? []), t]);
  const known = new Set(parsed.tasks.map((t) => t.number));
  const leaves = (number: string): string[] => {
    if (!known.has(number)) {
      issues.push(`Nhiệm vụ ${number} không có trong phần nhiệm vụ.`);
      return [];
    }
    const kids = children.get(number);
    return kids ? kids.flatMap((k) => leaves(k.number)) : [number];
  };

  const assignments: PlanSeedPart['assignments'] = [];
  const assign = (tasks: string[], units: string[], role: 'LEAD' | 'COORDINATE') => {
    for (const task of tasks.flatMap(leaves)) {
      for (const unit of units) {
        if (!assignments.some((a) => a.task === task && a.unit === unit && a.role === role)) assignments.push({ task, unit, role });
      }
    }
  };
  const reportingObligations: PlanSeedPart['reportingObligations'] = [];
  const period = {
    start: corrections.plan.periodStart ?? parsed.period?.start ?? null,
    end: corrections.plan.periodEnd ?? parsed.period?.end ?? null,
  };
  if (!period.start || !period.end) issues.push('Văn bản không nêu thời gian thực hiện kế hoạch.');
  const years = period.start && period.end
    ? Array.from({ length: Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4)) + 1 }, (_, i) => Number(period.start!.slice(0, 4)) + i)
    : [];

  for (const body of parsed.bodies) {
    const units = unitsOf(body.ref);
    const corrected = byName.get(body.ref.key);
    for (const lead of body.leads) if (lead.taskNumbers.length) assign(lead.taskNumbers, units, 'LEAD');
    for (const c of body.coordinates) if (c.taskNumbers.length) assign(c.taskNumbers, units, 'COORDINATE');
    if (corrected?.leads) assign(corrected.leads, units, 'LEAD');
    if (corrected?.coordinates) assign(corrected.coordinates, units, 'COORDINATE');
    if (!body.leads.some((l) => l.taskNumbers.length) && !body.coordinates.some((c) => c.taskNumbers.length) && !corrected?.leads && !corrected?.coordinates) {
      issues.push(`"${body.ref.name}" không có nhiệm vụ chủ trì hay phối hợp nào được xác định.`);
    }

    for (const report of body.reports) {
      const fallback = corrections.reports.find((r) => bodyKey(r.reporter) === body.ref.key)?.schedule ?? [];
      const schedule = report.schedule.length ? report.schedule : fallback.map((s) => ({ ...s, year: null }));
      if (!schedule.length) issues.push(`Báo cáo của "${body.ref.name}" không có hạn.`);
      const through = oneUnit(report.through);
      for (const recipient of report.recipients.flatMap(unitsOf)) {
        for (const due of schedule) {
          const label = PERIOD_LABEL[due.period];
          if (!label || due.month === null || (due.period !== 'SIX_MONTH' && due.period !== 'ANNUAL')) {
            issues.push(`Kỳ báo cáo ${due.period} của "${body.ref.name}" chưa được hỗ trợ.`);
            continue;
          }
          for (const year of due.year ? [due.year] : years) {
            for (const reporter of units) {
              reportingObligations.push({
                reporter,
                recipient,
                through,
                period: due.period,
                dueBefore: `${year}-${pad(due.month)}-${pad(due.day)}`,
                subject: `${report.aggregates ? 'Tổng hợp báo cáo' : 'Báo cáo'} ${label}${report.subject ? ` ${report.subject}` : ''}`,
              });
            }
          }
        }
      }
    }
  }

  if (corrections.targets.length !== parsed.targets.length) {
    issues.push(`Văn bản có ${parsed.targets.length} mục tiêu, tệp hiệu chỉnh có ${corrections.targets.length}.`);
  }
  const targets = parsed.targets.map((t, i) => {
    const c = corrections.targets[i];
    if (!t.sector || !t.metric || !t.dueDate) issues.push(`Mục tiêu "${t.title}" thiếu lĩnh vực, chỉ số hoặc thời hạn.`);
    return omitUndefined({
      code: c?.code ?? `T${i + 1}`,
      title: t.title,
      formerTitle: c?.formerTitle,
      supersedes: c?.supersedes,
      sector: t.sector,
      metric: t.metric,
      comparator: t.comparator,
      thresholdPercent: t.thresholdPercent,
      deadline: t.dueDate,
      facilityLevels: t.facilityLevels ?? undefined,
      notApplicableReason: c?.notApplicableReason,
      note: c?.note,
    });
  });

  const parent = parsed.parentPlan;
  if (!parent) issues.push('Văn bản không dẫn kế hoạch cấp trên nào.');
  else if (parent.number !== corrections.parentPlan.number) {
    issues.push(`Kế hoạch cấp trên trong văn bản là ${parent.number}, tệp hiệu chỉnh nói ${corrections.parentPlan.number}.`);
  }
  const { header, title, signer } = parsed;
  if (!title || !header.issuer) issues.push('Văn bản thiếu tên kế hoạch hoặc cơ quan ban hành.');

  return {
    seed: {
      parentPlan: {
        code: corrections.parentPlan.code,
        number: parent?.number ?? corrections.parentPlan.number,
        title: parent?.title ?? '',
        issuingBody: parent?.issuer?.name ?? '',
        issueDate: parent?.date ?? null,
        status: corrections.parentPlan.status,
        periodStart: corrections.parentPlan.periodStart,
        periodEnd: corrections.parentPlan.periodEnd,
      },
      plan: omitUndefined({
        code: corrections.plan.code,
        number: header.number?.number ?? null,
        title: title?.text ?? '',
        issuingBody: header.issuer?.name ?? '',
        issueDate: header.placeAndDate?.date ?? null,
        issuePlaceAndDate: header.placeAndDate?.display,
        signerName: signer?.name ?? undefined,
        signerTitle: signer?.title,
        status: corrections.plan.status,
        periodStart: period.start ?? '',
        periodEnd: period.end ?? '',
        sourceTextFile: corrections.plan.sourceTextFile,
        assumption: corrections.plan.assumption,
      }),
      tasks: parsed.tasks.map((t) => omitUndefined({
        number: t.number,
        title: corrections.tasks.titles?.[t.number] ?? t.title,
        description: t.description,
        dueDate: corrections.tasks.dueDate,
        assumption: corrections.tasks.assumption,
      })),
      targets,
      assignments,
      communeOwnFacilities: corrections.communeOwnFacilities,
      reportingObligations,
    },
    issues,
  };
}
