import type { AwardCriteria } from './award.entity.js';

export type CriteriaValues = Omit<AwardCriteria, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'plan'>;

/**
 * Drawn from the plan: a facility is honoured for using the platforms the plan names for its sector,
 * accepting cashless payment, reaching T5's 50 % cashless share, naming the focal person tasks 1.2 and
 * 2.2 ask for and backing its figures with evidence; a unit for doing its work on time, reporting on
 * time and not being chased past the first reminder step.
 */
export const DEFAULT_AWARD_CRITERIA: CriteriaValues = {
  facilityPlatformWeight: 2,
  facilityCashlessWeight: 2,
  facilityCashlessSharePercent: 50,
  facilityCashlessShareWeight: 2,
  facilityFocalPersonWeight: 1,
  facilityEvidenceWeight: 1,
  unitOnTimeToleranceDays: 0,
  unitOnTimeWeight: 3,
  unitReportsWeight: 2,
  unitMaxEscalationLevel: 1,
  unitEscalationWeight: 1,
  minScorePercent: 80,
  maxFacilityNominations: 10,
  maxUnitNominations: 5,
};

/** What is wrong with a set of criteria, by field, in Vietnamese; empty when none. */
export function criteriaProblems(c: CriteriaValues): Array<{ argument: string; message: string }> {
  const problems: Array<{ argument: string; message: string }> = [];
  const weights = [
    'facilityPlatformWeight', 'facilityCashlessWeight', 'facilityCashlessShareWeight', 'facilityFocalPersonWeight', 'facilityEvidenceWeight',
    'unitOnTimeWeight', 'unitReportsWeight', 'unitEscalationWeight',
  ] as const;
  for (const key of weights) {
    if (!Number.isInteger(c[key]) || c[key] < 0 || c[key] > 100) problems.push({ argument: key, message: 'Trọng số là số nguyên từ 0 đến 100.' });
  }
  if (weights.slice(0, 5).every((k) => c[k] === 0)) problems.push({ argument: 'facilityPlatformWeight', message: 'Cần ít nhất một tiêu chí cho cơ sở.' });
  if (weights.slice(5).every((k) => c[k] === 0)) problems.push({ argument: 'unitOnTimeWeight', message: 'Cần ít nhất một tiêu chí cho đơn vị.' });
  for (const key of ['facilityCashlessSharePercent', 'minScorePercent'] as const) {
    if (!(c[key] >= 0 && c[key] <= 100)) problems.push({ argument: key, message: 'Tỷ lệ phải từ 0 đến 100%.' });
  }
  if (!Number.isInteger(c.unitOnTimeToleranceDays) || c.unitOnTimeToleranceDays < 0 || c.unitOnTimeToleranceDays > 30) {
    problems.push({ argument: 'unitOnTimeToleranceDays', message: 'Số ngày chậm cho phép từ 0 đến 30 ngày làm việc.' });
  }
  if (!Number.isInteger(c.unitMaxEscalationLevel) || c.unitMaxEscalationLevel < 0 || c.unitMaxEscalationLevel > 3) {
    problems.push({ argument: 'unitMaxEscalationLevel', message: 'Cấp đôn đốc từ 0 đến 3.' });
  }
  for (const key of ['maxFacilityNominations', 'maxUnitNominations'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 0 || c[key] > 1000) problems.push({ argument: key, message: 'Số đề nghị tối đa từ 0 đến 1000.' });
  }
  return problems;
}
