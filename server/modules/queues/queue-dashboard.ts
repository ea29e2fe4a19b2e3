import type { RequestHandler, Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queues } from '../../../jobs/queues.js';
import type { AppConfig } from '../../config.js';
import { AuthService } from '../../auth/auth.service.js';
import type { Credentials } from '../../auth/credential-cache.js';
import { can } from '../../auth/policy.js';
import { readToken } from '../../context.js';
import { sendHttpError } from '../../shared/http-errors.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Signed in with the session cookie or a Bearer token, exactly as for GraphQL, and ADMIN. */
function adminOnly(orm: MikroORM, config: AppConfig, credentials?: Credentials): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = readToken(req);
      const viewer = token ? await new AuthService(orm.em.fork(), config.sessionTtlMs, credentials).viewer(token) : null;
      if (!viewer) return sendHttpError(res, 401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập.');
      if (!can(viewer, 'queues:monitor')) return sendHttpError(res, 403, 'FORBIDDEN', 'Bạn không có quyền xem hàng đợi công việc.');
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Bull Board over every queue the application has, behind the ADMIN check. */
export function queueDashboard(orm: MikroORM, config: AppConfig, queues: Queues, credentials?: Credentials): [RequestHandler, Router] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(queues)
      .filter((value): value is Queue => value instanceof Queue)
      .map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Tiến độ: hàng đợi' } },
  });
  return [adminOnly(orm, config, credentials), serverAdapter.getRouter()];
}
