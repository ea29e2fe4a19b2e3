/**
 * The plan the product ships with, made from its document: the text read into a draft with the
 * transcription's corrections applied (server/db/seed/ha-trung-2022.corrections.json), then made by
 * activation's own code (planFromDraft). Where the corrections leave something unresolved the seed is
 * refused with what, rather than written with a gap.
 */
import { today } from '../../shared/dates.js';
import type { PlanCorrections } from './corrections.js';
import { buildDraftContent } from './draft-build.js';
import type { DraftContent } from './draft-content.js';
import { draftProblems } from './draft-problems.js';
import type { ParsedPlan } from './types.js';
import { COMMUNE_KINDS, type RegistryUnit, UnitMatcher } from './unit-match.js';

export interface TranscribedDraft {
  content: DraftContent;
  /** What stops the draft from being the transcription's plan: empty when it is complete. */
  issues: string[];
}

export function transcribedDraft(
  parsed: ParsedPlan,
  corrections: PlanCorrections,
  registry: readonly RegistryUnit[],
  parent: { id: string; number: string | null; issueDate: string | null } | null,
): TranscribedDraft {
  const content = buildDraftContent(parsed, {
    matcher: new UnitMatcher(registry, parsed.header.issuer?.name ?? null),
    parentCandidates: parent ? [parent] : [],
    takenPlanCodes: new Set(),
    takenUnitCodes: new Set(registry.map((u) => u.code)),
    currentYear: Number(today().slice(0, 4)),
    corrections,
  });
  const issues: string[] = [];
  const cited = parsed.parentPlan?.number ?? null;
  if (cited !== corrections.parentPlan.number) {
    issues.push(cited ? `Kế hoạch cấp trên trong văn bản là ${cited}, tệp hiệu chỉnh nói ${corrections.parentPlan.number}.` : 'Văn bản không dẫn kế hoạch cấp trên nào.');
  } else if (!content.header.parentPlanId) issues.push(`Không có kế hoạch cấp trên ${cited} để gắn vào.`);
  if (corrections.targets.length !== parsed.targets.length) {
    issues.push(`Văn bản có ${parsed.targets.length} mục tiêu, tệp hiệu chỉnh có ${corrections.targets.length}.`);
  }
  // The seed makes no units: a body the registry does not know is a gap in the corrections.
  for (const body of content.bodies) {
    if (!body.allCommunes && !body.unitId) issues.push(`Không khớp được "${body.name}" với đơn vị nào.`);
  }
  const problems = draftProblems(content, {
    existingUnitIds: new Set(registry.map((u) => u.id)),
    takenUnitCodes: new Set(),
    planCodeTaken: false,
    parentPlanExists: true,
    communeCount: registry.filter((u) => COMMUNE_KINDS.has(u.kind)).length,
  });
  issues.push(...problems.filter((p) => !/^bodies\[\d+\]\.unitId$/.test(p.path)).map((p) => p.message));
  return { content, issues };
}
