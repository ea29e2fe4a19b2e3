import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../shared/errors.js';
import { User } from '../modules/users/user.entity.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import type { Viewer } from './policy.js';

export const SESSION_COOKIE = 'tiendo_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toViewer(user: User): Viewer {
  return { id: user.id, username: user.username, role: user.role, unitId: user.unit.id };
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
  async login(username: string, password: string): Promise<SignedIn> {
    const user = await this.em.findOne(User, { username: username.trim().toLowerCase() });
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    // 256 bits from the CSPRNG; only its hash is stored.
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    this.em.create(Session, { tokenHash: hashToken(token), user, expiresAt });
    await this.em.flush();
    return { token, expiresAt, user };
  }

  async logout(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
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
