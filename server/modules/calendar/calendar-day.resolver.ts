import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarDayFilter, CreateCalendarDayArgs, UpdateCalendarDayArgs } from './calendar-day.inputs.js';
import { CALENDAR_DAY_SPEC } from './calendar-day.service.js';

export const CalendarDayResourceResolver = createResourceResolver({
  type: CalendarDay,
  name: 'CalendarDay',
  plural: 'CalendarDays',
  // `calendarDays` is the plain per-year list below.
  connectionField: 'calendarDaysConnection',
  filter: CalendarDayFilter,
  sortable: CALENDAR_DAY_SPEC.sortable,
  service: (ctx) => ctx.services.calendarDays,
  createArgs: CreateCalendarDayArgs,
  updateArgs: UpdateCalendarDayArgs,
  writePermissions: [CALENDAR_DAY_SPEC.writePermission],
});

@Resolver()
export class WorkingCalendarResolver {
  @Query(() => [CalendarDay], { description: 'Các ngày đặc biệt (nghỉ lễ, nghỉ bù, làm bù) của một năm, theo thứ tự ngày' })
  calendarDays(@Arg('year', () => Int) year: number, @Ctx() ctx: Context) {
    return ctx.services.calendarDays.year(year);
  }

  @Query(() => Int, {
    description: 'Số ngày làm việc sau ngày `from` đến hết ngày `to` (âm khi `to` trước `from`). Hạn thứ Sáu thì thứ Hai là trễ 1 ngày làm việc.',
  })
  workingDaysBetween(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarDays.workingDaysBetween(from, to);
  }

  @Query(() => LocalDateScalar, {
    description: 'Ngày làm việc thứ n sau `day` (n âm: trước `day`); n = 0: chính `day` nếu là ngày làm việc, nếu không thì ngày làm việc kế tiếp',
  })
  addWorkingDays(@Arg('day', () => LocalDateScalar) day: string, @Arg('n', () => Int) n: number, @Ctx() ctx: Context) {
    return ctx.services.calendarDays.addWorkingDays(day, n);
  }
}
