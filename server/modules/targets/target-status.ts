import { daysBetween } from '../../shared/dates.js';

export enum TargetStatus {
  MET = 'MET',
  /** Before the deadline: the value has come as far towards the threshold as the time has towards the deadline. */
  ON_TRACK = 'ON_TRACK',
  /** Before the deadline: the value lags behind the time elapsed. */
  AT_RISK = 'AT_RISK',
  /** The deadline has passed and the threshold was not reached. */
  NOT_MET = 'NOT_MET',
  /** Facilities are in scope but none has reported the figures the target needs. */
  NO_DATA = 'NO_DATA',
  /** No facility in the area falls within the target's scope (e.g. no provincial hospital in a district). */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** When the status is judged: the day asked about, the plan's start (period start, else issue date) and the target's deadline. */
export interface TargetTiming {
  asOf: string;
  start: string | null;
  deadline: string;
}

/**
 * Share (0..1) of the time from the plan's start to the deadline that has passed on `asOf`. Without a
 * start before the deadline there is no schedule to pace against, so the whole time counts as elapsed:
 * the target is then on track only once its threshold is reached.
 */
export function elapsedShare({ asOf, start, deadline }: TargetTiming): number {
  if (!start) return 1;
  const span = daysBetween(start, deadline);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(start, asOf) / span));
}

/**
 * The status against time, from the status against the threshold alone (MET / NOT_MET / NO_DATA /
 * NOT_APPLICABLE): a target not yet met is NOT_MET only once its deadline has passed; before it,
 * progress (value / threshold) is compared with the share of time elapsed: ON_TRACK when it keeps up,
 * AT_RISK when it lags.
 */
export function timedStatus(reached: TargetStatus, valuePercent: number | null, thresholdPercent: number, timing: TargetTiming): TargetStatus {
  if (reached !== TargetStatus.NOT_MET || valuePercent === null) return reached;
  if (timing.asOf > timing.deadline) return TargetStatus.NOT_MET;
  const progress = thresholdPercent > 0 ? valuePercent / thresholdPercent : 1;
  return progress >= elapsedShare(timing) ? TargetStatus.ON_TRACK : TargetStatus.AT_RISK;
}

/** Evenly spaced days from `from` to `to`, both included, at most `points` of them. */
export function historyDays(from: string, to: string, points: number): string[] {
  const span = daysBetween(from, to);
  const count = Math.min(points, span + 1);
  if (count <= 1) return [to];
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = new Set<string>();
  for (let i = 0; i < count; i++) {
    const offset = Math.round((i * span) / (count - 1));
    days.add(new Date(start + offset * 86_400_000).toISOString().slice(0, 10));
  }
  return [...days];
}
