import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '../modules/users/user.entity.js';

/**
 * A signed-in session. Only the SHA-256 of the token is stored, so a leaked database dump
 * cannot be replayed; logout and disabling a user delete rows and end access at once.
 */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  @Index()
  user: User;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  expiresAt: Date;
}
