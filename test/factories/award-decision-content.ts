/**
 * A draft award decision of the Hà Trung district chairman for the six months of 2022: the honour list
 * of the compiled report's factory (two facilities of two communes, then a district office), approved
 * by the vice-chairman and numbered by the clerk.
 */
import type { AwardDecisionContent, HonouredEntry } from '../../server/modules/awards/award-decision.content.js';
import { buildHonours, buildSnapshot } from './compiled-report-snapshot.js';

/** Facilities first, then units, each in rank order, as the approved batch lists them. */
export function buildHonouredList(): HonouredEntry[] {
  const scores = [95, 88, 90];
  return buildHonours().map((honour, i) => ({ ...honour, score: scores[i] }));
}

export function buildAwardDecisionContent(overrides: Partial<AwardDecisionContent> = {}): AwardDecisionContent {
  return {
    plan: buildSnapshot().plan,
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '2022-07-15',
    periodLabel: '6 tháng đầu năm 2022',
    periodEnd: '2022-06-30',
    honoured: buildHonouredList(),
    ...overrides,
  };
}
