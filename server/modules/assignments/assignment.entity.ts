import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Plan } from '../plans/plan.entity.js';

export enum AssignmentRole {
  LEAD = 'LEAD',
  COORDINATE = 'COORDINATE',
}
registerEnumType(AssignmentRole, { name: 'AssignmentRole', description: 'LEAD: chủ trì; COORDINATE: phối hợp' });

/**
 * Part V.4: a commune coordinates on the district's task and leads the same work at the schools and
 * health facilities of its own area ("theo phân cấp"). The two parts are two assignments.
 */
export enum AssignmentScope {
  DISTRICT = 'DISTRICT',
  OWN_FACILITIES = 'OWN_FACILITIES',
}
registerEnumType(AssignmentScope, {
  name: 'AssignmentScope',
  description: 'Phạm vi: DISTRICT — phần việc chung của nhiệm vụ; OWN_FACILITIES — tại các trường học, cơ sở y tế của xã (theo phân cấp)',
});

export enum AssignmentStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus', description: 'Trạng thái thực hiện' });

/** One task given to one unit, as lead or coordinating body; the unit of work an office reports on. */
@ObjectType({ description: 'Phân công nhiệm vụ cho một đơn vị' })
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['task', 'unit', 'scope'] })
@Check({ name: 'assignment_progress_range', expression: 'progress >= 0 and progress <= 100' })
@Check({ name: 'assignment_own_facilities_lead', expression: "scope = 'DISTRICT' or role = 'LEAD'" })
export class Assignment extends BaseEntity {
  /** Denormalised from the task so that plan-wide lists and figures need no join. */
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  @Index()
  plan: Plan;

  @ManyToOne({ entity: () => Task, deleteRule: 'cascade' })
  task: Task;

  @ManyToOne({ entity: () => Unit })
  @Index()
  unit: Unit;

  @Field(() => AssignmentRole)
  @Enum({ items: () => AssignmentRole, nativeEnumName: 'assignment_role' })
  role: AssignmentRole;

  @Field(() => AssignmentScope)
  @Enum({ items: () => AssignmentScope, nativeEnumName: 'assignment_scope', default: AssignmentScope.DISTRICT })
  scope: Opt<AssignmentScope> = AssignmentScope.DISTRICT;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  @Property({ type: 'text', nullable: true })
  assumption?: string | null;

  @Field(() => AssignmentStatus)
  @Enum({ items: () => AssignmentStatus, nativeEnumName: 'assignment_status' })
  status: Opt<AssignmentStatus> = AssignmentStatus.NOT_STARTED;

  @Field(() => Int, { description: 'Tiến độ, 0–100 (%)' })
  @Property({ type: 'integer' })
  progress: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Ghi chú tiến độ mới nhất' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Lý do vướng mắc khi đang BLOCKED' })
  @Property({ type: 'text', nullable: true })
  blockedReason?: string | null;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  @Index()
  dueDate: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  /** When the accepted submission was sent: timeliness is judged on it, not on the reviewer's speed. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** When the reviewer verified the work (status DONE). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;
}
