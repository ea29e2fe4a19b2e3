import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Unit } from '../units/unit.entity.js';

export enum NotificationKind {
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'Sắp đến hạn / quá hạn' });

/**
 * A deadline reminder for a unit about one assignment on one day. The unique key makes the
 * scanning job idempotent: a retried or duplicated run creates nothing new.
 */
@ObjectType({ description: 'Nhắc việc theo hạn' })
@Entity({ tableName: 'notification' })
@Unique({ properties: ['assignment', 'kind', 'day'] })
export class Notification extends BaseEntity {
  @ManyToOne({ entity: () => Unit })
  @Index()
  unit: Unit;

  @ManyToOne({ entity: () => Assignment })
  assignment: Assignment;

  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind: NotificationKind;

  @Field(() => LocalDateScalar, { description: 'Ngày nhắc' })
  @Property({ type: 'date' })
  day: string;

  @Field(() => String)
  @Property({ type: 'text' })
  message: string;
}
