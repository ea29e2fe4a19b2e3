import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: string;
let leader: string;
let coordinator: string;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  [admin, leader, coordinator, officer] = await Promise.all(['admin', 'phochutich', 'vhtt', 'gddt'].map((u) => server.login(u)));
});

afterAll(async () => {
  await server?.close();
});

const DAY_FIELDS = 'id version day kind name source';
const CREATE = `mutation($day: LocalDate!, $kind: CalendarDayKind!, $name: String!, $source: String) {
  createCalendarDay(day: $day, kind: $kind, name: $name, source: $source) { ${DAY_FIELDS} }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $day: LocalDate, $kind: CalendarDayKind, $name: String, $source: String) {
  updateCalendarDay(id: $id, version: $version, day: $day, kind: $kind, name: $name, source: $source) { ${DAY_FIELDS} }
}`;
const DELETE = 'mutation($id: ID!) { deleteCalendarDay(id: $id) { id day } }';
const ADD = 'query($day: LocalDate!, $n: Int!) { addWorkingDays(day: $day, n: $n) }';
const BETWEEN = 'query($from: LocalDate!, $to: LocalDate!) { workingDaysBetween(from: $from, to: $to) }';

const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
const argument = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.argument;

describe('reading the working-day calendar', () => {
  it('an officer lists one year’s special days in date order, Tết Bính Ngọ among them', async () => {
    const res = await server.gql('query($y: Int!) { calendarDays(year: $y) { day kind name } }', { y: 2026 }, officer);
    expect(res.errors).toBeUndefined();
    const days = res.data!.calendarDays as Array<{ day: string; kind: string; name: string }>;
    expect(days.map((d) => d.day)).toEqual([...days.map((d) => d.day)].sort());
    expect(days.every((d) => d.day.startsWith('2026-'))).toBe(true);
    expect(days.filter((d) => d.name.includes('Bính Ngọ')).map((d) => d.day)).toEqual([
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
    ]);
  });

  it('a year out of range is refused naming the argument, and nobody signed out reads the calendar', async () => {
    const bad = await server.gql('{ calendarDays(year: 20260) { day } }', {}, officer);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(argument(bad)).toBe('year');
    expect(code(await server.gql('{ calendarDays(year: 2026) { day } }'))).toBe('UNAUTHENTICATED');
    expect(code(await server.gql(BETWEEN, { from: '2026-02-13', to: '2026-02-23' }))).toBe('UNAUTHENTICATED');
  });

  it('counts working days over Tết and a make-up Saturday', async () => {
    const between = await server.gql(BETWEEN, { from: '2026-02-13', to: '2026-02-23' }, officer);
    expect(between.data!.workingDaysBetween).toBe(1);
    const back = await server.gql(BETWEEN, { from: '2026-02-23', to: '2026-02-13' }, officer);
    expect(back.data!.workingDaysBetween).toBe(-1);
    const next = await server.gql(ADD, { day: '2025-02-07', n: 1 }, officer);
    expect(next.data!.addWorkingDays).toBe('2025-02-08');
    const before = await server.gql(ADD, { day: '2026-02-23', n: -1 }, officer);
    expect(before.data!.addWorkingDays).toBe('2026-02-13');
  });

  it('refuses counts that could never be meant, naming the argument; an impossible date is BAD_USER_INPUT', async () => {
    const far = await server.gql(ADD, { day: '2026-01-01', n: 100_000 }, officer);
    expect(code(far)).toBe('BAD_USER_INPUT');
    expect(argument(far)).toBe('n');
    const span = await server.gql(BETWEEN, { from: '1900-01-01', to: '2099-12-31' }, officer);
    expect(code(span)).toBe('BAD_USER_INPUT');
    expect(code(await server.gql(ADD, { day: '2026-02-30', n: 1 }, officer))).toBe('BAD_USER_INPUT');
  });

  it('the admin’s list filters by year and kind, with its count', async () => {
    const res = await server.gql(
      `query($f: CalendarDayFilter) { allCalendarDays(filter: $f, sortField: "day", sortOrder: "ASC") { day kind } _allCalendarDaysMeta(filter: $f) { count } }`,
      { f: { year: 2025, kind: ['WORKING_DAY'] } },
      officer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.allCalendarDays).toEqual([
      { day: '2025-02-08', kind: 'WORKING_DAY' },
      { day: '2025-04-26', kind: 'WORKING_DAY' },
    ]);
    expect(res.data!._allCalendarDaysMeta.count).toBe(2);
  });
});

describe('keeping the calendar', () => {
  it('ADMIN adds a make-up working Saturday and deadlines count it at once', async () => {
    expect((await server.gql(ADD, { day: '2026-10-09', n: 1 }, officer)).data!.addWorkingDays).toBe('2026-10-12');
    const res = await server.gql(CREATE, { day: '2026-10-10', kind: 'WORKING_DAY', name: 'Làm bù thử nghiệm', source: 'Thông báo thử' }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCalendarDay).toMatchObject({ day: '2026-10-10', kind: 'WORKING_DAY', version: 1 });
    expect((await server.gql(ADD, { day: '2026-10-09', n: 1 }, officer)).data!.addWorkingDays).toBe('2026-10-10');
  });

  it('a leader, a coordinator and an officer may not add a day; signed out is UNAUTHENTICATED', async () => {
    const vars = { day: '2026-10-17', kind: 'WORKING_DAY', name: 'Làm bù' };
    for (const token of [leader, coordinator, officer]) expect(code(await server.gql(CREATE, vars, token))).toBe('FORBIDDEN');
    expect(code(await server.gql(CREATE, vars))).toBe('UNAUTHENTICATED');
    const listed = await server.gql('{ calendarDays(year: 2026) { day } }', {}, officer);
    expect(listed.data!.calendarDays.map((d: { day: string }) => d.day)).not.toContain('2026-10-17');
  });

  it('a make-up working day must be a Saturday or Sunday; a day off must be a weekday; a holiday may fall anywhere', async () => {
    const weekdayWork = await server.gql(CREATE, { day: '2026-10-14', kind: 'WORKING_DAY', name: 'Làm bù' }, admin);
    expect(code(weekdayWork)).toBe('BAD_USER_INPUT');
    expect(argument(weekdayWork)).toBe('kind');
    const sundayOff = await server.gql(CREATE, { day: '2026-10-18', kind: 'DAY_OFF', name: 'Nghỉ bù' }, admin);
    expect(code(sundayOff)).toBe('BAD_USER_INPUT');
    expect(argument(sundayOff)).toBe('kind');
    const saturdayHoliday = await server.gql(CREATE, { day: '2026-10-24', kind: 'HOLIDAY', name: 'Ngày lễ thử nghiệm' }, admin);
    expect(saturdayHoliday.errors).toBeUndefined();
    expect(code(await server.gql(CREATE, { day: '2026-13-01', kind: 'HOLIDAY', name: 'Ngày sai' }, admin))).toBe('BAD_USER_INPUT');
  });

  it('a day already in the calendar is a CONFLICT that points at the existing one', async () => {
    const res = await server.gql(CREATE, { day: '2026-02-17', kind: 'HOLIDAY', name: 'Trùng' }, admin);
    expect(code(res)).toBe('CONFLICT');
    expect(argument(res)).toBe('day');
    expect(res.errors![0].extensions!.existingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.errors![0].message).toContain('17/02/2026');
  });

  it('ADMIN edits a day with the version read; a stale version, a clash or a wrong kind is refused', async () => {
    const created = (await server.gql(CREATE, { day: '2026-11-02', kind: 'DAY_OFF', name: 'Nghỉ bù thử' }, admin)).data!.createCalendarDay;
    const renamed = await server.gql(UPDATE, { id: created.id, version: 1, name: 'Nghỉ bù (đã sửa)', source: null }, admin);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateCalendarDay).toMatchObject({ name: 'Nghỉ bù (đã sửa)', version: 2, kind: 'DAY_OFF', day: '2026-11-02' });

    expect(code(await server.gql(UPDATE, { id: created.id, version: 1, name: 'Cũ' }, admin))).toBe('CONFLICT');
    const clash = await server.gql(UPDATE, { id: created.id, version: 2, day: '2026-09-02' }, admin);
    expect(code(clash)).toBe('CONFLICT');
    expect(argument(clash)).toBe('day');
    const wrongKind = await server.gql(UPDATE, { id: created.id, version: 2, kind: 'WORKING_DAY' }, admin);
    expect(code(wrongKind)).toBe('BAD_USER_INPUT');
    expect(argument(wrongKind)).toBe('kind');
    // Moved to a Saturday, it may become a make-up working day.
    const moved = await server.gql(UPDATE, { id: created.id, version: 2, day: '2026-11-07', kind: 'WORKING_DAY' }, admin);
    expect(moved.data!.updateCalendarDay).toMatchObject({ day: '2026-11-07', kind: 'WORKING_DAY', version: 3 });

    for (const token of [leader, coordinator, officer]) {
      expect(code(await server.gql(UPDATE, { id: created.id, version: 3, name: 'Không được' }, token))).toBe('FORBIDDEN');
    }
    expect(code(await server.gql(UPDATE, { id: created.id, version: 3, name: 'Không được' }))).toBe('UNAUTHENTICATED');
  });

  it('only ADMIN removes a day, and the count follows', async () => {
    const created = (await server.gql(CREATE, { day: '2026-12-04', kind: 'DAY_OFF', name: 'Nghỉ thử' }, admin)).data!.createCalendarDay;
    expect((await server.gql(BETWEEN, { from: '2026-12-03', to: '2026-12-07' }, officer)).data!.workingDaysBetween).toBe(1);
    for (const token of [leader, coordinator, officer]) expect(code(await server.gql(DELETE, { id: created.id }, token))).toBe('FORBIDDEN');
    const removed = await server.gql(DELETE, { id: created.id }, admin);
    expect(removed.data!.deleteCalendarDay).toMatchObject({ id: created.id, day: '2026-12-04' });
    expect((await server.gql(BETWEEN, { from: '2026-12-03', to: '2026-12-07' }, officer)).data!.workingDaysBetween).toBe(2);
    expect(code(await server.gql(DELETE, { id: created.id }, admin))).toBe('NOT_FOUND');
  });
});
