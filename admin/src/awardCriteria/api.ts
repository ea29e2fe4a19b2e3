import { gqlRequest } from '../graphql.js';

/** The criteria's fields as the form lays them out: the facility's, the unit's, then the thresholds and caps. */
export const FACILITY_FIELDS = [
  'facilityPlatformWeight',
  'facilityCashlessWeight',
  'facilityCashlessSharePercent',
  'facilityCashlessShareWeight',
  'facilityFocalPersonWeight',
  'facilityEvidenceWeight',
] as const;
export const UNIT_FIELDS = ['unitOnTimeWeight', 'unitOnTimeToleranceDays', 'unitReportsWeight', 'unitEscalationWeight', 'unitMaxEscalationLevel'] as const;
export const GENERAL_FIELDS = ['minScorePercent', 'maxFacilityNominations', 'maxUnitNominations'] as const;

export type CriteriaField = (typeof FACILITY_FIELDS)[number] | (typeof UNIT_FIELDS)[number] | (typeof GENERAL_FIELDS)[number];
export const CRITERIA_FIELDS: CriteriaField[] = [...FACILITY_FIELDS, ...UNIT_FIELDS, ...GENERAL_FIELDS];

/** Fields that add up to a candidate's score: the sum is what minScorePercent is a share of. */
export const FACILITY_WEIGHTS: CriteriaField[] = FACILITY_FIELDS.filter((f) => f.endsWith('Weight'));
export const UNIT_WEIGHTS: CriteriaField[] = UNIT_FIELDS.filter((f) => f.endsWith('Weight'));
/** Percentages may have decimals; every other field is a whole number. */
export const DECIMAL_FIELDS: CriteriaField[] = ['facilityCashlessSharePercent', 'minScorePercent'];

export type AwardCriteria = Record<CriteriaField, number> & { id: string; planId: string; version: number; isDefault: boolean };

const FIELDS = `id planId version isDefault ${CRITERIA_FIELDS.join(' ')}`;

export async function fetchCriteria(planId: string): Promise<AwardCriteria> {
  const data = await gqlRequest<{ awardCriteria: AwardCriteria }>(`query($planId: ID!) { awardCriteria(planId: $planId) { ${FIELDS} } }`, { planId });
  return data.awardCriteria;
}

const ARGUMENTS = CRITERIA_FIELDS.map((f) => `$${f}: ${DECIMAL_FIELDS.includes(f) ? 'Float' : 'Int'}`).join(', ');
const PASSED = CRITERIA_FIELDS.map((f) => `${f}: $${f}`).join(', ');

export async function saveCriteria(planId: string, version: number, values: Record<CriteriaField, number>): Promise<AwardCriteria> {
  const data = await gqlRequest<{ updateAwardCriteria: AwardCriteria }>(
    `mutation($planId: ID!, $version: Int!, ${ARGUMENTS}) { updateAwardCriteria(planId: $planId, version: $version, ${PASSED}) { ${FIELDS} } }`,
    { planId, version, ...values },
  );
  return data.updateAwardCriteria;
}
