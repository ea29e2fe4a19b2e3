import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Trạng thái kế hoạch' });

@ObjectType({ description: 'Kế hoạch' })
@Entity({ tableName: 'plan' })
export class Plan extends BaseEntity {
  /** Stable key for seeding and for integrators; documents are often filed before they get a number. */
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 80 })
  code: string;

  @Field(() => String, { nullable: true, description: 'Số hiệu văn bản, ví dụ 97/KH-UBND (trống khi văn bản chưa vào số)' })
  @Property({ type: 'string', length: 80, nullable: true })
  number?: string | null;

  @Field(() => String)
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'Cơ quan ban hành' })
  @Property({ type: 'string', length: 255 })
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày ban hành (trống khi văn bản để trống ngày)' })
  @Property({ type: 'date', nullable: true })
  issueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Địa danh, ngày tháng như ghi trên văn bản' })
  @Property({ type: 'string', length: 120, nullable: true })
  issuePlaceAndDate?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 120, nullable: true })
  signerName?: string | null;

  @Field(() => String, { nullable: true, description: 'Chức vụ người ký, ví dụ "KT. Chủ tịch — Phó Chủ tịch"' })
  @Property({ type: 'string', length: 120, nullable: true })
  signerTitle?: string | null;

  @ManyToOne({ entity: () => Plan, nullable: true, deleteRule: 'set null' })
  parent?: Plan | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  periodStart?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, nativeEnumName: 'plan_status' })
  status: Opt<PlanStatus> = PlanStatus.DRAFT;

  /** Loaded only when asked for (see PlanFieldResolver.sourceText): lists of plans never carry it. */
  @Property({ type: 'text', nullable: true, lazy: true })
  sourceText?: string | null;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  @Property({ type: 'text', nullable: true })
  assumption?: string | null;

  /** The copy a demo install runs this year (see server/db/seed/demo-activity.ts): flagged so it can be told apart and removed. */
  @Field(() => Boolean, { description: 'Kế hoạch minh họa để dùng thử, không phải kế hoạch thật' })
  @Property({ type: 'boolean' })
  isDemo: Opt<boolean> = false;
}
