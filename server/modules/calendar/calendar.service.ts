import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkingCalendar, type CalendarDayKind } from './working-days.js';

/**
 * The whole working calendar: a few dozen exceptions a year, so one small read. Late work can be years
 * late (the plans of 2022 still open in 2026), and counting its working days needs every year between.
 */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const rows = await em.getConnection().execute<Array<{ day: string; kind: CalendarDayKind }>>(
    `select to_char(day, 'YYYY-MM-DD') as day, kind from calendar_day`,
  );
  return new WorkingCalendar(rows);
}
