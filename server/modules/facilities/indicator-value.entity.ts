import type { Opt } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Facility } from './facility.entity.js';

/** What a facility reported as of a date: the raw facts from which target shares are computed. */
@ObjectType({ description: 'Số liệu chỉ tiêu của cơ sở tại một ngày' })
@Entity({ tableName: 'indicator_value' })
@Unique({ properties: ['facility', 'asOf'] })
@Check({
  name: 'indicator_transactions_consistent',
  expression: 'cashless_transactions is null or total_transactions is null or cashless_transactions <= total_transactions',
})
export class IndicatorValue extends BaseEntity {
  @ManyToOne({ entity: () => Facility, deleteRule: 'cascade' })
  facility: Facility;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  asOf: string;

  @Field(() => Boolean, { description: 'Có sử dụng nền tảng số' })
  @Property({ type: 'boolean' })
  usesDigitalPlatform: boolean;

  @Field(() => [String], { description: 'Các nền tảng số đang dùng' })
  @Property({ type: 'string[]' })
  platforms: Opt<string[]> = [];

  @Field(() => Boolean, { description: 'Chấp nhận thanh toán không dùng tiền mặt' })
  @Property({ type: 'boolean' })
  acceptsCashless: boolean;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  cashlessTransactions?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  totalTransactions?: number | null;
}
