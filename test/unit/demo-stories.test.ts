import { describe, expect, it } from 'vitest';
import { AssignmentStatus as S } from '../../server/modules/assignments/assignment.entity.js';
import { AssignmentAction as A } from '../../server/modules/assignments/status-change.entity.js';
import { WorkingCalendar } from '../../server/modules/calendar/working-days.js';
import { VN_CALENDAR_2022_2027 } from '../../server/modules/calendar/vn-calendar.data.js';
import { localDay } from '../../server/shared/dates.js';
import { seededRandom } from '../../server/db/seed/demo-facilities.js';
import { demoCopySchedule, stories2022, type DemoAssignment } from '../../server/db/seed/demo-schedule.js';
import { Outcome, WorkingDays, replay, storySteps, type StoryStep } from '../../server/db/seed/demo-stories.js';

const calendar = new WorkingCalendar(VN_CALENDAR_2022_2027);

/** The shape of the seeded plan: 232 assignments of units with an account, 4 of units without one. */
const assignments: DemoAssignment[] = Array.from({ length: 236 }, (_, i) => ({
  key: `${['1.1', '1.2', '2.1', '2.2', '3', '4', '5', '6'][i % 8]}|UNIT-${i}|DISTRICT`,
  taskNumber: ['1.1', '1.2', '2.1', '2.2', '3', '4', '5', '6'][i % 8],
  unitCode: `UNIT-${Math.floor(i / 5)}`,
  dueDate: '2022-12-31',
  worked: i < 232,
  leads: i % 25 === 0,
}));

const vietnamMinute = (at: Date) => {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

function expectWellFormed(steps: StoryStep[], from: string, until: string) {
  for (const step of steps) {
    const day = localDay(step.at);
    expect(day >= from && day <= until, `${step.action} on ${day}`).toBe(true);
    expect(calendar.isWorkingDay(day), `${step.action} on ${day}, not a working day`).toBe(true);
    expect(vietnamMinute(step.at)).toBeGreaterThanOrEqual(7 * 60 + 30);
  }
}

describe('a demo story', () => {
  const days = new WorkingDays(calendar, '2022-04-01', '2023-06-30');
  const frame = { taskNumber: '1.2', dueDate: '2022-12-31', from: '2022-04-25', until: '2023-03-31' };

  it('ends where its outcome says, through moves the workflow allows, in office hours on working days', () => {
    const expected: Record<Outcome, S> = {
      [Outcome.DONE_ON_TIME]: S.DONE,
      [Outcome.RETURNED_THEN_DONE]: S.DONE,
      [Outcome.DONE_LATE]: S.DONE,
      [Outcome.AWAITING_REVIEW]: S.SUBMITTED,
      [Outcome.IN_PROGRESS]: S.IN_PROGRESS,
      [Outcome.BLOCKED]: S.BLOCKED,
      [Outcome.NOT_STARTED]: S.NOT_STARTED,
    };
    for (const outcome of Object.values(Outcome)) {
      for (let n = 0; n < 20; n++) {
        const submitOn = outcome === Outcome.DONE_LATE ? '2023-02-15' : outcome === Outcome.AWAITING_REVIEW ? '2022-11-10' : undefined;
        const steps = storySteps({ ...frame, outcome, submitOn, detour: n % 3 === 0 }, days, seededRandom(`${outcome}${n}`));
        const { history, state } = replay(steps);
        expect(state.status, outcome).toBe(expected[outcome]);
        expectWellFormed(steps, frame.from, frame.until);
        if (state.status === S.DONE) {
          expect(state.progress).toBe(100);
          const sentOn = localDay(state.submittedAt!);
          expect(outcome === Outcome.DONE_LATE ? sentOn > frame.dueDate : sentOn <= frame.dueDate, `${outcome} sent ${sentOn}`).toBe(true);
          expect(state.completedAt! > state.submittedAt!).toBe(true);
        }
        if (outcome === Outcome.RETURNED_THEN_DONE) expect(history.map((h) => h.action)).toContain(A.RETURN);
        if (outcome === Outcome.BLOCKED) expect(state.blockedReason).toBeTruthy();
        if (steps.length) {
          expect(state.startedAt).toEqual(steps[0].at);
          expect(state.note).toBeTruthy();
        }
      }
    }
  });

  it('is refused when it breaks the workflow or time runs backwards', () => {
    const at = (minute: number) => new Date(Date.UTC(2022, 5, 1, 2, minute));
    expect(() => replay([{ action: A.SUBMIT, at: at(0), by: 'unit' }])).toThrow(/SUBMIT refused from NOT_STARTED/);
    expect(() => replay([{ action: A.UPDATE_PROGRESS, at: at(0), by: 'unit', progress: 10 }])).toThrow(/progress recorded while NOT_STARTED/);
    expect(() => replay([{ action: A.START, at: at(5), by: 'unit' }, { action: A.SUBMIT, at: at(5), by: 'unit' }])).toThrow(/out of order/);
  });

  it('is the same on every run', () => {
    const once = stories2022(assignments, calendar);
    const again = stories2022(assignments, calendar);
    expect([...again.entries()]).toEqual([...once.entries()]);
    expect(demoCopySchedule(assignments, calendar, '2026-11-30')).toEqual(demoCopySchedule(assignments, calendar, '2026-11-30'));
  });
});

describe("the 2022 plan's year", () => {
  it('has work done on time, done late, returned, left open and never started, recorded from April 2022 to the following spring', () => {
    const stories = stories2022(assignments, calendar);
    const ends = [...stories.values()].map((steps) => replay(steps));
    const done = ends.filter((e) => e.state.status === S.DONE);
    const late = done.filter((e) => localDay(e.state.submittedAt!) > '2022-12-31');
    expect(done.length).toBeGreaterThan(assignments.length / 2);
    expect(late.length).toBeGreaterThan(5);
    expect(done.length - late.length).toBeGreaterThan(late.length);
    expect(ends.filter((e) => e.history.some((h) => h.action === A.RETURN)).length).toBeGreaterThan(5);
    expect(ends.filter((e) => e.state.status === S.IN_PROGRESS || e.state.status === S.BLOCKED).length).toBeGreaterThan(5);
    expect(ends.filter((e) => e.state.status === S.NOT_STARTED).length).toBeGreaterThan(0);
    const moments = ends.flatMap((e) => e.history.map((h) => localDay(h.at))).sort();
    expect(moments[0] >= '2022-04-25').toBe(true);
    expect(moments[moments.length - 1] < '2023-06-01').toBe(true);
    // Units without an account recorded nothing.
    expect(stories.has(assignments[235].key)).toBe(false);
  });
});

describe('the demo copy running this year', () => {
  for (const today of ['2026-11-30', '2026-11-29', '2027-01-04', '2026-06-15']) {
    it(`on ${today}: every reminder distance has open work, all three levels are late, submissions wait, nothing is dated today or later`, () => {
      const schedule = demoCopySchedule(assignments, calendar, today);
      const sweepDay = calendar.addWorkingDays(today, 0);
      const ends = new Map([...schedule.stories].map(([key, steps]) => [key, replay(steps).state]));
      const open = (key: string) => [S.NOT_STARTED, S.IN_PROGRESS, S.BLOCKED].includes(ends.get(key)?.status ?? S.NOT_STARTED);
      const distances = new Set<number>();
      const lateness = new Set<number>();
      for (const [key, due] of schedule.dueDates) {
        if (!open(key)) continue;
        const n = calendar.workingDaysBetween(sweepDay, due);
        if (n >= 0) distances.add(n);
        else lateness.add(-n);
      }
      for (const n of [0, 1, 3, 7]) expect(distances.has(n), `due in ${n} working days`).toBe(true);
      expect([...lateness].some((n) => n >= 1 && n < 3)).toBe(true);
      expect([...lateness].some((n) => n >= 3 && n < 7)).toBe(true);
      expect([...lateness].some((n) => n >= 7)).toBe(true);
      const waiting = [...ends.values()].filter((s) => s.status === S.SUBMITTED);
      expect(waiting.some((s) => calendar.workingDaysBetween(localDay(s.submittedAt!), sweepDay) >= 6)).toBe(true);
      expect([...ends.values()].filter((s) => s.status === S.DONE).length).toBeGreaterThan(80);

      const recorded = [...schedule.stories.values()].flat().map((step) => localDay(step.at));
      expect(recorded.every((day) => day < today && day >= schedule.firstDay)).toBe(true);
      expect(schedule.dueDates.size).toBe(assignments.length);
    });
  }
});
