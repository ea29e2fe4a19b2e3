/**
 * Which story each assignment of the demo gets: the 2022 plan's year as it might have gone, and, for the
 * copy that runs this year, deadlines spread around today so that the daily sweep always has work to
 * remind of, work to chase and submissions waiting on the reviewer. Pure and deterministic.
 */
import type { WorkingCalendar } from '../../modules/calendar/working-days.js';
import { seededRandom } from './demo-facilities.js';
import { Outcome, WorkingDays, storySteps, type StoryFrame, type StoryStep } from './demo-stories.js';

export interface DemoAssignment {
  /** Stable across installs and runs: task number, unit code and scope. */
  key: string;
  taskNumber: string;
  unitCode: string;
  dueDate: string;
  /** The unit has an account to record its work with; a unit without one has recorded nothing. */
  worked: boolean;
  /** The unit leads the task for the district (chủ trì): the work a demo's office account opens first. */
  leads: boolean;
}

type Random = () => number;

function weighted<T>(random: Random, choices: Array<[T, number]>): T {
  let roll = random() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return choices[choices.length - 1][0];
}

/** "Hà Trung, tháng 4 năm 2022": the offices had the plan in hand by the end of April. */
export const PLAN_2022_REACHED_UNITS = '2022-04-25';

/**
 * The 2022 plan's year: most units finished by the deadline, some after a return, some in the first
 * months of 2023, and a few never got there. A unit has a diligence of its own, so the ranking means something.
 */
export function stories2022(assignments: readonly DemoAssignment[], calendar: WorkingCalendar): Map<string, StoryStep[]> {
  const stories = new Map<string, StoryStep[]>();
  const lastDue = assignments.reduce((last, a) => (a.dueDate > last ? a.dueDate : last), PLAN_2022_REACHED_UNITS);
  const days = new WorkingDays(calendar, PLAN_2022_REACHED_UNITS, calendar.addWorkingDays(lastDue, 70));
  for (const a of assignments) {
    if (!a.worked) continue;
    const random = seededRandom(`2022:${a.key}`);
    const diligence = seededRandom(`unit:${a.unitCode}`)();
    const outcome = weighted(random, [
      [Outcome.DONE_ON_TIME, 40 + 30 * diligence],
      [Outcome.RETURNED_THEN_DONE, 10],
      [Outcome.DONE_LATE, 18 - 8 * diligence],
      [Outcome.IN_PROGRESS, 14 - 10 * diligence],
      [Outcome.BLOCKED, 4],
      [Outcome.NOT_STARTED, 8 - 6 * diligence],
    ]);
    const open = outcome === Outcome.IN_PROGRESS || outcome === Outcome.BLOCKED;
    const frame: StoryFrame = {
      outcome,
      taskNumber: a.taskNumber,
      dueDate: a.dueDate,
      from: PLAN_2022_REACHED_UNITS,
      // Work left open stopped being reported when the year ended; the late ones came in over the next quarter.
      until: open ? a.dueDate : calendar.addWorkingDays(a.dueDate, 60),
      submitOn: outcome === Outcome.DONE_LATE ? calendar.addWorkingDays(a.dueDate, 1 + Math.floor(random() * 45)) : undefined,
      detour: !open && random() < 0.12,
    };
    stories.set(a.key, storySteps(frame, days, seededRandom(`2022-story:${a.key}`)));
  }
  return stories;
}

export interface DemoCopySchedule {
  dueDates: Map<string, string>;
  stories: Map<string, StoryStep[]>;
  /** The earliest day a story may start. */
  firstDay: string;
}

/** How many working days back the demo copy's recorded work begins. */
export const DEMO_HISTORY_WORKING_DAYS = 130;

/**
 * The copy running this year, built around `today`: a month of deadlines ahead, one each working day
 * (so every morning some unit is reminded at 7, 3, 1 and 0 days), a month of late work (all three
 * levels of the ladder), submissions waiting 1–10 working days for review, more work later in the
 * year, and the rest done, mostly on time. Nothing recorded is dated today or later.
 */
export function demoCopySchedule(assignments: readonly DemoAssignment[], calendar: WorkingCalendar, today: string): DemoCopySchedule {
  const day = (n: number) => calendar.addWorkingDays(today, n);
  const firstDay = day(-DEMO_HISTORY_WORKING_DAYS);
  const until = day(-1);
  const days = new WorkingDays(calendar, firstDay, day(1));
  const dueDates = new Map<string, string>();
  const stories = new Map<string, StoryStep[]>();
  const set = (a: DemoAssignment, dueDate: string, outcome: Outcome, extra: Partial<StoryFrame> = {}) => {
    dueDates.set(a.key, dueDate);
    const frame: StoryFrame = { outcome, taskNumber: a.taskNumber, dueDate, from: firstDay, until, ...extra };
    stories.set(a.key, storySteps(frame, days, seededRandom(`demo-story:${a.key}`)));
  };

  // The same units play the same parts on every install: the order depends on the keys only. The
  // leading offices' work is dealt out first, one to each part in turn, so every office account of the
  // demo has something due, something late or waiting for review, and something done.
  const shuffle = seededRandom('demo-copy');
  const shuffled = assignments
    .filter((a) => a.worked)
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((a) => ({ a, order: shuffle() }))
    .sort((x, y) => x.order - y.order)
    .map(({ a }) => a);
  const sizes = { dueSoon: 30, late: 30, waiting: 10, later: 40 };
  const parts: Record<keyof typeof sizes | 'done', DemoAssignment[]> = { dueSoon: [], late: [], waiting: [], later: [], done: [] };
  const turns = ['dueSoon', 'waiting', 'late', 'done', 'later'] as const;
  shuffled.filter((a) => a.leads).forEach((a, i) => parts[turns[i % turns.length]].push(a));
  for (const a of shuffled.filter((x) => !x.leads)) {
    const part = (Object.keys(sizes) as Array<keyof typeof sizes>).find((p) => parts[p].length < sizes[p]) ?? 'done';
    parts[part].push(a);
  }

  parts.dueSoon.forEach((a, i) => set(a, day(i), i % 6 === 5 ? Outcome.NOT_STARTED : i % 10 === 7 ? Outcome.BLOCKED : Outcome.IN_PROGRESS));
  parts.late.forEach((a, i) => set(a, day(-1 - i), i % 5 === 4 ? Outcome.NOT_STARTED : i % 7 === 3 ? Outcome.BLOCKED : Outcome.IN_PROGRESS));
  parts.waiting.forEach((a, i) => {
    const sent = day(-1 - i);
    // Most were sent before their deadline; every fourth a few days after it.
    set(a, calendar.addWorkingDays(sent, i % 4 === 3 ? -3 : 2 + i), Outcome.AWAITING_REVIEW, { submitOn: sent });
  });
  parts.later.forEach((a, i) => set(a, day(30 + i), i % 3 === 0 ? Outcome.NOT_STARTED : Outcome.IN_PROGRESS));
  for (const a of parts.done) {
    const random = seededRandom(`demo-due:${a.key}`);
    const early = random() < 0.2;
    const dueDate = early ? day(1 + Math.floor(random() * 30)) : day(-5 - Math.floor(random() * 110));
    const outcome = weighted(random, [
      [Outcome.DONE_ON_TIME, 68],
      [Outcome.RETURNED_THEN_DONE, 12],
      [early ? Outcome.DONE_ON_TIME : Outcome.DONE_LATE, 20],
    ]);
    const late = outcome === Outcome.DONE_LATE ? calendar.addWorkingDays(dueDate, 1 + Math.floor(random() * 10)) : undefined;
    set(a, dueDate, outcome, { submitOn: late && late > until ? until : late, detour: random() < 0.1 });
  }
  // Units without an account never report: their work simply falls due, some of it already late.
  const idleDays = [-12, -3, 4, 20];
  assignments.filter((a) => !a.worked).forEach((a, i) => set(a, day(idleDays[i % idleDays.length]), Outcome.NOT_STARTED));
  return { dueDates, stories, firstDay };
}
