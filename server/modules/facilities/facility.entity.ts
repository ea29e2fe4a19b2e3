import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';
import { Unit } from '../units/unit.entity.js';

export enum FacilitySector {
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
}
registerEnumType(FacilitySector, { name: 'FacilitySector' });

export enum FacilityLevel {
  PRESCHOOL = 'PRESCHOOL',
  PRIMARY = 'PRIMARY',
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  UPPER_SECONDARY = 'UPPER_SECONDARY',
  DISTRICT_HOSPITAL = 'DISTRICT_HOSPITAL',
  PROVINCIAL_HOSPITAL = 'PROVINCIAL_HOSPITAL',
  HEALTH_STATION = 'HEALTH_STATION',
}
registerEnumType(FacilityLevel, { name: 'FacilityLevel', description: 'Cấp học / tuyến y tế' });

/** A school or health facility in a commune; its indicator values feed the plan's targets. */
@ObjectType({ description: 'Cơ sở giáo dục hoặc cơ sở y tế' })
@Entity({ tableName: 'facility' })
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('facility', 'name'))
@Index(searchIndex('facility', 'code'))
export class Facility extends BaseEntity {
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 60 })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  name: string;

  @ManyToOne({ entity: () => Unit })
  @Index()
  commune: Unit;

  @Field(() => FacilitySector)
  @Enum({ items: () => FacilitySector, nativeEnumName: 'facility_sector' })
  sector: FacilitySector;

  @Field(() => FacilityLevel)
  @Enum({ items: () => FacilityLevel, nativeEnumName: 'facility_level' })
  level: FacilityLevel;

  /** The plan does not list facilities; seeded ones are illustrative and flagged so nobody reports them. */
  @Field(() => Boolean, { description: 'Dữ liệu minh họa, không phải số liệu thật' })
  @Property({ type: 'boolean' })
  isDemo: Opt<boolean> = false;
}
