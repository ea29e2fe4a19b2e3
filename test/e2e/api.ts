import type { TestServer } from '../helpers/server.js';

const FIELDS = 'id version status dueDate progress note allowedActions unitId taskId task { number } unit { code }';

export async function unitId(server: TestServer, token: string, code: string): Promise<string> {
  const res = await server.gql<{ allUnits: Array<{ id: string; code: string }> }>(
    'query($q: String) { allUnits(filter: { q: $q }, perPage: 50) { id code } }',
    { q: code },
    token,
  );
  return res.data!.allUnits.find((u) => u.code === code)!.id;
}

/** A unit's assignments in the order "My work" shows them (soonest due first). */
export async function unitAssignments(server: TestServer, token: string, unit: string) {
  const res = await server.gql<{ allAssignments: any[] }>(
    `query($unitId: ID) { allAssignments(filter: { unitId: $unitId }, perPage: 25, sortField: "dueDate", sortOrder: "ASC") { ${FIELDS} } }`,
    { unitId: unit },
    token,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.allAssignments;
}

export async function getAssignment(server: TestServer, token: string, id: string) {
  const res = await server.gql<{ Assignment: any }>(`query($id: ID!) { Assignment(id: $id) { ${FIELDS} } }`, { id }, token);
  return res.data!.Assignment;
}

export async function planProgress(server: TestServer, token: string, planId: string) {
  const res = await server.gql<{ planProgress: { overall: any } }>(
    `query($planId: ID!) { planProgress(planId: $planId) { overall { total comeDue doneOnTime doneLate overdue notDoneWithinDeadline completionRate overdueRate averageProgress } } }`,
    { planId },
    token,
  );
  return res.data!.planProgress.overall;
}

/** The dashboard's own formatting of a 0–1 rate: one decimal, Vietnamese comma. */
export function shownPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')}%`;
}
