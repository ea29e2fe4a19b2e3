import { gqlRequest } from '../graphql.js';
import type { Role } from '../types.js';

export type NominationKind = 'FACILITY' | 'UNIT';
export type NominationState = 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type NominationSource = 'AUTOMATIC' | 'MANUAL';
export type NominationAction = 'PROPOSE' | 'REEVALUATE' | 'WITHDRAW' | 'APPROVE' | 'REJECT';
export type EvaluationState = 'RUNNING' | 'DONE' | 'FAILED';

/** Who may press what; the API refuses everyone else anyway (server/auth/policy.ts, award:*). */
export const EVALUATING_ROLES: Role[] = ['LEADER', 'COORDINATOR', 'ADMIN'];
export const PROPOSING_ROLES: Role[] = ['COORDINATOR', 'ADMIN'];
export const DECIDING_ROLES: Role[] = ['LEADER'];
export const CONFIGURING_ROLES: Role[] = ['LEADER', 'ADMIN'];
/** Roles that read every unit's nominations and the decisions themselves; the others see their own unit's. */
export const SEES_ALL_ROLES: Role[] = ['LEADER', 'COORDINATOR', 'ADMIN'];

export interface AwardPeriod {
  planId: string;
  period: 'SIX_MONTH' | 'ANNUAL';
  start: string;
  end: string;
  label: string;
}

export interface CriterionResult {
  code: string;
  label: string;
  passed: boolean;
  detail: string;
  weight: number;
}

export interface NominationEvent {
  action: NominationAction;
  fromState: NominationState | null;
  toState: NominationState;
  comment: string | null;
  actorName: string | null;
  at: string;
}

export interface Nomination {
  id: string;
  version: number;
  kind: NominationKind;
  state: NominationState;
  source: NominationSource;
  score: number | null;
  rank: number | null;
  achievement: string;
  candidateName: string;
  reason: string | null;
  decisionComment: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionId: string | null;
  /** The decision's number and date: a nominated unit reads them on its own nomination. */
  decision: { id: string; number: string; decisionDate: string } | null;
  /** Whether the viewer may approve or reject it now, and withdraw it: the API's rule, not a copy. */
  canDecide: boolean;
  canWithdraw: boolean;
  periodEnd: string;
  unit: { id: string; name: string; code: string };
  facility: { id: string; name: string; code: string } | null;
  criteria: CriterionResult[];
  history: NominationEvent[];
}

export interface Evaluation {
  id: string;
  state: EvaluationState;
  periodEnd: string;
  evaluated: number;
  qualified: number;
  nominated: number;
  updated: number;
  withdrawn: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface Decision {
  id: string;
  number: string;
  decisionDate: string;
  periodEnd: string;
  fileName: string | null;
  byteSize: number | null;
  downloadUrl: string | null;
}

const NOMINATION = `id version kind state source score rank achievement candidateName reason decisionComment decidedAt decidedByName
  decisionId decision { id number decisionDate } canDecide canWithdraw periodEnd unit { id name code } facility { id name code } criteria { code label passed detail weight }
  history { action fromState toState comment actorName at }`;
const EVALUATION = 'id state periodEnd evaluated qualified nominated updated withdrawn error createdAt finishedAt';
const DECISION = 'id number decisionDate periodEnd fileName byteSize downloadUrl';

export async function fetchAwardPeriods(planId: string): Promise<AwardPeriod[]> {
  const data = await gqlRequest<{ awardPeriods: AwardPeriod[] }>(
    'query($planId: ID!) { awardPeriods(planId: $planId) { planId period start end label } }',
    { planId },
  );
  return data.awardPeriods;
}

export async function fetchNominations(planId: string, periodEnd: string): Promise<Nomination[]> {
  const data = await gqlRequest<{ awardNominations: Nomination[] }>(
    `query($planId: ID!, $periodEnd: LocalDate) { awardNominations(planId: $planId, periodEnd: $periodEnd) { ${NOMINATION} } }`,
    { planId, periodEnd },
  );
  return data.awardNominations;
}

export async function fetchEvaluations(planId: string): Promise<Evaluation[]> {
  const data = await gqlRequest<{ awardEvaluations: Evaluation[] }>(
    `query($planId: ID!) { awardEvaluations(planId: $planId) { ${EVALUATION} } }`,
    { planId },
  );
  return data.awardEvaluations;
}

export async function evaluateAwards(planId: string, periodEnd: string): Promise<Evaluation> {
  const data = await gqlRequest<{ evaluateAwards: Evaluation }>(
    `mutation($planId: ID!, $periodEnd: LocalDate!) { evaluateAwards(planId: $planId, periodEnd: $periodEnd) { ${EVALUATION} } }`,
    { planId, periodEnd },
  );
  return data.evaluateAwards;
}

export async function fetchDecisions(planId: string, periodEnd: string): Promise<Decision[]> {
  const data = await gqlRequest<{ awardDecisions: Decision[] }>(
    `query($planId: ID!, $periodEnd: LocalDate) { awardDecisions(planId: $planId, periodEnd: $periodEnd) { ${DECISION} } }`,
    { planId, periodEnd },
  );
  return data.awardDecisions;
}

export type Candidate = { facilityId: string } | { unitId: string };

export async function proposeNomination(planId: string, periodEnd: string, candidate: Candidate, reason: string): Promise<Nomination> {
  const data = await gqlRequest<{ proposeNomination: Nomination }>(
    `mutation($planId: ID!, $periodEnd: LocalDate!, $reason: String!, $facilityId: ID, $unitId: ID) {
      proposeNomination(planId: $planId, periodEnd: $periodEnd, reason: $reason, facilityId: $facilityId, unitId: $unitId) { ${NOMINATION} }
    }`,
    { planId, periodEnd, reason, ...candidate },
  );
  return data.proposeNomination;
}

export async function withdrawNomination(id: string, version: number, reason: string): Promise<Nomination> {
  const data = await gqlRequest<{ withdrawNomination: Nomination }>(
    `mutation($id: ID!, $version: Int!, $reason: String!) { withdrawNomination(id: $id, version: $version, reason: $reason) { ${NOMINATION} } }`,
    { id, version, reason },
  );
  return data.withdrawNomination;
}

export async function rejectNomination(id: string, version: number, comment: string): Promise<Nomination> {
  const data = await gqlRequest<{ rejectNomination: Nomination }>(
    `mutation($id: ID!, $version: Int!, $comment: String!) { rejectNomination(id: $id, version: $version, comment: $comment) { ${NOMINATION} } }`,
    { id, version, comment },
  );
  return data.rejectNomination;
}

export interface ApproveInput {
  planId: string;
  periodEnd: string;
  items: Array<{ id: string; version: number }>;
  /** Empty until the records office gives the decision its number. */
  decisionNumber: string;
  decisionDate: string;
  comment: string | null;
}

export async function approveNominations(input: ApproveInput): Promise<Decision> {
  const data = await gqlRequest<{ approveNominations: Decision }>(
    `mutation($planId: ID!, $periodEnd: LocalDate!, $items: [NominationVersion!]!, $decisionNumber: String!, $decisionDate: LocalDate!, $comment: String) {
      approveNominations(planId: $planId, periodEnd: $periodEnd, items: $items, decisionNumber: $decisionNumber, decisionDate: $decisionDate,
                         comment: $comment) { ${DECISION} }
    }`,
    { ...input },
  );
  return data.approveNominations;
}

export interface CandidateOption {
  id: string;
  code: string;
  name: string;
  /** The facility's commune; none for a unit. */
  communeName: string | null;
}

/** Facilities or units whose name or code matches what the office typed, for a proposal the figures missed. */
export async function searchCandidates(kind: NominationKind, q: string): Promise<CandidateOption[]> {
  if (kind === 'FACILITY') {
    const data = await gqlRequest<{ allFacilities: Array<{ id: string; code: string; name: string; commune: { name: string } }> }>(
      'query($q: String) { allFacilities(filter: { q: $q }, perPage: 20, sortField: "name", sortOrder: "ASC") { id code name commune { name } } }',
      { q: q || null },
    );
    return data.allFacilities.map((f) => ({ id: f.id, code: f.code, name: f.name, communeName: f.commune.name }));
  }
  const data = await gqlRequest<{ allUnits: Array<{ id: string; code: string; name: string }> }>(
    'query($q: String) { allUnits(filter: { q: $q }, perPage: 20, sortField: "name", sortOrder: "ASC") { id code name } }',
    { q: q || null },
  );
  return data.allUnits.map((u) => ({ ...u, communeName: null }));
}
