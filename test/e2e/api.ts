import type { TestServer } from '../helpers/server.js';
import { ATTACH_EVIDENCE, gqlUpload, samplePdf } from '../helpers/evidence.js';

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

const TRANSITION = `mutation($id: ID!, $action: AssignmentAction!, $version: Int!, $comment: String) {
  transitionAssignment(id: $id, action: $action, version: $version, comment: $comment) { id version }
}`;
const UPDATE_PROGRESS = `mutation($id: ID!, $version: Int!, $progress: Int, $note: String) {
  updateAssignment(id: $id, version: $version, progress: $progress, note: $note) { id version }
}`;

function check(res: { errors?: unknown[] }) {
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
}

/** One workflow step through the API, on the version stored now. */
export async function transitionThroughApi(server: TestServer, token: string, id: string, action: string, comment?: string) {
  const { version } = await getAssignment(server, token, id);
  check(await server.gql(TRANSITION, { id, action, version, comment: comment ?? null }, token));
}

export async function reportProgressThroughApi(server: TestServer, token: string, id: string, report: { progress: number; note: string }) {
  const { version } = await getAssignment(server, token, id);
  check(await server.gql(UPDATE_PROGRESS, { id, version, ...report }, token));
}

/**
 * What an officer does before a reviewer looks: start, report progress with a note, attach a PDF and
 * submit, all through the API, so a review test starts from a queue row.
 */
export async function submitThroughApi(server: TestServer, token: string, id: string, report: { progress: number; note: string }) {
  await transitionThroughApi(server, token, id, 'START');
  await reportProgressThroughApi(server, token, id, report);
  check(
    await gqlUpload(
      server,
      ATTACH_EVIDENCE,
      { assignmentId: id, files: [null] },
      { 'variables.files.0': { name: 'bien-ban.pdf', content: samplePdf(`${id} ${Date.now()}`), type: 'application/pdf' } },
      token,
    ),
  );
  await transitionThroughApi(server, token, id, 'SUBMIT');
}
