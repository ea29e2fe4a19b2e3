import { gqlRequest } from '../graphql.js';
import type { NominationKind } from '../awards/api.js';

export interface HonourEntry {
  planId: string;
  planTitle: string;
  periodEnd: string;
  periodLabel: string;
  kind: NominationKind;
  name: string;
  communeName: string | null;
  achievement: string;
  decisionNumber: string | null;
  decisionDate: string | null;
}

/** Every plan's honoured groups, newest period first; asked without the session, as any visitor would. */
export async function fetchHonourList(): Promise<HonourEntry[]> {
  const data = await gqlRequest<{ honourList: HonourEntry[] }>(
    'query { honourList { planId planTitle periodEnd periodLabel kind name communeName achievement decisionNumber decisionDate } }',
    {},
    { anonymous: true },
  );
  return data.honourList;
}

export interface HonourPeriod {
  periodEnd: string;
  periodLabel: string;
  entries: HonourEntry[];
}

export interface HonourPlan {
  planId: string;
  planTitle: string;
  periods: HonourPeriod[];
}

/** Plan, then period, keeping the API's order (newest period first, best ranked first). */
export function groupHonours(entries: HonourEntry[]): HonourPlan[] {
  const plans: HonourPlan[] = [];
  for (const entry of entries) {
    let plan = plans.find((p) => p.planId === entry.planId);
    if (!plan) plans.push((plan = { planId: entry.planId, planTitle: entry.planTitle, periods: [] }));
    let period = plan.periods.find((p) => p.periodEnd === entry.periodEnd);
    if (!period) plan.periods.push((period = { periodEnd: entry.periodEnd, periodLabel: entry.periodLabel, entries: [] }));
    period.entries.push(entry);
  }
  return plans;
}
