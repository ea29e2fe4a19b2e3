import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config.js';
import { AuthService } from '../auth/auth.service.js';
import { readToken } from '../context.js';
import { Role } from '../modules/users/user.entity.js';
import { sendHttpError } from '../shared/http-errors.js';

/** A browser opening /graphql: Apollo answers it with its landing page (the query editor). */
function wantsLandingPage(accept: string | undefined): boolean {
  return /text\/html/.test(accept ?? '');
}

/**
 * The query editor page: in production only for a signed-in ADMIN (others get a 404, as if there were
 * no page), in development for everyone. The page brings its own Content-Security-Policy (a nonce and
 * Apollo's CDN), so the app-wide one is lifted for this one response: two policies would both apply.
 */
export function landingPageGate(config: AppConfig, orm: MikroORM): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' || !wantsLandingPage(req.headers.accept)) return next();
    if (config.isProduction) {
      const token = readToken(req);
      const viewer = token ? await new AuthService(orm.em.fork(), config.sessionTtlMs).viewer(token) : null;
      if (viewer?.role !== Role.ADMIN || viewer.token) {
        sendHttpError(res, 404, 'NOT_FOUND', 'Không có trang này.');
        return;
      }
    }
    res.removeHeader('Content-Security-Policy');
    next();
  };
}
