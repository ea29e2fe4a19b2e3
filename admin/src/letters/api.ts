import { gqlRequest } from '../graphql.js';

export type LetterState = 'PENDING' | 'READY' | 'FAILED';

export interface UrgingLetterItem {
  id: string;
  state: LetterState;
  day: string;
  automatic: boolean;
  assignmentCount: number;
  fileName: string | null;
  error: string | null;
  downloadUrl: string | null;
  requestedByName: string | null;
  createdAt: string;
  unitId: string;
  unit: { code: string; name: string };
}

const LETTER_FIELDS = 'id state day automatic assignmentCount fileName error downloadUrl requestedByName createdAt unitId unit { code name }';

/** The roles the API lets press "Đôn đốc" ('escalation:urge'); the button is hidden from everyone else. */
export const URGING_ROLES = ['LEADER', 'COORDINATOR'];

export async function urgeUnit(planId: string, unitId: string): Promise<UrgingLetterItem> {
  const data = await gqlRequest<{ urgeUnit: UrgingLetterItem }>(
    `mutation($planId: ID!, $unitId: ID!) { urgeUnit(planId: $planId, unitId: $unitId) { ${LETTER_FIELDS} } }`,
    { planId, unitId },
  );
  return data.urgeUnit;
}

export async function fetchLetters(planId: string): Promise<UrgingLetterItem[]> {
  const data = await gqlRequest<{ urgingLetters: UrgingLetterItem[] }>(
    `query($planId: ID!) { urgingLetters(planId: $planId, first: 100) { ${LETTER_FIELDS} } }`,
    { planId },
  );
  return data.urgingLetters;
}
