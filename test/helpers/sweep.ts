import { runDeadlineScan } from '../../jobs/deadline-scan/deadline-scan.job.js';
import { silentLogger } from '../../server/shared/logger.js';
import type { TestServer } from './server.js';

/** The daily sweep of one day, run in the test's process with the server's parts; `now` defaults to that day's midnight UTC. */
export function sweepDay(server: TestServer, asOf: string, now = `${asOf}T00:00:00.000Z`) {
  return runDeadlineScan(
    { em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, queues: server.app.queues, log: silentLogger },
    { asOf, now },
  );
}
