import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SecurityLimits } from '../config.js';
import { DomainError, ErrorCode } from '../shared/errors.js';

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/**
 * Counts failed sign-ins per account and per address in Redis, so every API process shares the count
 * and a restart forgives nothing. Only failures count; a success does not reset the account's count,
 * or a user signing in now and then would hand a guesser a fresh allowance each time.
 */
export class LoginLimiter {
  private readonly account: RateLimiterRedis;
  private readonly address: RateLimiterRedis;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly limits: Pick<SecurityLimits, 'loginFailuresPerAccount' | 'loginFailuresPerAddress' | 'loginFailureWindowSeconds'>,
  ) {
    const duration = limits.loginFailureWindowSeconds;
    // While Redis is unreachable (the producer connection queues nothing), counting goes on in this process
    // rather than signing in failing with a server error or going unlimited.
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    this.account = limiter('login-account', limits.loginFailuresPerAccount);
    this.address = limiter('login-address', limits.loginFailuresPerAddress);
  }

  /** Refuses before the password is even checked when either count is used up. */
  async check(username: string, address: string | null): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.account.get(username), address ? this.address.get(address) : null]);
    if (account && account.consumedPoints >= this.limits.loginFailuresPerAccount) {
      throw new DomainError(
        ErrorCode.ACCOUNT_LOCKED,
        `Tài khoản tạm khóa vì đăng nhập sai quá ${this.limits.loginFailuresPerAccount} lần. ` +
          `Hãy thử lại sau khoảng ${minutes(account.msBeforeNext)} phút hoặc liên hệ quản trị viên để đặt lại mật khẩu.`,
        { retryAfterSeconds: Math.ceil(account.msBeforeNext / 1000) },
      );
    }
    if (fromAddress && fromAddress.consumedPoints >= this.limits.loginFailuresPerAddress) {
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Hãy thử lại sau khoảng ${minutes(fromAddress.msBeforeNext)} phút.`,
        { retryAfterSeconds: Math.ceil(fromAddress.msBeforeNext / 1000) },
      );
    }
  }

  async failed(username: string, address: string | null): Promise<void> {
    // consume() rejects with a RateLimiterRes once the points are used up; the count is recorded either way.
    const ignoreLimit = (reason: unknown) => {
      if (!(reason instanceof RateLimiterRes)) throw reason;
    };
    await Promise.all([
      this.account.consume(username).catch(ignoreLimit),
      address ? this.address.consume(address).catch(ignoreLimit) : undefined,
    ]);
  }
}
