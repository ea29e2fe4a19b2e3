import { gqlRequest } from '../graphql.js';
import type { Assignment, ProgressFigures } from '../types.js';

export type SeriesPoint = Omit<ProgressFigures, 'averageProgress'> & { day: string };

const SERIES_FIELDS = 'day total doneOnTime doneLate notDoneWithinDeadline overdue comeDue completionRate overdueRate';

/** The plan's (or a unit's) figures on evenly spaced days: one statement on the server. */
export async function fetchProgressSeries(planId: string, from: string, to: string, points: number, unitId?: string): Promise<SeriesPoint[]> {
  const data = await gqlRequest<{ planProgressSeries: SeriesPoint[] }>(
    `query($planId: ID!, $from: LocalDate!, $to: LocalDate!, $points: Int, $unitId: ID) {
      planProgressSeries(planId: $planId, from: $from, to: $to, points: $points, unitId: $unitId) { ${SERIES_FIELDS} }
    }`,
    { planId, from, to, points, unitId: unitId ?? null },
  );
  return data.planProgressSeries;
}

export type OverdueItem = Pick<Assignment, 'id' | 'dueDate' | 'urgeCount'> & {
  task: { id: string; number: string; title: string };
  unit: { id: string; name: string };
};

/** The first overdue assignments of the day, longest overdue first, and how many there are in all. */
export async function fetchOverdue(planId: string, asOf: string, first: number): Promise<{ items: OverdueItem[]; total: number }> {
  const data = await gqlRequest<{ allAssignments: OverdueItem[]; _allAssignmentsMeta: { count: number } }>(
    `query($filter: AssignmentFilter, $perPage: Int) {
      allAssignments(filter: $filter, perPage: $perPage, sortField: "dueDate", sortOrder: "ASC") {
        id dueDate urgeCount task { id number title } unit { id name }
      }
      _allAssignmentsMeta(filter: $filter) { count }
    }`,
    { filter: { planId, deadlineClass: 'OVERDUE', asOf }, perPage: first },
  );
  return { items: data.allAssignments, total: data._allAssignmentsMeta.count };
}
