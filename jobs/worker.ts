import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../server/config.js';
import { isValidDay } from '../server/shared/dates.js';
import type { Logger } from '../server/shared/logger.js';
import { throttled, watchRedis } from '../server/shared/redis-watch.js';
import { producerConnection, workerConnection } from './connection.js';
import { createQueues } from './queues.js';
import { JOBS, QueueName, checkRegistry, type JobContext, type JobName } from './registry.js';

export interface Workers {
  workers: Worker[];
  close(): Promise<void>;
}

export interface WorkerOptions {
  orm: MikroORM;
  config: AppConfig;
  logger: Logger;
}

function validate(job: Job): void {
  const asOf = (job.data as { asOf?: unknown })?.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || !isValidDay(asOf))) {
    // Retrying cannot fix a malformed payload.
    throw new UnrecoverableError(`invalid asOf: ${JSON.stringify(asOf)}`);
  }
}

/** One Worker per queue; each job runs in its own unit of work (a fresh entity manager fork). */
export function startWorkers({ orm, config, logger }: WorkerOptions): Workers {
  checkRegistry();
  const { redisUrl, queuePrefix: prefix } = config;
  const log = (line: string) => logger.info(line);
  const producer = producerConnection(redisUrl);
  watchRedis(producer, 'worker producer', logger);
  const queues = createQueues(producer, prefix, { logger, webhookRetry: config.webhooks });
  const shared: Omit<JobContext, 'em'> = { config, redis: producer, queues, log: logger };
  const connections = Object.values(QueueName).map(() => workerConnection(redisUrl));
  const workers = Object.values(QueueName).map((queue, i) => {
    const worker = new Worker(
      queue,
      async (job) => {
        const definition = JOBS[job.name as JobName];
        if (!definition || definition.queue !== queue) throw new UnrecoverableError(`unknown job ${job.name} on ${queue}`);
        validate(job);
        return definition.handler({ ...shared, em: orm.em.fork() }, job.data);
      },
      {
        connection: connections[i],
        prefix,
        concurrency: 2,
        lockDuration: config.jobLockMs,
        stalledInterval: config.jobLockMs,
        // A job whose worker was killed is put back and retried, not failed: the handlers are idempotent,
        // and a worker killed again and again (a crash loop while deploying) must not lose the day's sweep.
        maxStalledCount: 20,
      },
    );
    worker.on('failed', (job, error) => log(`job ${job?.name}#${job?.id} failed: ${error.message}`));
    watchRedis(connections[i], `worker ${queue}`, logger);
    // The worker re-emits its connection's errors, already reported above; anything else once a minute at most.
    const report = throttled(logger, 60_000);
    worker.on('error', (error) => report(`worker ${queue}: ${error.message}`));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      // Connections handed to BullMQ stay ours to close.
      await queues.close();
      await Promise.all([...connections, producer].map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}
