import { UnrecoverableError } from 'bullmq';
import { queueDailyDigests } from '../../server/modules/outbox/digest.js';
import { isValidDay, today } from '../../server/shared/dates.js';
import type { JobContext } from '../registry.js';

export interface EmailDigestJobData {
  /** The Vietnam day whose notifications are summed up (YYYY-MM-DD); defaults to today. */
  day?: string;
}

export interface EmailDigestResult {
  day: string;
  /** Digests newly queued; 0 when the day's were already queued or e-mail is not configured. */
  queued: number;
}

/**
 * The end-of-day summary of the notifications that were not urgent enough to be mailed at once. With
 * no SMTP server configured nothing is queued: the inbox in the application is the record.
 */
export async function runEmailDigest(ctx: JobContext, data: EmailDigestJobData): Promise<EmailDigestResult> {
  const day = data.day ?? today();
  if (!isValidDay(day)) throw new UnrecoverableError(`invalid day: ${JSON.stringify(data.day)}`);
  if (!ctx.config.email.smtpUrl) return { day, queued: 0 };
  const queued = await queueDailyDigests(ctx.em, day, ctx.config.publicUrl);
  if (queued) await ctx.queues.kickEmailRelay();
  return { day, queued };
}
