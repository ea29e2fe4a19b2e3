import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { ApiToken } from '../../auth/api-token.entity.js';

export enum AuditAction {
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  /** A sign-in refused because the account or the address hit its limit of failures. */
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  SIGN_OUT = 'SIGN_OUT',
  TOKEN_CREATED = 'TOKEN_CREATED',
  TOKEN_REVOKED = 'TOKEN_REVOKED',
  USER_CREATED = 'USER_CREATED',
  USER_DISABLED = 'USER_DISABLED',
  USER_ENABLED = 'USER_ENABLED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  UNIT_CHANGED = 'UNIT_CHANGED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'Loại sự kiện an ninh' });

/**
 * One security event. Append-only like status_change: a trigger refuses UPDATE and DELETE (and, from
 * Migration20261207164700_append_only_truncate, TRUNCATE), so whoever gains write access to the database
 * still cannot erase the trace of a sign-in or a revoked token.
 */
@ObjectType({ description: 'Nhật ký an ninh (chỉ ghi thêm, không sửa, không xóa)' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['at'] })
@Trigger({
  name: 'audit_event_append_only',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'row',
  body: "raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';",
})
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action: AuditAction;

  /** Who did it: a user, or an integrator's token. */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  actor?: User | null;

  @ManyToOne({ entity: () => ApiToken, nullable: true, deleteRule: 'no action' })
  actorToken?: ApiToken | null;

  /** The account the event is about (signed in, disabled, given a new role). */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  @Index()
  subjectUser?: User | null;

  @ManyToOne({ entity: () => ApiToken, nullable: true, deleteRule: 'no action' })
  subjectToken?: ApiToken | null;

  @Field(() => String, { nullable: true, description: 'Tên đăng nhập đã nhập (kể cả khi không có tài khoản đó)' })
  @Property({ type: 'string', length: 64, nullable: true })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Địa chỉ IP của yêu cầu' })
  @Property({ type: 'string', length: 64, nullable: true })
  address?: string | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
