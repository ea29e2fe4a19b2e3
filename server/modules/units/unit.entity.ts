import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';

export enum UnitKind {
  LEADERSHIP = 'LEADERSHIP',
  OFFICE = 'OFFICE',
  CENTRE = 'CENTRE',
  COMMUNE = 'COMMUNE',
  TOWNSHIP = 'TOWNSHIP',
  ENTERPRISE = 'ENTERPRISE',
  BANK = 'BANK',
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
}
registerEnumType(UnitKind, { name: 'UnitKind', description: 'Loại đơn vị' });

/** A responsible body: a district office, a commune, an enterprise asked to help, or a report recipient. */
@ObjectType({ description: 'Đơn vị (cơ quan chủ trì, phối hợp hoặc nhận báo cáo)' })
@Entity({ tableName: 'unit' })
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('unit', 'name'))
@Index(searchIndex('unit', 'code'))
@Index(searchIndex('unit', 'short_name'))
export class Unit extends BaseEntity {
  @Field(() => String, { description: 'Mã đơn vị, ví dụ PHONG-GDDT, XA-HABAC' })
  @Unique()
  @Property({ type: 'string', length: 40 })
  code: string;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 80, nullable: true })
  shortName?: string | null;

  @Field(() => UnitKind)
  @Enum({ items: () => UnitKind, nativeEnumName: 'unit_kind' })
  kind: UnitKind;

  /** Administrative parent: the district leadership for offices and communes. */
  @ManyToOne({ entity: () => Unit, nullable: true, deleteRule: 'set null' })
  parent?: Unit | null;

  /** The office this unit's reports go through (the Culture and Information Office for most). */
  @ManyToOne({ entity: () => Unit, nullable: true, deleteRule: 'set null' })
  reportsThrough?: Unit | null;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  @Property({ type: 'text', nullable: true })
  assumption?: string | null;
}
