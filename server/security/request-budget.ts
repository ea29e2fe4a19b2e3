import { isIPv6 } from 'node:net';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { BudgetLimits } from '../config.js';
import type { Viewer } from '../auth/policy.js';
import { ErrorCode } from '../shared/errors.js';
import { formatViTime } from '../shared/dates.js';

export type CallerKind = 'user' | 'token' | 'anonymous';

/** Whose budget a request spends, and how large that budget is. */
export interface Caller {
  kind: CallerKind;
  key: string;
  limit: number;
}

/** Where a caller's budget stands once a request was counted; also what the `rateLimit` query answers. */
export interface BudgetState {
  limit: number;
  /** What this request was charged, or would have been when refused. */
  cost: number;
  /** Points spent in the current window, this request included when it was allowed. */
  used: number;
  remaining: number;
  resetAt: Date;
  windowSeconds: number;
  /** false: the request did not fit in what was left and spent nothing. */
  allowed: boolean;
}

/**
 * IPv6 hands every client a whole /64: counted per address, one client would get a fresh budget for
 * each address it picks. IPv4 clients seen through a dual-stack socket (::ffff:a.b.c.d) count as IPv4.
 */
export function addressKey(address: string | null | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const compressed = address.includes('::');
  const right = compressed && tail ? tail.split(':') : [];
  const groups = compressed ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Query cost points per caller and fixed window, kept in Redis so that every API process spends from the
 * same budget: a user (all their sessions together), an API token, or an address for requests without a
 * credential. Like GitHub's GraphQL points, one point is one row a query may touch, as the cost limit counts.
 */
export class RequestBudget {
  private readonly limiters: Record<CallerKind, RateLimiterRedis>;

  constructor(
    redis: Redis,
    keyPrefix: string,
    readonly limits: BudgetLimits,
  ) {
    const duration = limits.windowSeconds;
    // While Redis is unreachable (the producer connection fails commands at once rather than queueing
    // them), each process counts on its own: requests go on, budgeted, never a server error.
    const limiter = (kind: CallerKind, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:budget-${kind}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `budget-${kind}`, points, duration }),
      });
    this.limiters = {
      user: limiter('user', limits.userPoints),
      token: limiter('token', limits.tokenPoints),
      anonymous: limiter('anonymous', limits.anonymousPoints),
    };
  }

  /** A token's requests spend the token's budget, not its creator's: integrators and people are apart. */
  callerOf(viewer: Viewer | null, address: string | null | undefined): Caller {
    if (viewer?.token) return { kind: 'token', key: viewer.token.id, limit: this.limits.tokenPoints };
    if (viewer) return { kind: 'user', key: viewer.id, limit: this.limits.userPoints };
    return { kind: 'anonymous', key: addressKey(address), limit: this.limits.anonymousPoints };
  }

  /** Spends `cost` points if they fit in what is left of the window; otherwise spends nothing. */
  async spend(caller: Caller, cost: number): Promise<BudgetState> {
    const limiter = this.limiters[caller.kind];
    const points = Math.max(1, Math.ceil(cost));
    try {
      return this.state(caller, points, await limiter.consume(caller.key, points), true);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // consume() adds the points before it compares: handing them back keeps a refused request free, so
      // one large request refused does not also use up what small ones could still have spent.
      await limiter.reward(caller.key, points).catch(() => undefined);
      return this.state(caller, points, refusal, false);
    }
  }

  private state(caller: Caller, cost: number, res: RateLimiterRes, allowed: boolean): BudgetState {
    const used = Math.max(0, allowed ? res.consumedPoints : res.consumedPoints - cost);
    return {
      limit: caller.limit,
      cost,
      used,
      remaining: Math.max(0, caller.limit - used),
      resetAt: new Date(Date.now() + Math.max(0, res.msBeforeNext)),
      windowSeconds: this.limits.windowSeconds,
      allowed,
    };
  }
}

export function retryAfterSeconds(state: BudgetState, now = Date.now()): number {
  return Math.max(1, Math.ceil((state.resetAt.getTime() - now) / 1000));
}

/** The headers GitHub's API made familiar, on every GraphQL response, allowed or not. */
export function setBudgetHeaders(headers: Map<string, string>, state: BudgetState): void {
  headers.set('x-ratelimit-limit', String(state.limit));
  headers.set('x-ratelimit-remaining', String(state.remaining));
  headers.set('x-ratelimit-used', String(state.used));
  headers.set('x-ratelimit-reset', String(Math.ceil(state.resetAt.getTime() / 1000)));
  headers.set('x-ratelimit-cost', String(state.cost));
}

function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} giây` : `khoảng ${Math.ceil(seconds / 60)} phút`;
}

/** HTTP 429 with Retry-After; the caller's program reads the figures, its user the sentence. */
export function rateLimitedError(state: BudgetState): GraphQLError {
  const retryAfter = retryAfterSeconds(state);
  const retryAt = new Date(Date.now() + retryAfter * 1000);
  return new GraphQLError(
    `Đã dùng hết hạn mức truy vấn: ${state.limit} điểm mỗi ${waitText(state.windowSeconds)}, còn ${state.remaining} điểm ` +
      `mà yêu cầu này cần ${state.cost}. Hãy thử lại sau ${waitText(retryAfter)} (lúc ${formatViTime(retryAt)}).`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds: retryAfter,
        limit: state.limit,
        cost: state.cost,
        remaining: state.remaining,
        resetAt: state.resetAt.toISOString(),
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
      },
    },
  );
}
