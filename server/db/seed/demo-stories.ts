/**
 * The demo's recorded work as a pure generator: what one assignment's officer and reviewer did, on which
 * working days and at what time, replayed through the workflow's own transition matrix so that every
 * history is one the API could have written and the assignment's fields agree with it. Deterministic:
 * the same frame, calendar and random sequence give the same story.
 */
import { AssignmentStatus as S } from '../../modules/assignments/assignment.entity.js';
import { AssignmentAction as A } from '../../modules/assignments/status-change.entity.js';
import { PROGRESS_EDITABLE, isTransitionAction, transitionFrom } from '../../modules/assignments/workflow.js';
import type { WorkingCalendar } from '../../modules/calendar/working-days.js';
import {
  REWORK_NOTE, RESUBMIT_COMMENT, SUBMIT_COMMENT, UNBLOCK_COMMENT, VERIFY_COMMENT, blockReason, noteWriter, returnReason,
} from './demo-notes.js';

type Random = () => number;

/** The unit's own officer, or the reviewer (the coordinating office, or the leader for that office's own work). */
export type Actor = 'unit' | 'reviewer';

export interface StoryStep {
  action: A;
  at: Date;
  by: Actor;
  /** For UPDATE_PROGRESS. */
  progress?: number;
  comment?: string | null;
}

export interface HistoryEntry {
  action: A;
  at: Date;
  by: Actor;
  fromStatus: S;
  toStatus: S;
  progress: number;
  comment: string | null;
}

export interface AssignmentState {
  status: S;
  progress: number;
  note: string | null;
  blockedReason: string | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  completedAt: Date | null;
}

/**
 * Plays the steps from NOT_STARTED as AssignmentService does (transition() and a progress update), and
 * refuses a step the workflow would refuse or one out of time order: a broken story fails the seed.
 */
export function replay(steps: readonly StoryStep[]): { history: HistoryEntry[]; state: AssignmentState } {
  const state: AssignmentState = {
    status: S.NOT_STARTED, progress: 0, note: null, blockedReason: null, startedAt: null, submittedAt: null, completedAt: null,
  };
  const history: HistoryEntry[] = [];
  let previous = -Infinity;
  for (const step of steps) {
    if (step.at.getTime() <= previous) throw new Error(`demo history out of order at ${step.action} ${step.at.toISOString()}`);
    previous = step.at.getTime();
    const from = state.status;
    const comment = step.comment?.trim() || null;
    if (step.action === A.UPDATE_PROGRESS) {
      if (!PROGRESS_EDITABLE.has(from)) throw new Error(`demo history: progress recorded while ${from}`);
      state.progress = step.progress!;
      state.note = comment;
    } else {
      const to = isTransitionAction(step.action) ? transitionFrom(from, step.action) : null;
      if (!to) throw new Error(`demo history: ${step.action} refused from ${from}`);
      state.status = to;
      switch (step.action) {
        case A.START:
          state.startedAt ??= step.at;
          break;
        case A.SUBMIT:
          state.submittedAt = step.at;
          break;
        case A.VERIFY:
          state.completedAt = step.at;
          state.progress = 100;
          break;
        case A.RETURN:
          state.submittedAt = null;
          break;
        case A.BLOCK:
          state.blockedReason = comment;
          break;
        case A.UNBLOCK:
          state.blockedReason = null;
          break;
      }
    }
    history.push({ action: step.action, at: step.at, by: step.by, fromStatus: from, toStatus: state.status, progress: state.progress, comment });
  }
  return { history, state };
}

export enum Outcome {
  DONE_ON_TIME = 'DONE_ON_TIME',
  /** Returned once by the reviewer, completed and sent again before the deadline. */
  RETURNED_THEN_DONE = 'RETURNED_THEN_DONE',
  DONE_LATE = 'DONE_LATE',
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  NOT_STARTED = 'NOT_STARTED',
}

export interface StoryFrame {
  outcome: Outcome;
  /** Which notes fit. */
  taskNumber: string;
  dueDate: string;
  /** The first day work may start. */
  from: string;
  /** The last day anything may happen. */
  until: string;
  /** The day the result is sent: required for DONE_LATE and AWAITING_REVIEW, otherwise chosen before the deadline. */
  submitOn?: string;
  /** Blocked for a while on the way, then resumed. */
  detour?: boolean;
}

/** Office hours, Vietnam time: 07:30 to 16:30. */
const FIRST_MINUTE = 7 * 60 + 30;
const OFFICE_MINUTES = 9 * 60;
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/**
 * The working days of a span, listed once: a story picks its days by their position among them, which
 * keeps generating hundreds of stories quick. Days outside the span are clamped to its ends.
 */
export class WorkingDays {
  private readonly list: string[] = [];

  constructor(calendar: WorkingCalendar, from: string, to: string) {
    for (let day = calendar.addWorkingDays(from, 0); day <= to; day = calendar.addWorkingDays(day, 1)) this.list.push(day);
    if (!this.list.length) throw new RangeError(`no working day from ${from} to ${to}`);
  }

  /** How many listed days come before `day`. */
  private before(day: string): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.list[mid] < day) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private at(index: number): string {
    return this.list[Math.max(0, Math.min(this.list.length - 1, index))];
  }

  /** The working day a fraction (0–1) of the way from a to b, both included; the first after a when none lies between. */
  dayAt(a: string, b: string, fraction: number): string {
    const first = this.before(a);
    const last = this.list[this.before(b)] === b ? this.before(b) : this.before(b) - 1;
    const count = last - first + 1;
    if (count <= 0) return this.at(first);
    return this.at(first + Math.min(count - 1, Math.floor(Math.max(0, fraction) * count)));
  }

  /** The last working day on or before `day`. */
  onOrBefore(day: string): string {
    const index = this.before(day);
    return this.list[index] === day ? day : this.at(index - 1);
  }

  /** The n-th working day after `day` (a working day). */
  after(day: string, n: number): string {
    return this.at(this.before(day) + n);
  }
}

/** One story's clock: every step a moment in office hours, each after the one before. */
class Clock {
  private last = -Infinity;

  constructor(private readonly random: Random) {}

  moment(day: string): Date {
    const [y, m, d] = day.split('-').map(Number);
    let time = Date.UTC(y, m - 1, d, 0, FIRST_MINUTE + Math.floor(this.random() * OFFICE_MINUTES) - VIETNAM_OFFSET_MINUTES);
    if (time <= this.last) time = this.last + (5 + Math.floor(this.random() * 40)) * 60_000;
    this.last = time;
    return new Date(time);
  }
}

interface Planned {
  /** How far along the unit's work (from its start to its sending or to the frame's end), 0–1. */
  along: number;
  action: A;
  by: Actor;
  progress?: number;
  comment?: string | null;
}

/** The steps of one frame's story. */
export function storySteps(frame: StoryFrame, days: WorkingDays, random: Random): StoryStep[] {
  if (frame.outcome === Outcome.NOT_STARTED) return [];
  const clock = new Clock(random);
  const note = noteWriter(frame.taskNumber, random);
  const done = [Outcome.DONE_ON_TIME, Outcome.RETURNED_THEN_DONE, Outcome.DONE_LATE].includes(frame.outcome);
  const sends = done || frame.outcome === Outcome.AWAITING_REVIEW;
  const lastOnTime = days.onOrBefore(frame.dueDate < frame.until ? frame.dueDate : frame.until);
  const sendDay = frame.submitOn ?? (sends ? days.dayAt(frame.from, lastOnTime, 0.75 + random() * 0.25) : undefined);
  const end = sendDay ?? frame.until;
  const startDay = days.dayAt(frame.from, end, random() * 0.3);

  const plan: Planned[] = [{ along: 0, action: A.START, by: 'unit' }];
  const progressAt = (along: number, progress: number) =>
    plan.push({ along, action: A.UPDATE_PROGRESS, by: 'unit', progress, comment: note(progress) });
  // Where an open story stops: a unit still at work reports some way along, a stuck one less.
  const reached = sends ? 90 : frame.outcome === Outcome.BLOCKED ? 20 + Math.floor(random() * 40) : 30 + Math.floor(random() * 55);
  const checkpoints = 2 + Math.floor(random() * 2);
  for (let i = 1; i <= checkpoints; i++) {
    const along = (i / (checkpoints + 1)) * (sends ? 0.7 : 0.85) + random() * 0.05;
    progressAt(along, Math.max(5, Math.round((reached * i) / checkpoints / 5) * 5));
  }
  if (frame.detour) {
    plan.push({ along: 0.35, action: A.BLOCK, by: 'unit', comment: blockReason(random) });
    plan.push({ along: 0.5, action: A.UNBLOCK, by: 'unit', comment: UNBLOCK_COMMENT });
  }
  if (frame.outcome === Outcome.BLOCKED) plan.push({ along: 0.95, action: A.BLOCK, by: 'unit', comment: blockReason(random) });
  if (frame.outcome === Outcome.RETURNED_THEN_DONE) {
    plan.push({ along: 0.72, action: A.UPDATE_PROGRESS, by: 'unit', progress: 100, comment: note(100) });
    plan.push({ along: 0.73, action: A.SUBMIT, by: 'unit', comment: SUBMIT_COMMENT });
    plan.push({ along: 0.8, action: A.RETURN, by: 'reviewer', comment: returnReason(random) });
    plan.push({ along: 0.85, action: A.UPDATE_PROGRESS, by: 'unit', progress: 90, comment: REWORK_NOTE });
  }
  if (sends) {
    plan.push({ along: 1, action: A.UPDATE_PROGRESS, by: 'unit', progress: 100, comment: note(100) });
    plan.push({
      along: 1, action: A.SUBMIT, by: 'unit', comment: frame.outcome === Outcome.RETURNED_THEN_DONE ? RESUBMIT_COMMENT : SUBMIT_COMMENT,
    });
  }

  // Stable: steps at the same point keep the order they were planned in.
  plan.sort((a, b) => a.along - b.along);
  const steps: StoryStep[] = plan.map(({ along, ...step }) => ({ ...step, at: clock.moment(days.dayAt(startDay, end, along)) }));
  if (done) {
    const reviewedBy = days.after(end, 1 + Math.floor(random() * 5));
    const reviewDay = reviewedBy < frame.until ? reviewedBy : frame.until;
    steps.push({ action: A.VERIFY, by: 'reviewer', comment: VERIFY_COMMENT, at: clock.moment(reviewDay < end ? end : reviewDay) });
  }
  return steps;
}
