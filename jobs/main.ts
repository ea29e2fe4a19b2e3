/** The worker process of the production shape (docker-compose "worker"); npm start runs it in-process. */
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from '../server/config.js';
import { createOrmConfig } from '../server/db/mikro-orm.config.js';
import { consoleLogger } from '../server/shared/logger.js';
import { RedisUnavailableError, assertRedisReachable, producerConnection } from './connection.js';
import { createQueues, scheduleDailyJobs } from './queues.js';
import { startWorkers } from './worker.js';

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('Invalid environment: the worker needs DATABASE_URL');
  await assertRedisReachable(config.redisUrl);
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: config.databaseUrl }));
  const producer = producerConnection(config.redisUrl);
  const queues = createQueues(producer, config.queuePrefix, { logger: consoleLogger, webhookRetry: config.webhooks });
  await scheduleDailyJobs(queues, { sweepToday: config.sweepOnStart });
  const workers = startWorkers({ orm, config, logger: consoleLogger });
  consoleLogger.info('Tiến độ worker: đang chờ việc');
  const shutdown = async () => {
    await workers.close();
    await queues.close();
    producer.disconnect();
    await orm.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof RedisUnavailableError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
