import { attachSampleEvidence } from './evidence.js';
import type { TestServer } from './server.js';

export const ASSIGNMENT_FIELDS = `id scope status progress note version dueDate blockedReason startedAt submittedAt completedAt
  deadlineClass allowedActions unit { code } task { number }
  history { action fromStatus toStatus comment actorUsername progress }`;

export async function planId(server: TestServer, token: string, code = 'HT-CDS-TTKDTM-2022'): Promise<string> {
  const res = await server.gql<{ allPlans: Array<{ id: string; code: string }> }>(
    '{ allPlans(perPage: 50) { id code } }',
    {},
    token,
  );
  return res.data!.allPlans.find((p) => p.code === code)!.id;
}

/** The assignment of a unit on a task (its district part unless asked otherwise), looked up through the public API. */
export async function findAssignment(server: TestServer, token: string, unitCode: string, taskNumber: string, scope = 'DISTRICT') {
  const units = await server.gql<{ allUnits: Array<{ id: string }> }>(
    'query($q: String) { allUnits(filter: { q: $q }) { id } }',
    { q: unitCode },
    token,
  );
  const res = await server.gql<{ allAssignments: any[] }>(
    `query($unitId: ID) { allAssignments(perPage: 100, filter: { unitId: $unitId }) { ${ASSIGNMENT_FIELDS} } }`,
    { unitId: units.data!.allUnits[0].id },
    token,
  );
  const found = res.data!.allAssignments.find((a) => a.task.number === taskNumber && a.unit.code === unitCode && a.scope === scope);
  if (!found) throw new Error(`no assignment ${unitCode} / ${taskNumber}: ${JSON.stringify(res.errors)}`);
  return found;
}

export const TRANSITION = `mutation($id: ID!, $action: AssignmentAction!, $version: Int!, $comment: String) {
  transitionAssignment(id: $id, action: $action, version: $version, comment: $comment) { ${ASSIGNMENT_FIELDS} }
}`;

export const UPDATE_ASSIGNMENT = `mutation($id: ID!, $version: Int!, $progress: Int, $note: String, $dueDate: LocalDate, $reason: String) {
  updateAssignment(id: $id, version: $version, progress: $progress, note: $note, dueDate: $dueDate, reason: $reason) { ${ASSIGNMENT_FIELDS} }
}`;

export const GET_ASSIGNMENT = `query($id: ID!) { Assignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`;

/**
 * One workflow step as a unit does it: SUBMIT first attaches a small PDF as evidence (the same
 * content each time for an assignment, so a resubmission adds nothing new). Returns the assignment.
 */
export async function step(server: TestServer, token: string, a: { id: string; version: number }, action: string, comment?: string) {
  if (action === 'SUBMIT') await attachSampleEvidence(server, token, a.id);
  const res = await server.gql(TRANSITION, { id: a.id, action, version: a.version, comment }, token);
  if (!res.data?.transitionAssignment) throw new Error(`${action} failed: ${JSON.stringify(res.errors)}`);
  return res.data.transitionAssignment;
}
