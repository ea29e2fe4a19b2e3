import type { Opt } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';

/** The defaults every plan starts with (and a plan without a policy row uses). */
export const DEFAULT_ESCALATION_POLICY = {
  reminderDays: [7, 3, 1, 0],
  level1After: 1,
  level2After: 3,
  level3After: 7,
  repeatEvery: 7,
  reviewAfter: 3,
  reviewLeaderAfter: 6,
  enabled: true,
  autoLetter: true,
} as const;

/**
 * How one plan chases its work, in working days. Reminders go to the assigned unit before the due
 * date; after it the ladder climbs: level 1 to the unit's officers and head, level 2 to the plan's
 * coordinating office, level 3 to the leaders, then level 3 again every `repeatEvery` days.
 */
@ObjectType({ description: 'Cấu hình nhắc việc và đôn đốc của kế hoạch (tính theo ngày làm việc)' })
@Entity({ tableName: 'escalation_policy' })
@Check({ name: 'escalation_policy_ladder_order', expression: 'level1_after >= 1 and level1_after <= level2_after and level2_after <= level3_after' })
@Check({ name: 'escalation_policy_positive', expression: 'repeat_every >= 1 and review_after >= 1 and review_leader_after >= review_after' })
export class EscalationPolicy extends BaseEntity {
  @OneToOne({ entity: () => Plan, owner: true, deleteRule: 'cascade' })
  plan: Plan;

  @Field(() => Boolean, { description: 'Bật nhắc việc và đôn đốc tự động' })
  @Property({ type: 'boolean' })
  enabled: Opt<boolean> = DEFAULT_ESCALATION_POLICY.enabled;

  @Field(() => [Int], { description: 'Nhắc đơn vị trước hạn bao nhiêu ngày làm việc (0 = đúng ngày đến hạn)' })
  @Property({ type: 'integer[]', columnType: 'int[]' })
  reminderDays: Opt<number[]> = [...DEFAULT_ESCALATION_POLICY.reminderDays];

  @Field(() => Int, { description: 'Cấp 1 (cán bộ và lãnh đạo đơn vị) sau số ngày làm việc quá hạn' })
  @Property({ type: 'integer', fieldName: 'level1_after' })
  level1After: Opt<number> = DEFAULT_ESCALATION_POLICY.level1After;

  @Field(() => Int, { description: 'Cấp 2 (cơ quan điều phối kế hoạch) sau số ngày làm việc quá hạn' })
  @Property({ type: 'integer', fieldName: 'level2_after' })
  level2After: Opt<number> = DEFAULT_ESCALATION_POLICY.level2After;

  @Field(() => Int, { description: 'Cấp 3 (lãnh đạo UBND) sau số ngày làm việc quá hạn' })
  @Property({ type: 'integer', fieldName: 'level3_after' })
  level3After: Opt<number> = DEFAULT_ESCALATION_POLICY.level3After;

  @Field(() => Int, { description: 'Lặp lại cấp 3 sau mỗi số ngày làm việc khi vẫn quá hạn' })
  @Property({ type: 'integer' })
  repeatEvery: Opt<number> = DEFAULT_ESCALATION_POLICY.repeatEvery;

  @Field(() => Int, { description: 'Nhắc người thẩm định khi kết quả đã nộp chưa được xử lý sau số ngày làm việc' })
  @Property({ type: 'integer' })
  reviewAfter: Opt<number> = DEFAULT_ESCALATION_POLICY.reviewAfter;

  @Field(() => Int, { description: 'Báo lãnh đạo khi kết quả đã nộp vẫn chưa được xử lý sau số ngày làm việc' })
  @Property({ type: 'integer' })
  reviewLeaderAfter: Opt<number> = DEFAULT_ESCALATION_POLICY.reviewLeaderAfter;

  @Field(() => Boolean, { description: 'Tự động soạn văn bản đôn đốc khi lên cấp 3' })
  @Property({ type: 'boolean' })
  autoLetter: Opt<boolean> = DEFAULT_ESCALATION_POLICY.autoLetter;

  /** Level 2 goes to this office's users; unset: to the COORDINATORs of the office each unit reports through (else every COORDINATOR). */
  @ManyToOne({ entity: () => Unit, nullable: true, deleteRule: 'set null' })
  coordinatorUnit?: Unit | null;
}
