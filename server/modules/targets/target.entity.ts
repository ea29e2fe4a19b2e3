import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { FacilityLevel } from '../facilities/facility.entity.js';

export enum Sector {
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  EDUCATION_AND_HEALTH = 'EDUCATION_AND_HEALTH',
}
registerEnumType(Sector, { name: 'Sector', description: 'Lĩnh vực' });

export enum TargetMetric {
  /** Share of facilities that use a digital platform. */
  FACILITIES_USING_DIGITAL_PLATFORM = 'FACILITIES_USING_DIGITAL_PLATFORM',
  /** Share of facilities that accept cashless payment. */
  FACILITIES_ACCEPTING_CASHLESS = 'FACILITIES_ACCEPTING_CASHLESS',
  /** Share of transactions that were cashless. */
  CASHLESS_TRANSACTION_SHARE = 'CASHLESS_TRANSACTION_SHARE',
}
registerEnumType(TargetMetric, { name: 'TargetMetric' });

export enum Comparator {
  AT_LEAST = 'AT_LEAST',
  MORE_THAN = 'MORE_THAN',
}
registerEnumType(Comparator, { name: 'Comparator', description: 'AT_LEAST: đạt từ ngưỡng; MORE_THAN: vượt (trên) ngưỡng' });

/** A measurable target of part II: a share (of facilities or of transactions) against a threshold by a date. */
@ObjectType({ description: 'Mục tiêu cụ thể' })
@Entity({ tableName: 'target' })
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('target', 'title'))
@Index(searchIndex('target', 'code'))
@Unique({ properties: ['plan', 'code'] })
export class Target extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @Field(() => String, { description: 'Mã mục tiêu, ví dụ T1' })
  @Property({ type: 'string', length: 20 })
  code: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title: string;

  @Field(() => Sector)
  @Enum({ items: () => Sector, nativeEnumName: 'sector' })
  sector: Sector;

  @Field(() => TargetMetric)
  @Enum({ items: () => TargetMetric, nativeEnumName: 'target_metric' })
  metric: TargetMetric;

  @Field(() => Comparator)
  @Enum({ items: () => Comparator, nativeEnumName: 'comparator' })
  comparator: Comparator;

  @Field(() => Float, { description: 'Ngưỡng, tính theo phần trăm' })
  @Property({ type: 'double' })
  thresholdPercent: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  deadline: string;

  /**
   * Which facilities of the sector the target is about, as data: T5 speaks of provincial hospitals
   * only ("bệnh viện tuyến tỉnh"). Null means every facility of the sector.
   */
  @Field(() => [FacilityLevel], { nullable: true, description: 'Cấp/tuyến cơ sở tính vào mục tiêu; trống là mọi cơ sở của lĩnh vực' })
  @Enum({ items: () => FacilityLevel, array: true, nativeEnumName: 'facility_level', nullable: true })
  facilityLevels?: FacilityLevel[] | null;

  @Field(() => String, { nullable: true, description: 'Vì sao mục tiêu không áp dụng khi địa bàn không có cơ sở nào trong phạm vi' })
  @Property({ type: 'text', nullable: true })
  notApplicableReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú cách áp dụng mục tiêu trên địa bàn' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
