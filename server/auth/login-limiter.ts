import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SecurityLimits } from '../config.js';
import { DomainError, ErrorCode } from '../shared/errors.js';

/** Which count refused a sign-in: in the error's extensions and in the SIGN_IN_LOCKED audit event. */
export type LoginLimit = 'ACCOUNT_AND_ADDRESS' | 'ADDRESS' | 'ACCOUNT';

type Limits = Pick<
  SecurityLimits,
  | 'loginFailuresPerAccountAddress'
  | 'loginAccountAddressWindowSeconds'
  | 'loginFailuresPerAccount'
  | 'loginFailuresPerAddress'
  | 'loginFailureWindowSeconds'
  | 'loginThrottleSeconds'
  | 'loginKnownAddressSeconds'
>;

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

function refused(code: ErrorCode, limit: LoginLimit, message: string, msBeforeNext: number): DomainError {
  return new DomainError(code, message, { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)), limit });
}

/**
 * Counts failed sign-ins in Redis, so every API process shares the counts and a restart forgives nothing,
 * in three ways (OWASP authentication cheat sheet):
 * - per account and address: a guesser is locked out of the account from their address only, so that
 *   nobody can lock `admin` out by failing on purpose; the holder signs in from anywhere else;
 * - per address, across accounts: one address trying many accounts is stopped;
 * - per account, from all addresses together: past the threshold the account is slowed, not locked, to one
 *   attempt per throttle period, except from addresses it signed in from lately. A botnet of many
 *   addresses can neither guess quickly nor keep the holder out.
 * Only failures count; a success resets nothing, or a user signing in now and then would hand a guesser
 * at the same address a fresh allowance each time.
 */
export class LoginLimiter {
  private readonly pair: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly account: RateLimiterRedis;
  private readonly throttle: RateLimiterRedis;
  private readonly known: KnownAddresses;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly limits: Limits,
  ) {
    // While Redis is unreachable (the producer connection queues nothing), counting goes on in this process
    // rather than signing in failing with a server error or going unlimited.
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    this.pair = limiter('login-account-address', limits.loginFailuresPerAccountAddress, limits.loginAccountAddressWindowSeconds);
    this.address = limiter('login-address', limits.loginFailuresPerAddress, limits.loginFailureWindowSeconds);
    this.account = limiter('login-account', limits.loginFailuresPerAccount, limits.loginFailureWindowSeconds);
    this.throttle = limiter('login-throttle', 1, limits.loginThrottleSeconds);
    this.known = new KnownAddresses(redis, `${keyPrefix}:login-known`, limits.loginKnownAddressSeconds);
  }

  /** Refuses before the password is even checked when a count is used up; takes the slowed account's turn. */
  async check(username: string, address: string | null): Promise<void> {
    const [pair, fromAddress, account] = await Promise.all([
      this.pair.get(pairKey(username, address)),
      address ? this.address.get(address) : null,
      this.account.get(username),
    ]);
    if (pair && pair.consumedPoints >= this.limits.loginFailuresPerAccountAddress) {
      throw refused(
        ErrorCode.ACCOUNT_LOCKED,
        'ACCOUNT_AND_ADDRESS',
        `Tài khoản tạm khóa đối với địa chỉ này vì đăng nhập sai ${this.limits.loginFailuresPerAccountAddress} lần. ` +
          `Hãy thử lại sau khoảng ${minutes(pair.msBeforeNext)} phút hoặc liên hệ quản trị viên để đặt lại mật khẩu.`,
        pair.msBeforeNext,
      );
    }
    if (fromAddress && fromAddress.consumedPoints >= this.limits.loginFailuresPerAddress) {
      throw refused(
        ErrorCode.TOO_MANY_REQUESTS,
        'ADDRESS',
        `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Hãy thử lại sau khoảng ${minutes(fromAddress.msBeforeNext)} phút.`,
        fromAddress.msBeforeNext,
      );
    }
    if (account && account.consumedPoints >= this.limits.loginFailuresPerAccount && !(await this.known.has(username, address))) {
      try {
        await this.throttle.consume(username);
      } catch (reason) {
        if (!(reason instanceof RateLimiterRes)) throw reason;
        throw refused(
          ErrorCode.TOO_MANY_REQUESTS,
          'ACCOUNT',
          `Tài khoản này đang bị thử mật khẩu sai rất nhiều lần, nên tạm thời chỉ nhận một lần đăng nhập mỗi ` +
            `${this.limits.loginThrottleSeconds} giây từ nơi chưa đăng nhập gần đây. Hãy thử lại sau khoảng ` +
            `${Math.max(1, Math.ceil(reason.msBeforeNext / 1000))} giây.`,
          reason.msBeforeNext,
        );
      }
    }
  }

  async failed(username: string, address: string | null): Promise<void> {
    // consume() rejects with a RateLimiterRes once the points are used up; the count is recorded either way.
    const ignoreLimit = (reason: unknown) => {
      if (!(reason instanceof RateLimiterRes)) throw reason;
    };
    await Promise.all([
      this.pair.consume(pairKey(username, address)).catch(ignoreLimit),
      this.account.consume(username).catch(ignoreLimit),
      address ? this.address.consume(address).catch(ignoreLimit) : undefined,
    ]);
  }

  /** The address becomes known to the account: exempt from the account's slowing while it lasts. */
  async succeeded(username: string, address: string | null): Promise<void> {
    if (address) await this.known.add(username, address);
  }
}

function pairKey(username: string, address: string | null): string {
  return `${username}|${address ?? '-'}`;
}

/**
 * The addresses each account signed in from lately, one Redis key per pair with its own expiry. This
 * process keeps them too, so that while Redis is away its holder still signs in from where they did.
 */
class KnownAddresses {
  private readonly local: LRUCache<string, true>;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.local = new LRUCache({ max: 10_000, ttl: ttlSeconds * 1000 });
  }

  private key(username: string, address: string): string {
    return `${this.keyPrefix}:${username}|${address}`;
  }

  async add(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    this.local.set(key, true);
    await this.redis.set(key, '1', 'EX', this.ttlSeconds).catch(() => undefined);
  }

  async has(username: string, address: string | null): Promise<boolean> {
    if (!address) return false;
    const key = this.key(username, address);
    if (this.local.has(key)) return true;
    return (await this.redis.exists(key).catch(() => 0)) > 0;
  }
}
