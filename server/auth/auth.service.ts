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

/** Who a request acts as: a browser or app session (a user), or an integrator's API token. */
export interface Credential {
  user: User | null;
  viewer: Viewer | null;
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
      await audit.recordNow({ action: AuditAction.SIGN_IN_LOCKED, username: name, subjectUserId: user?.id, address });
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
    return { token, expiresAt, user };
  }

  async logout(token: string, viewer: Viewer | null, address: string | null): Promise<void> {
    if (token.startsWith(API_TOKEN_PREFIX)) return;
    const ended = await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
    if (ended && viewer) {
      new AuditLog(this.em).record({ action: AuditAction.SIGN_OUT, by: viewer, subjectUserId: viewer.id, address });
      await this.em.flush();
    }
  }

  /** A session or an API token, told apart by the token's prefix. */
  async credential(token: string): Promise<Credential> {
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const apiToken = await this.resolveApiToken(token);
      return { user: null, viewer: apiToken ? tokenViewer(apiToken) : null };
    }
    const user = await this.resolve(token);
    return { user, viewer: user ? toViewer(user) : null };
  }

  /** A token that is known, not revoked and not expired; a revoked token stops working on the next request. */
  private async resolveApiToken(secret: string): Promise<ApiToken | null> {
    const now = new Date();
    const token = await this.em.findOne(ApiToken, { tokenHash: hashToken(secret), revokedAt: null, expiresAt: { $gt: now } });
    if (!token) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // One column only: not a versioned flush (nothing to conflict with) and not updated_at (the token did not change).
      await this.em.getConnection().execute('update "api_token" set "last_used_at" = ? where "id" = ?', [now, token.id]);
      token.lastUsedAt = now;
    }
    return token;
  }

  /** The user behind a bearer token or session cookie, or null when it is unknown, expired or disabled. */
  async resolve(token: string): Promise<User | null> {
    const session = await this.em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (!session || !session.user.active) return null;
    return session.user;
  }
}
