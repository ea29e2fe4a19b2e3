import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobName, QueueName, type JobContract } from './registry.js';
import { today } from '../server/shared/dates.js';
import { silentLogger, type Logger } from '../server/shared/logger.js';
import { throttled } from '../server/shared/redis-watch.js';
import { schedulePendingLetters, urgingLetterJobId } from './urging-letter/urging-letter.job.js';
import { compileReportJobId } from './compile-report/compile-report.job.js';

export interface Queues {
  deadlines: Queue;
  email: Queue;
  webhooks: Queue;
  /** Runs the e-mail relay soon; kicks while one is already waiting are merged into it. */
  kickEmailRelay(): Promise<void>;
  /** One job per delivery, the delivery's job id as BullMQ job id: asking twice queues once. */
  deliverWebhooks(deliveries: Array<{ deliveryId: string; jobId: string }>): Promise<void>;
  /** Enqueues a deadline scan; the day is the job id, so asking twice for a day runs it once. */
  scanDeadlines(data: JobContract[typeof JobName.DEADLINE_SCAN]['data'] & { asOf: string }): Promise<string | undefined>;
  letters: Queue;
  /** Enqueues the writing of one urging letter; the letter's id is the job id. */
  renderLetter(letterId: string): Promise<string | undefined>;
  /** Writes the pending letters soon (the ladder's automatic ones); kicks while one waits are merged into it. */
  kickPendingLetters(): Promise<void>;
  /** Enqueues an award evaluation; an on-demand run's id is the job id, the schedule's is the plan and period. */
  evaluateAwards(data: JobContract[typeof JobName.AWARD_EVALUATION]['data']): Promise<string | undefined>;
  /** Enqueues one compilation of a period's report; the compilation's id is the job id. */
  compileReport(compiledReportId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** How webhook deliveries are retried (config.webhooks); the defaults are the configuration's. */
export interface DeliveryRetry {
  maxAttempts: number;
  retryBaseMs: number;
}

export interface QueueOptions {
  logger?: Logger;
  webhookRetry?: DeliveryRetry;
}

export function createQueues(
  connection: Redis, prefix: string, { logger = silentLogger, webhookRetry = { maxAttempts: 8, retryBaseMs: 60_000 } }: QueueOptions = {},
): Queues {
  const deadlines = new Queue(QueueName.DEADLINES, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 7 * 86_400, count: 1000 },
      removeOnFail: { age: 30 * 86_400 },
    },
  });
  const letters = new Queue(QueueName.LETTERS, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: { age: 86_400, count: 1000 },
      removeOnFail: { age: 30 * 86_400 },
    },
  });
  const email = new Queue(QueueName.EMAIL, {
    connection,
    prefix,
    // The relay is idempotent and runs every minute anyway: a failed run is not worth retrying.
    defaultJobOptions: { attempts: 1, removeOnComplete: { age: 86_400, count: 200 }, removeOnFail: { age: 7 * 86_400 } },
  });
  const webhooks = new Queue(QueueName.WEBHOOKS, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: webhookRetry.maxAttempts,
      backoff: { type: 'exponential', delay: webhookRetry.retryBaseMs },
      removeOnComplete: { age: 7 * 86_400, count: 5000 },
      removeOnFail: { age: 30 * 86_400 },
    },
  });
  // Without a listener BullMQ prints every error of the shared connection to stderr; the connection's
  // outages are reported by its owner, anything else once a minute at most.
  const report = throttled(logger, 60_000);
  for (const queue of [deadlines, letters, email, webhooks]) queue.on('error', (error) => report(`queue ${queue.name}: ${error.message}`));
  return {
    deadlines,
    letters,
    email,
    webhooks,
    async kickEmailRelay() {
      await email.add(JobName.DELIVER_EMAILS, {}, { deduplication: { id: JobName.DELIVER_EMAILS } });
    },
    async deliverWebhooks(deliveries) {
      if (!deliveries.length) return;
      await webhooks.addBulk(
        deliveries.map(({ deliveryId, jobId }) => ({ name: JobName.DELIVER_WEBHOOK, data: { deliveryId }, opts: { jobId } })),
      );
    },
    async kickPendingLetters() {
      await letters.add(JobName.PENDING_LETTERS, {}, { deduplication: { id: JobName.PENDING_LETTERS } });
    },
    async evaluateAwards(data) {
      const job = await deadlines.add(JobName.AWARD_EVALUATION, data, {
        jobId: data.evaluationId ? `award-evaluation-${data.evaluationId}` : `award-evaluation-${data.planId}-${data.periodEnd}`,
      });
      return job.id;
    },
    async compileReport(compiledReportId) {
      const job = await letters.add(JobName.COMPILE_REPORT, { compiledReportId }, { jobId: compileReportJobId(compiledReportId) });
      return job.id;
    },
    async renderLetter(letterId) {
      const job = await letters.add(JobName.URGING_LETTER, { letterId }, { jobId: urgingLetterJobId(letterId) });
      return job.id;
    },
    async scanDeadlines(data) {
      const job = await deadlines.add(JobName.DEADLINE_SCAN, data, { jobId: `${JobName.DEADLINE_SCAN}-${data.asOf}` });
      return job.id;
    },
    async close() {
      await Promise.all([deadlines.close(), letters.close(), email.close(), webhooks.close()]);
    },
  };
}

/** Every morning at 07:00 Vietnam time the units get their reminders. */
export async function scheduleDailyJobs(queues: Queues, { sweepToday = false }: { sweepToday?: boolean } = {}): Promise<void> {
  await queues.deadlines.upsertJobScheduler(
    'daily-deadline-scan',
    { pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: JobName.DEADLINE_SCAN, data: {} },
  );
  await schedulePendingLetters(queues.letters, JobName.PENDING_LETTERS);
  // The morning after a reporting period ends, its honours are proposed.
  await queues.deadlines.upsertJobScheduler(
    'award-periods-daily', { pattern: '0 6 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: JobName.AWARD_PERIODS, data: {} },
  );
  await queues.email.upsertJobScheduler('email-relay-every-minute', { every: 60_000 }, { name: JobName.DELIVER_EMAILS, data: {} });
  // At the end of the working day, the day's notifications that were not mailed at once.
  await queues.email.upsertJobScheduler(
    'daily-email-digest',
    { pattern: '0 17 * * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: JobName.EMAIL_DIGEST, data: {} },
  );
  await queues.webhooks.upsertJobScheduler('webhook-relay-every-minute', { every: 60_000 }, { name: JobName.WEBHOOK_RELAY, data: {} });
  // A worker started after 07:00 (a deploy, a restart after an outage) still sweeps today, once.
  if (sweepToday) await queues.scanDeadlines({ asOf: today() });
}
