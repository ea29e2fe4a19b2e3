/** What the dashboard needs of a plan to know which day its figures are of. */
export interface PlanPeriod {
  status: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  periodStart: string | null;
  periodEnd: string | null;
  issueDate?: string | null;
}

/**
 * The day the figures open on: today while the plan runs, its last day once it is closed (what the plan
 * achieved, not how overdue it has become since). A closed plan without a period end falls back to today.
 */
export function defaultAsOf(plan: PlanPeriod | undefined, today: string): string {
  if (plan?.status === 'CLOSED' && plan.periodEnd && plan.periodEnd < today) return plan.periodEnd;
  return today;
}

export type AsOfKind = 'today' | 'closed_end' | 'chosen';

/** Which sentence says what the figures are: today's, the closed plan's end, or a day the reader chose. */
export function asOfKind(plan: PlanPeriod | undefined, asOf: string, today: string): AsOfKind {
  if (asOf === today) return 'today';
  if (plan?.status === 'CLOSED' && asOf === plan.periodEnd) return 'closed_end';
  return 'chosen';
}

/** The first day of the chart: the plan's period, or its issue date, or a year before the as-of day. */
export function seriesStart(plan: PlanPeriod | undefined, asOf: string): string {
  const start = plan?.periodStart ?? plan?.issueDate;
  if (start && start < asOf) return start;
  const [y, m, d] = asOf.split('-');
  return `${Number(y) - 1}-${m}-${d}`;
}
