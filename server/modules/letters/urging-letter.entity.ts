import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';

export enum UrgingLetterState {
  /** Requested; a job is writing the document. */
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(UrgingLetterState, { name: 'UrgingLetterState', description: 'Trạng thái văn bản đôn đốc' });

/**
 * An urging letter (văn bản đôn đốc) to one unit about its late work in one plan, drafted as a DOCX
 * for the clerk to number and the leader to sign. Requested by a LEADER or COORDINATOR, or drafted
 * automatically when the ladder reaches level 3 (at most one automatic letter per unit and day).
 */
@ObjectType({ description: 'Văn bản đôn đốc gửi một đơn vị' })
@Entity({ tableName: 'urging_letter' })
@Unique({ properties: ['dedupeKey'] })
@Index({ properties: ['plan', 'unit'] })
export class UrgingLetter extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  /** The unit urged. */
  @ManyToOne({ entity: () => Unit })
  unit: Unit;

  /** Who pressed "Đôn đốc"; unset for a letter drafted by the ladder. */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  requestedBy?: User | null;

  @Field(() => Boolean, { description: 'Soạn tự động khi đôn đốc lên cấp 3' })
  @Property({ type: 'boolean' })
  automatic: Opt<boolean> = false;

  @Field(() => LocalDateScalar, { description: 'Ngày của văn bản (giờ Việt Nam); các hạn và số ngày chậm tính đến ngày này' })
  @Property({ type: 'date' })
  day: string;

  @Field(() => UrgingLetterState)
  @Enum({ items: () => UrgingLetterState, nativeEnumName: 'urging_letter_state' })
  state: Opt<UrgingLetterState> = UrgingLetterState.PENDING;

  /** The late assignments the letter names, fixed when it is written. */
  @Property({ type: 'string[]', columnType: 'uuid[]' })
  assignmentIds: Opt<string[]> = [];

  @Field(() => Int, { description: 'Số nhiệm vụ chậm được nêu trong văn bản' })
  @Property({ type: 'integer' })
  assignmentCount: Opt<number> = 0;

  /** Where the file is kept in the document store. */
  @Property({ type: 'string', length: 500, nullable: true })
  storageKey?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  fileName?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  byteSize?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  generatedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  /** "auto:<plan>:<unit>:<day>" for the ladder's letters, "req:<id>" for requested ones: a retried job adds none. */
  @Property({ type: 'string', length: 200 })
  dedupeKey: string;
}
