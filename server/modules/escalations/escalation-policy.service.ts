import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput, conflict, notFound, type DomainError } from '../../shared/errors.js';
import { isId } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { DEFAULT_ESCALATION_POLICY, EscalationPolicy } from './escalation-policy.entity.js';
import type { EscalationPolicyInput } from './escalation-policy.inputs.js';

/** The settings a policy is made of, without its row and relations. */
export interface EscalationSettings {
  enabled: boolean;
  reminderDays: number[];
  level1After: number;
  level2After: number;
  level3After: number;
  repeatEvery: number;
  reviewAfter: number;
  reviewLeaderAfter: number;
  autoLetter: boolean;
}
type SettingKey = keyof EscalationSettings;

const SETTING_KEYS: SettingKey[] = [
  'enabled', 'reminderDays', 'level1After', 'level2After', 'level3After', 'repeatEvery', 'reviewAfter', 'reviewLeaderAfter', 'autoLetter',
];

export const MAX_REMINDERS = 6;
export const MAX_REMINDER_DAYS = 30;
/** About a working year: beyond that a threshold is a typing mistake, not a plan's choice. */
export const MAX_THRESHOLD = 250;

const LABELS: Record<SettingKey, string> = {
  enabled: 'Bật nhắc việc',
  reminderDays: 'Các mốc nhắc trước hạn',
  level1After: 'Cấp 1',
  level2After: 'Cấp 2',
  level3After: 'Cấp 3',
  repeatEvery: 'Lặp lại cấp 3',
  reviewAfter: 'Nhắc người thẩm định',
  reviewLeaderAfter: 'Báo lãnh đạo về kết quả chưa thẩm định',
  autoLetter: 'Tự động soạn văn bản đôn đốc',
};

/**
 * What is wrong with a set of settings, or null. `changed` are the fields the caller sent: when two
 * fields are out of order, the one the caller just changed is named, since that is the one to fix.
 */
export function escalationSettingsProblem(s: EscalationSettings, changed: ReadonlySet<string> = new Set()): DomainError | null {
  const refuse = (key: SettingKey, message: string) => badInput(`${LABELS[key]}: ${message}`, { argument: `input.${key}` });
  const days = s.reminderDays;
  if (days.length > MAX_REMINDERS) return refuse('reminderDays', `tối đa ${MAX_REMINDERS} mốc.`);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_REMINDER_DAYS)) {
    return refuse('reminderDays', `mỗi mốc từ 0 đến ${MAX_REMINDER_DAYS} ngày làm việc trước hạn.`);
  }
  if (new Set(days).size !== days.length) return refuse('reminderDays', 'các mốc không được trùng nhau.');

  const inRange = (key: SettingKey, min: number) => {
    const value = s[key] as number;
    return Number.isInteger(value) && value >= min && value <= MAX_THRESHOLD ? null : refuse(key, `phải từ ${min} đến ${MAX_THRESHOLD} ngày làm việc.`);
  };
  const ordered = (earlier: SettingKey, later: SettingKey, message: string) => {
    if ((s[earlier] as number) <= (s[later] as number)) return null;
    return refuse(changed.has(earlier) && !changed.has(later) ? earlier : later, message);
  };
  return (
    inRange('level1After', 1) ??
    inRange('level2After', 1) ??
    inRange('level3After', 1) ??
    ordered('level1After', 'level2After', 'các cấp phải theo thứ tự: cấp 1 không muộn hơn cấp 2.') ??
    ordered('level2After', 'level3After', 'các cấp phải theo thứ tự: cấp 2 không muộn hơn cấp 3.') ??
    inRange('repeatEvery', 1) ??
    inRange('reviewAfter', 1) ??
    inRange('reviewLeaderAfter', 1) ??
    ordered('reviewAfter', 'reviewLeaderAfter', 'báo lãnh đạo không được sớm hơn nhắc người thẩm định.')
  );
}

/** A plan without settings of its own is served the defaults, as version 0 under the plan's id. */
function defaultsFor(planId: string): EscalationPolicy {
  const policy = new EscalationPolicy();
  policy.id = planId;
  policy.version = 0;
  policy.plan = { id: planId } as Plan;
  policy.coordinatorUnit = null;
  return policy;
}

/** How each plan reminds and escalates: read with the plan, changed by its leaders and ADMIN. */
export class EscalationPolicyService {
  private readonly byPlan: DataLoader<string, EscalationPolicy | null>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {
    // A list of plans asks for each plan's settings: one query for all of them.
    this.byPlan = new DataLoader(async (planIds) => {
      const rows = await this.em.find(EscalationPolicy, { plan: { $in: [...planIds] } });
      const map = new Map(rows.map((row) => [row.plan.id, row]));
      return planIds.map((id) => map.get(id) ?? null);
    });
  }

  async forPlan(planId: string): Promise<EscalationPolicy> {
    authorize(this.viewer, 'plan:read');
    return (await this.byPlan.load(planId)) ?? defaultsFor(planId);
  }

  async update(planId: string, version: number, input: EscalationPolicyInput): Promise<EscalationPolicy> {
    authorize(this.viewer, 'escalation:configure');
    const plan = isId(planId) ? await this.em.findOne(Plan, { id: planId }) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    const existing = await this.em.findOne(EscalationPolicy, { plan: planId });
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== version) {
      throw conflict(`Cấu hình nhắc việc đã được người khác sửa (phiên bản ${currentVersion}, bạn gửi ${version}). Hãy tải lại.`, {
        currentVersion,
      });
    }

    const current: EscalationSettings = existing
      ? Object.fromEntries(SETTING_KEYS.map((key) => [key, existing[key]])) as unknown as EscalationSettings
      : { ...DEFAULT_ESCALATION_POLICY, reminderDays: [...DEFAULT_ESCALATION_POLICY.reminderDays] };
    const changed = new Set(SETTING_KEYS.filter((key) => input[key] !== undefined && input[key] !== null));
    const next = { ...current, ...Object.fromEntries([...changed].map((key) => [key, input[key]])) } as EscalationSettings;
    const problem = escalationSettingsProblem(next, changed);
    if (problem) throw problem;
    // Kept furthest first, as the settings read: "7, 3, 1 ngày trước hạn".
    next.reminderDays = [...next.reminderDays].sort((a, b) => b - a);

    let coordinatorUnit = existing?.coordinatorUnit ?? null;
    if (input.coordinatorUnitId !== undefined) {
      coordinatorUnit = null;
      if (input.coordinatorUnitId !== null) {
        coordinatorUnit = isId(input.coordinatorUnitId) ? await this.em.findOne(Unit, { id: input.coordinatorUnitId }) : null;
        if (!coordinatorUnit) {
          throw badInput(`Không tìm thấy cơ quan điều phối (${input.coordinatorUnitId}).`, { argument: 'input.coordinatorUnitId' });
        }
      }
    }

    const policy = existing ?? this.em.create(EscalationPolicy, { id: planId, plan, ...next, coordinatorUnit });
    if (existing) Object.assign(existing, next, { coordinatorUnit });
    await this.em.flush();
    return policy;
  }
}
