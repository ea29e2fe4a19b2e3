import type { IncomingMessage, Server } from 'node:http';
import type { Request, Response } from 'express';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import type { Context } from './context.js';
import { AuthService } from './auth/auth.service.js';
import type { Credentials } from './auth/credential-cache.js';
import { createLoaders } from './loaders.js';
import { createServices } from './services.js';
import { readToken } from './context.js';
import { graphqlSecurityOptions } from './security/graphql-security.js';
import { limitError, queryCost } from './security/graphql-limits.js';
import { rateLimitedError, type RequestBudget } from './security/request-budget.js';
import { nulInRequest } from './security/nul-characters.js';
import { createFormatError } from './shared/errors.js';
import type { Logger } from './shared/logger.js';
import type { NotificationHub } from './modules/notifications/notification.live.js';
import type { NotificationPublisher } from './modules/notifications/notification.service.js';

export interface SubscriptionServer {
  close(): Promise<void>;
}

export interface SubscriptionDeps {
  schema: GraphQLSchema;
  orm: MikroORM;
  config: AppConfig;
  credentials?: Credentials;
  publisher: NotificationPublisher;
  hub: NotificationHub;
  /** The same budgets HTTP requests spend from (absent: subscriptions are not budgeted). */
  budget?: RequestBudget;
  logger: Logger;
}

/** Subscription documents are small; ws would otherwise accept 100 MB messages. */
const MAX_MESSAGE_BYTES = 64 * 1024;

/** The credential a socket came with: the `authorization` connection parameter, else the session cookie. */
function socketToken(request: IncomingMessage, params: Record<string, unknown> | undefined): { token: string | null; fromCookie: boolean } {
  const given = params?.authorization ?? params?.Authorization;
  if (typeof given === 'string' && given.trim()) {
    const token = given.startsWith('Bearer ') ? given.slice('Bearer '.length).trim() : given.trim();
    return { token: token || null, fromCookie: false };
  }
  const headerOrCookie = readToken(request as Request);
  return { token: headerOrCookie, fromCookie: !!headerOrCookie && !request.headers.authorization };
}

/**
 * Browsers send cookies on a WebSocket handshake from any page and do not apply CORS to it, so a socket
 * signed in by cookie is accepted only from a page of this same site (its Origin's host is ours).
 */
function sameSite(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

type SocketExtra = { token?: string };

/**
 * GraphQL subscriptions (graphql-ws protocol) on the API's own HTTP server and path, /graphql. Only
 * subscriptions travel on the socket: queries and mutations go through HTTP, where the request checks
 * (CSRF, cost, introspection, upload limits) live. Subscriptions pass the same depth, alias, directive,
 * token and cost limits and the same refusal of NUL characters, and subscribing spends the operation's
 * cost from the caller's budget once: the events pushed afterwards are the server's doing, not requests.
 */
export function attachSubscriptionServer(httpServer: Server, deps: SubscriptionDeps): SubscriptionServer {
  const { schema, orm, config, credentials, publisher, hub, budget, logger } = deps;
  const security = graphqlSecurityOptions(config);
  const rules = [...specifiedRules, ...(security.options.validationRules ?? [])];
  const formatError = createFormatError(logger);
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

  async function contextFor(token: string, request: IncomingMessage): Promise<Context> {
    const em = orm.em.fork();
    const viewer = await new AuthService(em, config.sessionTtlMs, credentials).viewer(token);
    const loaders = createLoaders(em);
    const services = createServices(em, viewer, config, loaders, credentials, publisher);
    // No HTTP response exists on a socket; the resolvers reachable here do not use one.
    return { em, viewer, token, loaders, services, config, credentials, req: request as Request, res: undefined as unknown as Response };
  }

  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', (error) => logger.error('websocket server', { error: error.message }));
  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      isProd: config.isProduction,
      async onConnect(ctx) {
        const { token, fromCookie } = socketToken(ctx.extra.request, ctx.connectionParams);
        if (!token || (fromCookie && !sameSite(ctx.extra.request))) return false;
        const viewer = await new AuthService(orm.em.fork(), config.sessionTtlMs, credentials).viewer(token);
        if (!viewer) return false;
        ctx.extra.token = token;
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Truy vấn không đọc được.')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Qua WebSocket chỉ nhận subscription; truy vấn và thay đổi dữ liệu gửi bằng HTTP tới /graphql.', {
            extensions: { code: 'BAD_REQUEST' },
          })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors;
        const nul = nulInRequest(payload);
        if (nul) return [nul];
        const variableValues = payload.variables ?? {};
        const cost = queryCost(schema, document, operation, variableValues);
        if (cost > config.limits.maxCost) {
          return [limitError(`Truy vấn quá tốn kém (ước tính ${cost} bản ghi, tối đa ${config.limits.maxCost}).`, 'cost', config.limits.maxCost, cost)];
        }
        const token = ctx.extra.token!;
        const request = ctx.extra.request;
        const contextValue = await contextFor(token, request);
        // A socket whose credential ended since it connected gets nothing from the subscription: no budget to spend.
        if (budget && contextValue.viewer) {
          const caller = budget.callerOf(contextValue.viewer, request.socket.remoteAddress);
          if (cost > caller.limit) {
            return [limitError(`Truy vấn quá tốn kém (ước tính ${cost} điểm) so với cả hạn mức ${caller.limit} điểm của bạn.`, 'cost', caller.limit, cost)];
          }
          contextValue.budget = await budget.spend(caller, Math.max(1, cost));
          if (!contextValue.budget.allowed) return [rateLimitedError(contextValue.budget)];
        }
        contextValue.live = {
          hub,
          async renew() {
            const { live: _kept, ...fresh } = await contextFor(token, request);
            Object.assign(contextValue, fresh);
          },
          end: (code, reason) => ctx.extra.socket.close(code, reason),
        };
        return { schema, document, operationName: payload.operationName, variableValues, contextValue };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        return result.errors?.length ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    wss,
  );

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= Promise.resolve(server.dispose());
      return closing;
    },
  };
}
