import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { CalendarDayKind } from './working-days.js';

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY: ngày lễ, Tết; DAY_OFF: nghỉ bù / nghỉ hoán đổi; WORKING_DAY: ngày làm bù (thứ Bảy, Chủ nhật đi làm)',
});

/**
 * One day that is not what its weekday says: a holiday or day off on a weekday, or a make-up working
 * Saturday. Every other Monday–Friday is a working day and every weekend day is not.
 */
@ObjectType({ description: 'Ngày đặc biệt trong lịch làm việc (nghỉ lễ, nghỉ bù, làm bù)' })
@Entity({ tableName: 'calendar_day' })
export class CalendarDay extends BaseEntity {
  @Field(() => LocalDateScalar)
  @Unique()
  @Property({ type: 'date' })
  day: string;

  @Field(() => CalendarDayKind)
  @Enum({ items: () => CalendarDayKind, nativeEnumName: 'calendar_day_kind' })
  kind: CalendarDayKind;

  @Field(() => String, { description: 'Tên ngày, ví dụ "Tết Nguyên đán Bính Ngọ"' })
  @Property({ type: 'string', length: 255 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Căn cứ: văn bản thông báo hoặc "dự kiến"' })
  @Property({ type: 'string', length: 255, nullable: true })
  source?: string | null;
}
