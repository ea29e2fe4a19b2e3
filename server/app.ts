import 'reflect-metadata';
import { existsSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Express } from 'express';
import compression from 'compression';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { AppConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { openDatabase } from './db/database.js';
import type { SeedResult } from './db/seed/seeder.js';
import { createSchema } from './schema.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { CredentialBus } from './auth/credential-bus.js';
import { CredentialCache } from './auth/credential-cache.js';
import { graphqlSecurityOptions } from './security/graphql-security.js';
import { RequestBudget } from './security/request-budget.js';
import { requestTimeout, securityHeaders } from './security/http.js';
import { refuseNulInUrl } from './security/nul-characters.js';
import { landingPageGate } from './security/landing-page.js';
import { evidenceDownloadHandler } from './modules/evidence/evidence.download.js';
import { letterDownloadHandler } from './modules/letters/urging-letter.download.js';
import { compiledReportDownloadHandler } from './modules/reports/compiled-report.download.js';
import { awardDecisionDownloadHandler } from './modules/awards/award-decision.download.js';
import { facilityTemplateHandler } from './modules/facilities/template.router.js';
import { requireUploadPreflight, uploadErrorHandler, uploadLimits } from './modules/evidence/evidence.upload.js';
import { closeEvidenceStore } from './modules/evidence/storage/index.js';
import { createExportRouter } from './modules/exports/export.router.js';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './modules/queues/queue-dashboard.js';
import { registerWebhookDispatch } from './modules/webhooks/webhook.dispatch.js';
import { createFormatError } from './shared/errors.js';
import { assertRedisReachable, producerConnection } from '../jobs/connection.js';
import { createQueues, type Queues } from '../jobs/queues.js';
import { sendHttpError } from './shared/http-errors.js';
import { consoleLogger, type Logger } from './shared/logger.js';
import { staticFiles } from './shared/static-files.js';
import { watchRedis } from './shared/redis-watch.js';
import { projectPath } from './paths.js';
import { NotificationHub } from './modules/notifications/notification.live.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscriptions.js';

export interface AppOptions {
  config: AppConfig;
  /** The PostgreSQL to use; main.ts resolves DATABASE_URL or the embedded one. */
  databaseUrl: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export interface App {
  app: Express;
  orm: MikroORM;
  queues: Queues;
  redis: Redis;
  credentials: CredentialBus;
  seeded?: SeedResult;
  /** GraphQL subscriptions on the server that listens for this app (same port, path /graphql); closed by close(). */
  attachSubscriptions(server: Server): SubscriptionServer;
  close(): Promise<void>;
}

const ADMIN_DIST = projectPath('admin/dist');

/** Malformed or oversized bodies answer in GraphQL's error shape, never an HTML page with a stack. */
function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error('unhandled request error', { error: String(error?.message ?? error) });
    const message =
      status === 413 ? 'Yêu cầu quá lớn.' : status === 500 ? 'Lỗi hệ thống.' : 'Yêu cầu không hợp lệ (JSON sai cú pháp?).';
    sendHttpError(res, status, status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', message);
  };
}

/** Builds everything but does not listen, so tests can mount it on an ephemeral port. */
export async function createApp({ config, databaseUrl, logger = consoleLogger, onQuery }: AppOptions): Promise<App> {
  await assertRedisReachable(config.redisUrl);
  const { orm, seeded } = await openDatabase({
    url: databaseUrl,
    onQuery: onQuery ?? (config.logSql ? (sql) => logger.info(sql) : undefined),
    // Outside production a fresh install comes alive: demo accounts, facilities and a year of demo work.
    seed: config.seed ? { demo: !config.isProduction, demoActivity: !config.isProduction, adminPassword: config.adminPassword } : false,
  });
  const redis = producerConnection(config.redisUrl);
  watchRedis(redis, 'api', logger);
  const queues = createQueues(redis, config.queuePrefix, { logger, webhookRetry: config.webhooks });
  registerWebhookDispatch(orm, queues, logger);

  const budget = new RequestBudget(redis, config.queuePrefix, config.limits.budget);
  const security = graphqlSecurityOptions(config, budget);
  const loginLimiter = new LoginLimiter(redis, config.queuePrefix, config.limits);
  const credentials = new CredentialBus(new CredentialCache(config.credentialCacheMs), redis, config.redisUrl, config.queuePrefix, logger);
  await credentials.start();
  const notificationHub = new NotificationHub(config.redisUrl, config.queuePrefix, logger);
  await notificationHub.start();
  const publisher = { redis, prefix: config.queuePrefix };
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    ...security.options,
    // In production the query editor is served to ADMIN only: landingPageGate turns everyone else away.
    plugins: [
      ...security.plugins,
      // No HTTP cache hints are served; left on, this plugin wraps every field resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [ApolloServerPluginLandingPageLocalDefault({ footer: false })] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config), requestTimeout(config.limits.requestTimeoutMs, config.limits.uploadTimeoutMs), refuseNulInUrl);
  // Officers work over slow provincial and mobile links: GraphQL answers, exports and the queue board
  // go out compressed (Brotli when asked for). The admin's own files were compressed at build time and
  // carry their Content-Encoding already, which this leaves alone.
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([orm.em.getConnection().execute('select 1'), redis.ping()]);
    const [database, queue] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
    const ready = database === 'ok' && queue === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', database, redis: queue });
  });
  app.get('/graphql', landingPageGate(config, orm));
  app.use(
    '/graphql',
    // File uploads (evidence) as GraphQL multipart requests; JSON requests pass straight through.
    requireUploadPreflight,
    graphqlUploadExpress(uploadLimits(config)),
    uploadErrorHandler(config),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(orm, config, req, res, loginLimiter, credentials, publisher, queues) }),
  );
  app.use('/export', createExportRouter(orm, config, logger));
  app.get('/evidence/:id/download', evidenceDownloadHandler(orm, config, logger));
  app.get('/letters/:id/download', letterDownloadHandler(orm, config, logger));
  app.get('/compiled-reports/:id/report.docx', compiledReportDownloadHandler(orm, config, logger, 'docx'));
  app.get('/compiled-reports/:id/appendix.xlsx', compiledReportDownloadHandler(orm, config, logger, 'xlsx'));
  app.get('/award-decisions/:id/download', awardDecisionDownloadHandler(orm, config, logger));
  app.get('/facilities/template.xlsx', facilityTemplateHandler(orm, config, logger));
  app.use(QUEUE_DASHBOARD_PATH, ...queueDashboard(orm, config, queues, credentials));
  if (existsSync(ADMIN_DIST)) {
    const admin = staticFiles(ADMIN_DIST, { hashedPrefix: '/assets/', indexFile: 'index.html' });
    app.use(admin.files);
    // Client-side routes of the admin all load the same page.
    app.get(/^\/(?!graphql|healthz|readyz|admin\/queues).*/, admin.page);
  }
  app.use(jsonErrorHandler(logger));

  const subscriptionServers: SubscriptionServer[] = [];
  return {
    app,
    orm,
    queues,
    redis,
    credentials,
    seeded,
    attachSubscriptions(server) {
      const attached = attachSubscriptionServer(server, { schema, orm, config, credentials, publisher, hub: notificationHub, budget, logger });
      subscriptionServers.push(attached);
      return attached;
    },
    async close() {
      await Promise.all(subscriptionServers.map((s) => s.close()));
      notificationHub.close();
      await apollo.stop();
      credentials.close();
      await queues.close();
      redis.disconnect();
      await closeEvidenceStore(config);
      await orm.close();
    },
  };
}
