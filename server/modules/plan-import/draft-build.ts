/**
 * A parsed plan → the draft a person reviews: codes proposed, the parent plan looked up, tasks given
 * the plan's end as their due date when the text sets none, every body matched to a unit (or proposed
 * as a new one), and the report duties spelt out per reporter, recipient, period and year. What the
 * rules could not turn into data stays in `unplaced`, with why.
 *
 * A transcription's corrections (codes, unit codes, tasks the text does not name, report dates) are
 * applied here too, so the seeded plan is made from its text by the same steps as an imported one.
 */
import { formatViDate } from '../../shared/dates.js';
import { bodyKey } from './bodies.js';
import type { PlanCorrections } from './corrections.js';
import {
  type DraftBodyData, type DraftContent, type DraftHeaderData, type DraftObligationData, type DraftTargetData, type DraftTaskData,
  type DraftUnplacedData, parentNumberOf,
} from './draft-content.js';
import { fold } from './text.js';
import type { BodyRef, ParsedPlan, ParsedReportPeriod, Span } from './types.js';
import { type UnitMatcher, proposeUnitCode, unitKindOf } from './unit-match.js';

export interface DraftBuildContext {
  matcher: UnitMatcher;
  /** Plans the text's parent could be: those with the number it cites. */
  parentCandidates: ReadonlyArray<{ id: string; number: string | null; issueDate: string | null }>;
  takenPlanCodes: ReadonlySet<string>;
  takenUnitCodes: ReadonlySet<string>;
  /** The year assumed when the text gives neither a period nor a date. */
  currentYear: number;
  corrections?: PlanCorrections;
}

const PERIOD_LABEL: Partial<Record<ParsedReportPeriod, string>> = { SIX_MONTH: '6 tháng', ANNUAL: 'năm' };
const UNSUPPORTED_PERIOD: Record<ParsedReportPeriod, string> = {
  SIX_MONTH: '6 tháng',
  ANNUAL: 'năm',
  QUARTERLY: 'hằng quý',
  MONTHLY: 'hằng tháng',
  ONE_OFF: 'một lần',
};
const pad = (n: number) => String(n).padStart(2, '0');

const LOCALITY = /(?:^|\s)(?:tinh|huyen|xa|thi tran|thi xa|thanh pho|quan|phuong)\s+([a-z0-9\s]+)$/;

/** "Ủy ban nhân dân huyện Hà Trung" → "HT": the initials of the place a body's name ends with. */
function localityInitials(name: string | null | undefined): string | null {
  if (!name) return null;
  const place = LOCALITY.exec(fold(name).replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim());
  return place ? place[1].split(' ').map((w) => w[0]).join('').toUpperCase() : null;
}

/** A plan code in the seed's style ("TH-97-KH-UBND-2022"): where, the document's number, the year; unique. */
export function proposePlanCode(parsed: ParsedPlan, year: number, taken: ReadonlySet<string>): string {
  const place = localityInitials(parsed.header.issuer?.name) ?? localityInitials(parsed.header.superior?.name);
  const number = parsed.header.number?.number;
  const numberPart = number ? fold(number).toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '') : 'KH';
  const base = [place, numberPart, String(year)].filter(Boolean).join('-').slice(0, 72);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "Kế hoạch số 97/KH-UBND ngày 04/04/2022 của Ủy ban nhân dân tỉnh Thanh Hóa". */
function citation(parent: NonNullable<ParsedPlan['parentPlan']>): string {
  return [
    `${parent.type}${parent.number ? ` số ${parent.number}` : ''}`,
    parent.date ? `ngày ${formatViDate(parent.date)}` : null,
    parent.issuer ? `của ${parent.issuer.name}` : null,
  ].filter(Boolean).join(' ');
}

function header(parsed: ParsedPlan, ctx: DraftBuildContext): DraftHeaderData {
  const c = ctx.corrections;
  const issueYear = parsed.header.placeAndDate?.year ?? null;
  const year = Number((c?.plan.periodStart ?? parsed.period?.start)?.slice(0, 4)) || issueYear || ctx.currentYear;
  const periodStart = c?.plan.periodStart ?? parsed.period?.start ?? `${year}-01-01`;
  const periodEnd = c?.plan.periodEnd ?? parsed.period?.end ?? `${year}-12-31`;
  const assumptions: string[] = [];
  if (!parsed.period && !c?.plan.periodStart) {
    assumptions.push(`Văn bản không nêu thời gian thực hiện: tạm lấy năm ${year} (${formatViDate(periodStart)} – ${formatViDate(periodEnd)}).`);
  }
  const parent = parsed.parentPlan;
  const matches = parent?.number
    ? ctx.parentCandidates.filter((p) => p.number === parent.number && (!parent.date || !p.issueDate || p.issueDate === parent.date))
    : [];
  const { title, signer } = parsed;
  const span: Span | null = parsed.header.issuer && title ? { start: parsed.header.issuer.span.start, end: title.span.end } : (title?.span ?? null);
  return {
    code: c?.plan.code ?? proposePlanCode(parsed, issueYear ?? year, ctx.takenPlanCodes),
    number: parsed.header.number?.number ?? null,
    title: title?.text ?? '',
    issuingBody: parsed.header.issuer?.name ?? '',
    issueDate: parsed.header.placeAndDate?.date ?? null,
    issuePlaceAndDate: parsed.header.placeAndDate?.display ?? null,
    signerName: signer?.name ?? null,
    signerTitle: signer?.title ?? null,
    periodStart,
    periodEnd,
    parentPlanId: matches.length === 1 ? matches[0].id : null,
    parentReference: parent ? citation(parent) : null,
    assumption: c?.plan.assumption ?? (assumptions.join(' ') || null),
    span,
  };
}

/**
 * The draft of a parsed plan. Keys are given in reading order (t1, g1, b1, o1, u1), so the same text
 * always gives the same draft.
 */
export function buildDraftContent(parsed: ParsedPlan, ctx: DraftBuildContext): DraftContent {
  const c = ctx.corrections;
  const head = header(parsed, ctx);
  const unplaced: DraftUnplacedData[] = parsed.unplaced.map((u) => ({ key: '', text: u.text, reason: u.reason, span: u.span, dismissed: false }));
  const leave = (span: Span, reason: string) => {
    if (!unplaced.some((u) => u.span.start === span.start && u.span.end === span.end && u.reason === reason)) {
      unplaced.push({ key: '', text: parsed.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim(), reason, span, dismissed: false });
    }
  };

  const taskDue = c?.tasks.dueDate ?? head.periodEnd;
  const tasks: DraftTaskData[] = parsed.tasks.map((t, i) => ({
    key: `t${i + 1}`,
    number: t.number,
    title: c?.tasks.titles?.[t.number] ?? t.title,
    description: t.description,
    dueDate: taskDue,
    assumption: c ? (c.tasks.assumption ?? null) : `Kế hoạch không nêu hạn riêng cho nhiệm vụ: hạn ${formatViDate(taskDue)} là ngày kết thúc thời gian thực hiện kế hoạch.`,
    span: t.span,
  }));
  const targets: DraftTargetData[] = parsed.targets.map((t, i) => ({
    key: `g${i + 1}`,
    code: c?.targets[i]?.code ?? `T${i + 1}`,
    title: t.title,
    sector: t.sector,
    metric: t.metric,
    comparator: t.comparator,
    thresholdPercent: t.thresholdPercent,
    deadline: t.dueDate ?? head.periodEnd,
    facilityLevels: t.facilityLevels,
    note: c?.targets[i]?.note ?? null,
    notApplicableReason: c?.targets[i]?.notApplicableReason ?? null,
    span: t.span,
  }));

  // Part V names tasks ("mục 1") that part III splits into sub-tasks: the work is assigned on the sub-tasks.
  const leaves = leafNumbers(tasks.map((t) => t.number));
  const bodies: DraftBodyData[] = [];
  const keysOf = new Map<string, string[]>();
  const unitCodes = new Set(ctx.takenUnitCodes);
  const corrected = (ref: BodyRef) => c?.bodies.find((b) => bodyKey(b.name) === ref.key);
  const bodyKeys = (ref: BodyRef): string[] => {
    const known = keysOf.get(ref.key);
    if (known) return known;
    const base = { name: ref.name, leads: [], coordinates: [], leadAssumption: null, span: ref.span } as const;
    const made: DraftBodyData[] = [];
    const byCode = corrected(ref)?.units;
    if (byCode) {
      for (const code of byCode) {
        const unit = ctx.matcher.registry.find((u) => u.code === code);
        made.push({ ...base, key: '', unitId: unit?.id ?? null, matchedBy: 'MANUAL', allCommunes: false, createUnit: false, unitCode: null, unitKind: null, leads: [], coordinates: [] });
      }
    } else if (ref.allCommunes) {
      made.push({ ...base, key: '', unitId: null, matchedBy: 'ALL_COMMUNES', allCommunes: true, createUnit: false, unitCode: null, unitKind: null, leads: [], coordinates: [] });
    } else if (ref.allDistricts) {
      // "UBND các huyện, thị xã, thành phố" is a group the registry has no unit for: the reviewer decides.
      made.push({ ...base, key: '', unitId: null, matchedBy: null, allCommunes: false, createUnit: false, unitCode: null, unitKind: null, leads: [], coordinates: [] });
    } else {
      const match = ctx.matcher.match(ref.name);
      const kind = match ? null : unitKindOf(ref.name);
      const code = kind ? proposeUnitCode(ref.name, kind, unitCodes) : null;
      if (code) unitCodes.add(code);
      made.push({
        ...base, key: '', unitId: match?.unit.id ?? null, matchedBy: match?.matchedBy ?? null, allCommunes: false, createUnit: !match,
        unitCode: code, unitKind: kind, leads: [], coordinates: [],
      });
    }
    for (const body of made) {
      body.key = `b${bodies.length + 1}`;
      bodies.push(body);
    }
    const keys = made.map((b) => b.key);
    keysOf.set(ref.key, keys);
    return keys;
  };
  const give = (keys: string[], numbers: string[], role: 'leads' | 'coordinates') => {
    for (const body of bodies.filter((b) => keys.includes(b.key))) {
      for (const n of numbers.flatMap(leaves)) if (!body[role].includes(n)) body[role].push(n);
    }
  };

  for (const body of parsed.bodies) {
    const keys = bodyKeys(body.ref);
    const fix = corrected(body.ref);
    const ownFacilities = body.ref.allCommunes ? c?.communeOwnFacilities : undefined;
    for (const lead of body.leads) {
      if (lead.taskNumbers.length) give(keys, lead.taskNumbers, 'leads');
      else if (!fix?.leads && !ownFacilities) {
        leave(lead.span, `${body.ref.name} được giao chủ trì nhưng văn bản không nêu nhiệm vụ nào (số mục ở phần nhiệm vụ): chọn nhiệm vụ cho cơ quan này, hoặc bỏ qua.`);
      }
    }
    for (const co of body.coordinates) {
      if (co.taskNumbers.length) give(keys, co.taskNumbers, 'coordinates');
      else if (!fix?.coordinates) {
        leave(co.span, `${body.ref.name} được giao phối hợp nhưng văn bản không nêu nhiệm vụ nào: chọn nhiệm vụ cho cơ quan này, hoặc bỏ qua.`);
      }
    }
    if (fix?.leads) give(keys, fix.leads, 'leads');
    if (fix?.coordinates) give(keys, fix.coordinates, 'coordinates');
    if (ownFacilities) {
      give(keys, ownFacilities.tasks, 'leads');
      for (const b of bodies) if (keys.includes(b.key)) b.leadAssumption = ownFacilities.assumption;
    }
  }

  const years = yearsOf(head.periodStart, head.periodEnd);
  const obligations: DraftObligationData[] = [];
  for (const body of parsed.bodies) {
    const reporters = bodyKeys(body.ref);
    for (const report of body.reports) {
      const fallback = c?.reports.find((r) => bodyKey(r.reporter) === body.ref.key)?.schedule.map((s) => ({ ...s, year: null, span: report.span })) ?? [];
      const schedule = report.schedule.length ? report.schedule : fallback;
      // The recipients are bodies of the draft even when no date is set: the reviewer adds the duty with them.
      const through = report.through ? bodyKeys(report.through)[0] : null;
      const recipients = report.recipients.flatMap(bodyKeys);
      if (!schedule.length) {
        leave(report.span, `Báo cáo của ${body.ref.name} không nêu hạn: thêm nghĩa vụ báo cáo với kỳ và hạn nộp, hoặc bỏ qua.`);
        continue;
      }
      for (const recipient of recipients) {
        for (const due of schedule) {
          const label = PERIOD_LABEL[due.period];
          if (!label || due.month === null) {
            leave(due.span, `Kỳ báo cáo ${UNSUPPORTED_PERIOD[due.period]} chưa được theo dõi (chỉ báo cáo 6 tháng và năm): thêm nghĩa vụ báo cáo tương ứng, hoặc bỏ qua.`);
            continue;
          }
          for (const year of due.year ? [due.year] : years) {
            for (const reporter of reporters) {
              obligations.push({
                key: `o${obligations.length + 1}`,
                reporterKey: reporter,
                throughKey: through,
                recipientKey: recipient,
                period: due.period as 'SIX_MONTH' | 'ANNUAL',
                dueBefore: `${year}-${pad(due.month)}-${pad(due.day)}`,
                subject: `${report.aggregates ? 'Tổng hợp báo cáo' : 'Báo cáo'} ${label}${report.subject ? ` ${report.subject}` : ''}`,
                span: report.span,
              });
            }
          }
        }
      }
    }
  }

  unplaced.forEach((u, i) => {
    u.key = `u${i + 1}`;
  });
  return { header: head, targets, tasks, bodies, obligations, unplaced };
}

/** Every year a period touches: a report "trước ngày 30/6" is due each of them. */
export function yearsOf(start: string, end: string): number[] {
  const from = Number(start.slice(0, 4));
  const to = Number(end.slice(0, 4));
  return to >= from ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
}

/** A task number → the numbers work on it is assigned to: itself, or its sub-tasks when it has some. */
export function leafNumbers(numbers: readonly string[]): (number: string) => string[] {
  const children = new Map<string, string[]>();
  for (const n of numbers) {
    const parent = parentNumberOf(n);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const leaves = (number: string): string[] => {
    const kids = children.get(number);
    return kids ? kids.flatMap(leaves) : [number];
  };
  return leaves;
}
