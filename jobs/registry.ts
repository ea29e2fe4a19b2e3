import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../server/config.js';
import type { Logger } from '../server/shared/logger.js';
import type { Queues } from './queues.js';
import { runDeadlineScan, type DeadlineScanJobData, type DeadlineScanResult } from './deadline-scan/deadline-scan.job.js';

export const QueueName = {
  DEADLINES: 'deadlines',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  DEADLINE_SCAN: 'deadline-scan',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Each job's payload and result: producers and handlers agree through these types. */
export interface JobContract {
  [JobName.DEADLINE_SCAN]: { data: DeadlineScanJobData; result: DeadlineScanResult };
}

/** What a job handler gets besides its payload: its own unit of work and the process's shared parts. */
export interface JobContext {
  /** A fresh entity manager fork for this job alone. */
  em: EntityManager;
  config: AppConfig;
  /** The producer connection: publishing (live notifications) and nothing blocking. */
  redis: Redis;
  /** For jobs that hand work on to other jobs. */
  queues: Queues;
  log: Logger;
}

export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  handler: (ctx: JobContext, data: JobContract[N]['data']) => Promise<JobContract[N]['result']>;
}

export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  [JobName.DEADLINE_SCAN]: { queue: QueueName.DEADLINES, handler: runDeadlineScan },
};

/** Fails at start-up if a job name has no handler or a queue no job, rather than at 3 a.m. in production. */
export function checkRegistry(): void {
  for (const name of Object.values(JobName)) {
    if (typeof JOBS[name]?.handler !== 'function') throw new Error(`job ${name} has no handler`);
  }
  for (const queue of Object.values(QueueName)) {
    if (!Object.values(JOBS).some((job) => job.queue === queue)) throw new Error(`queue ${queue} has no job`);
  }
}
