import { gqlRequest } from '../../graphql.js';

export interface EscalationPolicy {
  id: string;
  planId: string;
  version: number;
  isDefault: boolean;
  enabled: boolean;
  reminderDays: number[];
  level1After: number;
  level2After: number;
  level3After: number;
  repeatEvery: number;
  reviewAfter: number;
  reviewLeaderAfter: number;
  autoLetter: boolean;
  coordinatorUnitId: string | null;
  coordinatorUnit: { id: string; name: string } | null;
}

export type EscalationPolicyInput = Partial<Omit<EscalationPolicy, 'id' | 'planId' | 'version' | 'isDefault' | 'coordinatorUnit'>>;

const FIELDS = `id planId version isDefault enabled reminderDays level1After level2After level3After repeatEvery
  reviewAfter reviewLeaderAfter autoLetter coordinatorUnitId coordinatorUnit { id name }`;

export async function fetchEscalationPolicy(planId: string): Promise<EscalationPolicy> {
  const data = await gqlRequest<{ Plan: { escalationPolicy: EscalationPolicy } }>(
    `query($id: ID!) { Plan(id: $id) { escalationPolicy { ${FIELDS} } } }`,
    { id: planId },
  );
  return data.Plan.escalationPolicy;
}

export async function saveEscalationPolicy(planId: string, version: number, input: EscalationPolicyInput): Promise<EscalationPolicy> {
  const data = await gqlRequest<{ updateEscalationPolicy: EscalationPolicy }>(
    `mutation($planId: ID!, $version: Int!, $input: EscalationPolicyInput!) {
      updateEscalationPolicy(planId: $planId, version: $version, input: $input) { ${FIELDS} }
    }`,
    { planId, version, input },
  );
  return data.updateEscalationPolicy;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The settings as sentences a leader reads: "Nhắc trước hạn 7, 3, 1 ngày làm việc và đúng ngày đến hạn. …" */
export function describePolicy(p: EscalationPolicy, translate: Translate): string[] {
  if (!p.enabled) return [translate('app.escalation.disabled')];
  const before = p.reminderDays.filter((d) => d > 0).sort((a, b) => b - a);
  const onDueDay = p.reminderDays.includes(0);
  const days = before.join(', ');
  const reminders = before.length
    ? translate(onDueDay ? 'app.escalation.reminders_and_due_day' : 'app.escalation.reminders_only', { days })
    : translate(onDueDay ? 'app.escalation.due_day_only' : 'app.escalation.no_reminders');
  return [
    reminders,
    translate('app.escalation.ladder', {
      level1: p.level1After,
      level2: p.level2After,
      level3: p.level3After,
      repeat: p.repeatEvery,
      coordinator: p.coordinatorUnit?.name ?? translate('app.escalation.every_coordinator'),
    }),
    translate('app.escalation.review', { review: p.reviewAfter, leader: p.reviewLeaderAfter }),
    translate(p.autoLetter ? 'app.escalation.letter_on' : 'app.escalation.letter_off'),
  ];
}

/** "7, 3, 1, 0" → [7, 3, 1, 0]; null when it is not a list of whole numbers. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}
