import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { AuthService, SESSION_COOKIE } from './auth/auth.service.js';
import type { LoginLimiter } from './auth/login-limiter.js';
import type { Viewer } from './auth/policy.js';
import type { Credentials } from './auth/credential-cache.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createServices, type Services } from './services.js';
import type { NotificationPublisher } from './modules/notifications/notification.service.js';
import type { LiveContext } from './modules/notifications/notification.live.js';
import type { Queues } from '../jobs/queues.js';
import type { BudgetState } from './security/request-budget.js';

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  /** The credential this request came with, so logout can end exactly this session. */
  token: string | null;
  loaders: Loaders;
  services: Services;
  config: AppConfig;
  /** Shared across requests: failed sign-in counts (absent where no Redis limiter is wired, e.g. scripts). */
  loginLimiter?: LoginLimiter;
  /** Shared across requests: cached credential lookups and their invalidation in every process (absent: no cache). */
  credentials?: Credentials;
  /** Where the caller's budget stands once this request's cost was spent (absent where no budget applies). */
  budget?: BudgetState;
  /** Set on GraphQL subscriptions over WebSocket only. */
  live?: LiveContext;
  req: Request;
  res: Response;
}

export function readToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = parseCookies(req.headers.cookie ?? '');
  return cookies[SESSION_COOKIE] || null;
}

export async function createContext(
  orm: MikroORM, config: AppConfig, req: Request, res: Response, loginLimiter?: LoginLimiter, credentials?: Credentials,
  /** Where news of changed inboxes goes (absent: nobody is told live, e.g. downloads). */
  notifications?: NotificationPublisher,
  /** Where services hand work to the worker (urging letters); absent: the worker's own sweeps pick it up. */
  queues?: Queues,
): Promise<Context> {
  // One unit of work per request: no entity leaks between requests or users.
  const em = orm.em.fork();
  const token = readToken(req);
  const viewer = token ? await new AuthService(em, config.sessionTtlMs, credentials).viewer(token) : null;
  const loaders = createLoaders(em);
  return { em, viewer, token, loaders, services: createServices(em, viewer, config, loaders, credentials, notifications, queues), config, loginLimiter, credentials, req, res };
}
