import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/base.entity.js';
import { Unit } from '../modules/units/unit.entity.js';
import { User } from '../modules/users/user.entity.js';

export enum ApiTokenScope {
  /** Read the plan, as an officer of the unit reads it. */
  READ = 'READ',
  /** Also work on the unit's own assignments, as an officer of the unit. */
  READ_WRITE = 'READ_WRITE',
}
registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'READ: chỉ đọc; READ_WRITE: đọc và cập nhật phân công của đơn vị (như cán bộ của đơn vị)',
});

/** Tokens are recognised by this prefix, so they are never looked up as browser sessions. */
export const API_TOKEN_PREFIX = 'tdk_';

/**
 * An integrator's credential. Only the SHA-256 of the secret is stored (the secret has 256 random bits,
 * so a fast hash is enough); the secret itself is shown once, in the answer to createApiToken.
 * Revoked tokens are kept, so the audit log can still name them.
 */
@ObjectType({ description: 'Mã truy cập API cho hệ thống tích hợp' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @Field(() => String, { description: 'Tên hệ thống tích hợp' })
  @Property({ type: 'string', length: 120 })
  name: string;

  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash: string;

  @Field(() => String, { description: 'Phần đầu của mã để nhận ra (không đủ để dùng)' })
  @Property({ type: 'string', length: 16 })
  prefix: string;

  @ManyToOne({ entity: () => Unit })
  @Index()
  unit: Unit;

  @Field(() => ApiTokenScope)
  @Enum({ items: () => ApiTokenScope, nativeEnumName: 'api_token_scope' })
  scope: ApiTokenScope;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'Lần dùng gần nhất (cập nhật tối đa mỗi phút)' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Thời điểm thu hồi; trống nếu còn hiệu lực' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: () => User, deleteRule: 'no action' })
  createdBy: User;

  /** Set only on the object createApiToken returns; never stored, never readable again. */
  @Field(() => String, {
    nullable: true,
    description: 'Mã bí mật, chỉ trả về một lần khi tạo. Gửi trong header Authorization: Bearer <mã>.',
  })
  @Property({ type: 'string', persist: false, nullable: true, hidden: true })
  secret?: Opt<string | null>;
}
