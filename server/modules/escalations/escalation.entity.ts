import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';

export enum EscalationKind {
  /** Work not submitted by its due date: the unit is chased up the ladder. */
  OVERDUE = 'OVERDUE',
  /** Work submitted and waiting too long for the reviewer: the reviewers, then the leaders, are chased. */
  REVIEW = 'REVIEW',
}
registerEnumType(EscalationKind, { name: 'EscalationKind', description: 'OVERDUE: đơn vị chậm nộp; REVIEW: chậm thẩm định' });

export enum EscalationState {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(EscalationState, { name: 'EscalationState', description: 'OPEN: đang đôn đốc; RESOLVED: đã xử lý' });

/**
 * One step of the ladder raised for one assignment. The unique key (assignment, unit, kind, basis,
 * level, round) is what makes a sweep that runs twice raise nothing twice: `basis` is the due date
 * (OVERDUE) or the day of submission (REVIEW), so moving the due date or submitting again starts a new
 * ladder, and so does moving the work to another unit: the new unit is chased on its own.
 */
@ObjectType({ description: 'Một lần đôn đốc (cấp, thời điểm, người nhận, trạng thái)' })
@Entity({ tableName: 'escalation' })
@Unique({ properties: ['assignment', 'unit', 'kind', 'basis', 'level', 'round'] })
@Index({ properties: ['plan', 'state'] })
@Check({ name: 'escalation_level_range', expression: 'level >= 1 and level <= 3 and round >= 0' })
export class Escalation extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @ManyToOne({ entity: () => Assignment, deleteRule: 'cascade' })
  @Index()
  assignment: Assignment;

  /** The assigned unit, denormalised: the urging letter and the overdue list group by it. */
  @ManyToOne({ entity: () => Unit })
  unit: Unit;

  @Field(() => EscalationKind)
  @Enum({ items: () => EscalationKind, nativeEnumName: 'escalation_kind' })
  kind: EscalationKind;

  @Field(() => Int, { description: '1: đơn vị; 2: cơ quan điều phối; 3: lãnh đạo UBND' })
  @Property({ type: 'smallint' })
  level: number;

  @Field(() => Int, { description: 'Lần lặp lại của cấp 3 (0 = lần đầu)' })
  @Property({ type: 'smallint' })
  round: Opt<number> = 0;

  @Field(() => LocalDateScalar, { description: 'Hạn (OVERDUE) hoặc ngày nộp (REVIEW) mà lần đôn đốc tính từ' })
  @Property({ type: 'date' })
  basis: string;

  @Field(() => Int, { description: 'Số ngày làm việc chậm khi đôn đốc' })
  @Property({ type: 'integer' })
  workingDaysLate: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  raisedAt: Opt<Date> = new Date();

  /** The users notified; kept as they were at the time, whoever holds the posts later. */
  @Property({ type: 'string[]', columnType: 'uuid[]' })
  recipientIds: Opt<string[]> = [];

  @Field(() => String, { description: 'Người nhận, ví dụ "Phòng Văn hóa và Thông tin"' })
  @Property({ type: 'string', length: 255 })
  recipientLabel: string;

  @Field(() => EscalationState)
  @Enum({ items: () => EscalationState, nativeEnumName: 'escalation_state' })
  state: Opt<EscalationState> = EscalationState.OPEN;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;
}
