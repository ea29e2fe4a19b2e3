import { UnrecoverableError, type Queue } from 'bullmq';
import { isId } from '../../server/shared/resource.service.js';
import { renderLetter, renderPendingLetters, type RenderDeps, type RenderOutcome } from '../../server/modules/letters/letter.render.js';

export interface UrgingLetterJobData {
  letterId: string;
}
export type UrgingLetterResult = RenderOutcome;

/** Nothing to say: the sweep finds its letters in the database. */
export type PendingLettersJobData = Record<string, never>;
export type PendingLettersResult = Awaited<ReturnType<typeof renderPendingLetters>>;

/** Writes the letter a LEADER or COORDINATOR asked for; a second delivery finds it READY and does nothing. */
export async function runUrgingLetter(deps: RenderDeps, data: UrgingLetterJobData): Promise<UrgingLetterResult> {
  if (!isId(data?.letterId)) throw new UnrecoverableError(`invalid letterId: ${JSON.stringify(data?.letterId)}`);
  return renderLetter(deps, data.letterId);
}

export async function runPendingLetters(deps: RenderDeps): Promise<PendingLettersResult> {
  return renderPendingLetters(deps);
}

/** The job id of one letter's job: enqueuing a letter twice runs it once. */
export const urgingLetterJobId = (letterId: string) => `letter-${letterId}`;

/**
 * Every minute, whatever is still pending: the letters the escalation ladder drafts at level 3 (it writes
 * rows, not jobs) and any letter whose job was lost with Redis.
 */
export async function schedulePendingLetters(letters: Queue, jobName: string): Promise<void> {
  await letters.upsertJobScheduler('pending-urging-letters', { every: 60_000 }, { name: jobName, data: {} });
}
