import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';

/** A numbered task of part III (nhiệm vụ), nested as the document numbers it: 1, 1.1, 1.2, 2, … */
@ObjectType({ description: 'Nhiệm vụ' })
@Entity({ tableName: 'task' })
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('task', 'title'))
@Unique({ properties: ['plan', 'number'] })
export class Task extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @ManyToOne({ entity: () => Task, nullable: true, deleteRule: 'cascade' })
  parent?: Task | null;

  @Field(() => String, { description: 'Số thứ tự như trong văn bản, ví dụ "1.2"' })
  @Property({ type: 'string', length: 20 })
  number: string;

  /** Sort key so that 10 comes after 9 and 1.10 after 1.9. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  position: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  dueDate?: string | null;

  /** Work on the task is only submitted with at least one visible piece of evidence (minh chứng). */
  @Field(() => Boolean, { description: 'Bắt buộc có minh chứng trước khi gửi kết quả' })
  @Property({ type: 'boolean', default: true })
  requiresEvidence: Opt<boolean> = true;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  @Property({ type: 'text', nullable: true })
  assumption?: string | null;
}
