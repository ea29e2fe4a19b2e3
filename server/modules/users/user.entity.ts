import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';
import { Unit } from '../units/unit.entity.js';

export enum Role {
  ADMIN = 'ADMIN',
  /** Chairman or vice-chairman: sees everything, cancels work. */
  LEADER = 'LEADER',
  /** The Culture and Information Office: sees everything, verifies or returns submitted work. */
  COORDINATOR = 'COORDINATOR',
  UNIT_HEAD = 'UNIT_HEAD',
  OFFICER = 'OFFICER',
  VIEWER = 'VIEWER',
}
registerEnumType(Role, { name: 'Role', description: 'Vai trò người dùng' });

@ObjectType({ description: 'Người dùng' })
@Entity({ tableName: 'app_user' })
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('app_user', 'username'))
@Index(searchIndex('app_user', 'full_name'))
export class User extends BaseEntity {
  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 64 })
  username: string;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  fullName: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role: Role;

  @ManyToOne({ entity: () => Unit })
  unit: Unit;

  /** Where notifications are e-mailed (the daily digest, urgent escalations); unset: the inbox only. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @Field(() => Boolean, { description: 'Tài khoản dùng thử, chỉ có ngoài môi trường production' })
  @Property({ type: 'boolean' })
  isDemo: Opt<boolean> = false;
}
