import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../shared/errors.js';
import { User } from '../modules/users/user.entity.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { tokenRole, type Viewer } from './policy.js';
import { API_TOKEN_PREFIX, ApiToken } from './api-token.entity.js';
import { AuditAction } from '../modules/audit/audit-event.entity.js';
import { AuditLog } from '../modules/audit/audit-log.js';
import type { LoginLimiter } from './login-limiter.js';
import type { CachedCredential, Credentials } from './credential-cache.js';

export const SESSION_COOKIE = 'tiendo_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toViewer(user: User): Viewer {
  return { id: user.id, username: user.username, role: user.role, unitId: user.unit.id };
}

export function tokenViewer(token: ApiToken): Viewer {
  return {
    id: token.id,
    username: `api:${token.name}`,
    role: tokenRole(token.scope),
    unitId: token.unit.id,
    token: { id: token.id, scope: token.scope },
  };
}

/** A token's last-used time is written at most this often, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface LoginGuard {
  limiter?: LoginLimiter;
  address?: string | null;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
}

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessionTtlMs: number,
    /** Absent where nothing is cached (scripts, downloads): every lookup reads the database. */
    private readonly credentials?: Credentials,
  ) {}

  /** One message for unknown users and wrong passwords, so the form does not reveal who has an account. */
  async login(username: string, password: string, guard: LoginGuard = {}): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    const address = guard.address ?? null;
    const audit = new AuditLog(this.em);
    const user = await this.em.findOne(User, { username: name });
    try {
      await guard.limiter?.check(name, address);
    } catch (error) {
      const limit = error instanceof DomainError ? error.details.limit : undefined;
      await audit.recordNow({
        action: AuditAction.SIGN_IN_LOCKED,
        username: name,
        subjectUserId: user?.id,
        address,
        details: limit ? { limit } : null,
      });
      throw error;
    }
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      await guard.limiter?.failed(name, address);
      await audit.recordNow({
        action: AuditAction.SIGN_IN_FAILED,
        username: name,
        subjectUserId: user?.id,
        address,
        details: { reason: !user ? 'UNKNOWN_USER' : !ok ? 'WRONG_PASSWORD' : 'DISABLED' },
      });
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    // 256 bits from the CSPRNG; only its hash is stored.
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    this.em.create(Session, { tokenHash: hashToken(token), user, expiresAt });
    audit.record({ action: AuditAction.SIGN_IN, by: toViewer(user), subjectUserId: user.id, username: name, address });
    await this.em.flush();
    await guard.limiter?.succeeded(name, address);
    return { token, expiresAt, user };
  }

  async logout(token: string, viewer: Viewer | null, address: string | null): Promise<void> {
    if (token.startsWith(API_TOKEN_PREFIX)) return;
    const ended = await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
    if (viewer && !viewer.token) await this.credentials?.invalidate(viewer.id);
    if (ended && viewer) {
      new AuditLog(this.em).record({ action: AuditAction.SIGN_OUT, by: viewer, subjectUserId: viewer.id, address });
      await this.em.flush();
    }
  }

  /**
   * Who a request acts as: a browser or app session (a user), or an integrator's API token; null when
   * the token is unknown, expired, revoked or its user disabled. Answered from the cache when it can be.
   */
  async viewer(token: string): Promise<Viewer | null> {
    const cache = this.credentials?.cache;
    const key = hashToken(token);
    const cached = cache?.get(key);
    if (cached) {
      if (cached.viewer.token) cached.lastUsedAt = await this.touch(cached.viewer.token.id, cached.lastUsedAt);
      return cached.viewer;
    }
    const version = cache?.version();
    const found = await this.credential(token);
    if (found && cache && version !== undefined) cache.set(key, found, version);
    return found?.viewer ?? null;
  }

  /** A session or an API token from the database, told apart by the token's prefix. */
  async credential(token: string): Promise<CachedCredential | null> {
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const apiToken = await this.resolveApiToken(token);
      return apiToken
        ? { viewer: tokenViewer(apiToken), expiresAt: apiToken.expiresAt.getTime(), lastUsedAt: apiToken.lastUsedAt?.getTime() }
        : null;
    }
    const session = await this.em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (!session || !session.user.active) return null;
    return { viewer: toViewer(session.user), expiresAt: session.expiresAt.getTime() };
  }

  /** The signed-in user, for `me`: loaded only where asked for, not on every request. */
  async me(viewer: Viewer | null): Promise<User | null> {
    if (!viewer || viewer.token) return null;
    return this.em.findOne(User, { id: viewer.id, active: true });
  }

  /** A token that is known, not revoked and not expired; a revoked token stops working on the next request. */
  private async resolveApiToken(secret: string): Promise<ApiToken | null> {
    const token = await this.em.findOne(ApiToken, { tokenHash: hashToken(secret), revokedAt: null, expiresAt: { $gt: new Date() } });
    if (!token) return null;
    const lastUsedAt = await this.touch(token.id, token.lastUsedAt?.getTime());
    if (lastUsedAt !== token.lastUsedAt?.getTime()) token.lastUsedAt = new Date(lastUsedAt);
    return token;
  }

  /** Writes a token's last-used time when the known one is older than the resolution; returns the time now known. */
  private async touch(tokenId: string, lastUsedAt: number | undefined): Promise<number> {
    const now = Date.now();
    if (lastUsedAt !== undefined && now - lastUsedAt <= LAST_USED_RESOLUTION_MS) return lastUsedAt;
    // One column only: not a versioned flush (nothing to conflict with) and not updated_at (the token did not change).
    await this.em.getConnection().execute('update "api_token" set "last_used_at" = ? where "id" = ?', [new Date(now), tokenId]);
    return now;
  }
}
