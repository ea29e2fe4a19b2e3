import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobName, QueueName, type JobContract } from './registry.js';
import { silentLogger, type Logger } from '../server/shared/logger.js';
import { throttled } from '../server/shared/redis-watch.js';
import { schedulePendingLetters, urgingLetterJobId } from './urging-letter/urging-letter.job.js';

export interface Queues {
  deadlines: Queue;
  /** Enqueues a deadline scan; the day is the job id, so asking twice for a day runs it once. */
  scanDeadlines(data: JobContract[typeof JobName.DEADLINE_SCAN]['data'] & { asOf: string }): Promise<string | undefined>;
  letters: Queue;
  /** Enqueues the writing of one urging letter; the letter's id is the job id. */
  renderLetter(letterId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string, logger: Logger = silentLogger): Queues {
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
  // Without a listener BullMQ prints every error of the shared connection to stderr; the connection's
  // outages are reported by its owner, anything else once a minute at most.
  const report = throttled(logger, 60_000);
  for (const queue of [deadlines, letters]) queue.on('error', (error) => report(`queue ${queue.name}: ${error.message}`));
  return {
    deadlines,
    letters,
    async renderLetter(letterId) {
      const job = await letters.add(JobName.URGING_LETTER, { letterId }, { jobId: urgingLetterJobId(letterId) });
      return job.id;
    },
    async scanDeadlines(data) {
      const job = await deadlines.add(JobName.DEADLINE_SCAN, data, { jobId: `${JobName.DEADLINE_SCAN}-${data.asOf}` });
      return job.id;
    },
    async close() {
      await Promise.all([deadlines.close(), letters.close()]);
    },
  };
}

/** Every morning at 07:00 Vietnam time the units get their reminders. */
export async function scheduleDailyJobs(queues: Queues): Promise<void> {
  await queues.deadlines.upsertJobScheduler(
    'daily-deadline-scan',
    { pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: JobName.DEADLINE_SCAN, data: {} },
  );
  await schedulePendingLetters(queues.letters, JobName.PENDING_LETTERS);
}
