import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../server/config.js';
import type { Logger } from '../server/shared/logger.js';
import type { Queues } from './queues.js';
import { runDeadlineScan, type DeadlineScanJobData, type DeadlineScanResult } from './deadline-scan/deadline-scan.job.js';
import {
  runPendingLetters, runUrgingLetter, type PendingLettersJobData, type PendingLettersResult, type UrgingLetterJobData, type UrgingLetterResult,
} from './urging-letter/urging-letter.job.js';
import { runCompileReport, type CompileReportJobData, type CompileReportResult } from './compile-report/compile-report.job.js';
import { compilePendingReports } from '../server/modules/reports/compiled-report.compile.js';
import {
  runAwardEvaluation, runAwardPeriods, type AwardEvaluationJobData, type AwardEvaluationResult, type AwardPeriodsJobData, type AwardPeriodsResult,
} from './award-evaluation/award-evaluation.job.js';
import { runDeliverEmails, type DeliverEmailsJobData, type DeliverEmailsResult } from './deliver-emails/deliver-emails.job.js';
import { runEmailDigest, type EmailDigestJobData, type EmailDigestResult } from './email-digest/email-digest.job.js';
import { runDeliverWebhook, type DeliverWebhookJobData, type DeliverWebhookResult } from './deliver-webhook/deliver-webhook.job.js';
import { runWebhookRelay, type WebhookRelayJobData, type WebhookRelayResult } from './webhook-relay/webhook-relay.job.js';

export const QueueName = {
  /** The plan's daily work: the deadline sweep and the award evaluations. */
  DEADLINES: 'deadlines',
  /** Documents the server writes: urging letters and compiled reports. */
  LETTERS: 'letters',
  /** The e-mail outbox relay and the daily digest. */
  EMAIL: 'email',
  /** One job per webhook delivery, and the relay that finds lost ones: slow receivers never hold up e-mail. */
  WEBHOOKS: 'webhooks',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  DEADLINE_SCAN: 'deadline-scan',
  URGING_LETTER: 'urging-letter',
  /** Every minute: the letters and compiled reports still waiting to be written. */
  PENDING_LETTERS: 'pending-letters',
  COMPILE_REPORT: 'compile-report',
  /** One plan's period evaluated for award nominations. */
  AWARD_EVALUATION: 'award-evaluation',
  /** Every morning: the periods that ended yesterday, handed to award-evaluation. */
  AWARD_PERIODS: 'award-periods',
  DELIVER_EMAILS: 'deliver-emails',
  EMAIL_DIGEST: 'email-digest',
  DELIVER_WEBHOOK: 'deliver-webhook',
  WEBHOOK_RELAY: 'webhook-relay',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Each job's payload and result: producers and handlers agree through these types. */
export interface JobContract {
  [JobName.DEADLINE_SCAN]: { data: DeadlineScanJobData; result: DeadlineScanResult };
  [JobName.URGING_LETTER]: { data: UrgingLetterJobData; result: UrgingLetterResult };
  [JobName.PENDING_LETTERS]: { data: PendingLettersJobData; result: PendingLettersResult & { reports: Awaited<ReturnType<typeof compilePendingReports>> } };
  [JobName.COMPILE_REPORT]: { data: CompileReportJobData; result: CompileReportResult };
  [JobName.AWARD_EVALUATION]: { data: AwardEvaluationJobData; result: AwardEvaluationResult };
  [JobName.AWARD_PERIODS]: { data: AwardPeriodsJobData; result: AwardPeriodsResult };
  [JobName.DELIVER_EMAILS]: { data: DeliverEmailsJobData; result: DeliverEmailsResult };
  [JobName.EMAIL_DIGEST]: { data: EmailDigestJobData; result: EmailDigestResult };
  [JobName.DELIVER_WEBHOOK]: { data: DeliverWebhookJobData; result: DeliverWebhookResult };
  [JobName.WEBHOOK_RELAY]: { data: WebhookRelayJobData; result: WebhookRelayResult };
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
  [JobName.URGING_LETTER]: { queue: QueueName.LETTERS, handler: (ctx, data) => runUrgingLetter(ctx, data) },
  [JobName.PENDING_LETTERS]: {
    queue: QueueName.LETTERS,
    handler: async (ctx) => ({ ...(await runPendingLetters(ctx)), reports: await compilePendingReports(ctx) }),
  },
  [JobName.COMPILE_REPORT]: { queue: QueueName.LETTERS, handler: (ctx, data) => runCompileReport(ctx, data) },
  [JobName.AWARD_EVALUATION]: { queue: QueueName.DEADLINES, handler: runAwardEvaluation },
  [JobName.AWARD_PERIODS]: { queue: QueueName.DEADLINES, handler: runAwardPeriods },
  [JobName.DELIVER_EMAILS]: { queue: QueueName.EMAIL, handler: (ctx) => runDeliverEmails(ctx) },
  [JobName.EMAIL_DIGEST]: { queue: QueueName.EMAIL, handler: (ctx, data) => runEmailDigest(ctx, data) },
  [JobName.DELIVER_WEBHOOK]: { queue: QueueName.WEBHOOKS, handler: (ctx, data) => runDeliverWebhook(ctx, data) },
  [JobName.WEBHOOK_RELAY]: { queue: QueueName.WEBHOOKS, handler: (ctx) => runWebhookRelay(ctx) },
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
