import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput, conflict, type DomainError } from '../../shared/errors.js';
import { daysBetween, formatViDate } from '../../shared/dates.js';
import { leanMapped, type Lean } from '../../shared/lean.js';
import { OrderDirection } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { CalendarDay } from './calendar-day.entity.js';
import { loadWorkingCalendar } from './calendar.service.js';
import { CalendarDayKind, weekday } from './working-days.js';

export const CALENDAR_DAY_SPEC: ResourceSpec = {
  label: 'ngày trong lịch làm việc',
  searchFields: ['name', 'source'],
  sortable: ['day', 'kind', 'name'],
  defaultSort: ['day', OrderDirection.ASC],
  writePermission: 'calendar:manage',
};

/** Years the calendar speaks of: wide enough for any plan, narrow enough to catch a mistyped year. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** Counting is one step per day: a span longer than any plan's life is a mistake, not a question. */
const MAX_SPAN_DAYS = 20 * 366;
const MAX_WORKING_DAYS = 5000;

const WEEKEND = new Set([0, 6]);

/** Why a day cannot be of this kind, or null when it can (a rule of the government's announcements). */
export function calendarDayProblem(day: string, kind: CalendarDayKind): DomainError | null {
  const year = Number(day.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return badInput(`Ngày ${formatViDate(day)} nằm ngoài các năm ${FIRST_YEAR}–${LAST_YEAR}.`, { argument: 'day' });
  }
  const weekend = WEEKEND.has(weekday(day));
  if (kind === CalendarDayKind.WORKING_DAY && !weekend) {
    return badInput(`Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; ${formatViDate(day)} là ngày làm việc thường.`, { argument: 'kind' });
  }
  if (kind === CalendarDayKind.DAY_OFF && weekend) {
    return badInput(
      `Ngày nghỉ bù phải là ngày trong tuần; ${formatViDate(day)} là thứ Bảy hoặc Chủ nhật. Ngày lễ rơi vào cuối tuần thì ghi là ngày lễ.`,
      { argument: 'kind' },
    );
  }
  return null;
}

function checkYear(year: number, argument: string) {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badInput(`Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`, { argument });
  }
}

/** The working-day calendar as reference data: read by everyone, kept by ADMIN. */
export class CalendarDayService extends ResourceService<CalendarDay> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, CalendarDay, CALENDAR_DAY_SPEC);
  }

  protected override where(filter: Record<string, unknown> = {}): FilterQuery<CalendarDay> {
    const { year, ...rest } = filter;
    const base = super.where(rest) as Record<string, unknown>;
    if (year === undefined || year === null) return base as FilterQuery<CalendarDay>;
    checkYear(Number(year), 'filter.year');
    const inYear = { day: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
    return (Object.keys(base).length ? { $and: [base, inYear] } : inYear) as FilterQuery<CalendarDay>;
  }

  /** One year's days in date order: a few dozen rows, never paged. */
  async year(year: number): Promise<Lean<CalendarDay>[]> {
    authorize(this.viewer, 'plan:read');
    checkYear(year, 'year');
    const rows = await this.em
      .createQueryBuilder(CalendarDay)
      .select(['id', 'createdAt', 'updatedAt', 'version', 'day', 'kind', 'name', 'source'])
      .where(this.where({ year }) as never)
      .orderBy({ day: 'asc' })
      .execute('all', true);
    return leanMapped(this.em, CalendarDay, rows as object[]);
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    authorize(this.viewer, 'plan:read');
    if (Math.abs(daysBetween(from, to)) > MAX_SPAN_DAYS) {
      throw badInput('Khoảng thời gian quá dài (tối đa 20 năm).', { argument: 'to' });
    }
    return (await loadWorkingCalendar(this.em)).workingDaysBetween(from, to);
  }

  async addWorkingDays(day: string, n: number): Promise<string> {
    authorize(this.viewer, 'plan:read');
    if (Math.abs(n) > MAX_WORKING_DAYS) throw badInput(`Số ngày làm việc phải trong khoảng ±${MAX_WORKING_DAYS}.`, { argument: 'n' });
    const result = (await loadWorkingCalendar(this.em)).addWorkingDays(day, n);
    checkYear(Number(result.slice(0, 4)), 'n');
    return result;
  }

  override async create(data: Record<string, unknown>): Promise<CalendarDay> {
    authorize(this.viewer, CALENDAR_DAY_SPEC.writePermission);
    await this.check(data.day as string, data.kind as CalendarDayKind, null);
    return super.create(data);
  }

  override async update(id: string, version: number, data: Record<string, unknown>): Promise<CalendarDay> {
    authorize(this.viewer, CALENDAR_DAY_SPEC.writePermission);
    // A day, its kind and its name are never empty: a null sent for them (a generic client sends every field) means "unchanged".
    const changes = Object.fromEntries(Object.entries(data).filter(([key, value]) => value !== null || key === 'source'));
    const current = await this.get(id);
    const day = (changes.day as string | undefined) ?? current.day;
    const kind = (changes.kind as CalendarDayKind | undefined) ?? current.kind;
    if (current.version === version) await this.check(day, kind, current.id);
    return super.update(id, version, changes);
  }

  private async check(day: string, kind: CalendarDayKind, ownId: string | null) {
    const problem = calendarDayProblem(day, kind);
    if (problem) throw problem;
    const same = await this.em.findOne(CalendarDay, { day, ...(ownId ? { id: { $ne: ownId } } : {}) });
    if (same) {
      throw conflict(`Ngày ${formatViDate(day)} đã có trong lịch: "${same.name}". Hãy sửa ngày đó thay vì thêm mới.`, {
        argument: 'day',
        existingId: same.id,
      });
    }
  }
}
