import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';

/**
 * What a piece of evidence proves: an owner kind and the owner's id. Only assignments take uploads
 * today; a new owner is a new enum value plus an adapter in evidence.owners.ts.
 */
export enum EvidenceOwnerKind {
  ASSIGNMENT = 'ASSIGNMENT',
  INDICATOR_VALUE = 'INDICATOR_VALUE',
  REPORT = 'REPORT',
}
registerEnumType(EvidenceOwnerKind, {
  name: 'EvidenceOwnerKind',
  description: 'Minh chứng thuộc về: phân công, số liệu chỉ tiêu của cơ sở, hoặc báo cáo',
});

/**
 * One uploaded file that proves work was done (minh chứng). Never deleted through the API: removing
 * it sets hiddenAt/hiddenBy/hiddenReason and the file stays in the store.
 */
@ObjectType({ description: 'Minh chứng (tệp đính kèm chứng minh kết quả)' })
@Entity({ tableName: 'evidence' })
@Index({ properties: ['ownerKind', 'ownerId'] })
@Unique({
  name: 'evidence_owner_sha256_visible_unique',
  expression:
    'create unique index "evidence_owner_sha256_visible_unique" on "evidence" ("owner_kind", "owner_id", "sha256") where "hidden_at" is null',
})
export class Evidence extends BaseEntity {
  @Field(() => EvidenceOwnerKind)
  @Enum({ items: () => EvidenceOwnerKind, nativeEnumName: 'evidence_owner_kind' })
  ownerKind: EvidenceOwnerKind;

  /** No foreign key: the owner lives in the table its kind names. */
  @Property({ type: 'uuid' })
  ownerId: string;

  /** The unit whose work this proves, fixed at upload: who may see it is decided on it. */
  @ManyToOne({ entity: () => Unit })
  @Index()
  unit: Unit;

  /** Null when an integrator's API token uploaded it: a token is not a user account. */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  uploadedBy?: User | null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  uploadedAt: Opt<Date> = new Date();

  /**
   * As the uploader named it, cleaned of invisible characters; never used to build a path. Files are
   * served under downloadName, whose extension follows the detected type: this one may not.
   */
  @Field(() => String, { description: 'Tên tệp gốc như người tải lên đặt (đã bỏ ký tự vô hình); phần mở rộng có thể không khớp nội dung, khi tải về dùng downloadName' })
  @Property({ type: 'string', length: 255 })
  originalName: string;

  @Field(() => String, { nullable: true, description: 'Mô tả của người tải lên' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Kích thước (byte)' })
  @Property({ type: 'integer' })
  size: number;

  @Field(() => String, { description: 'Loại tệp nhận diện từ nội dung (MIME)' })
  @Property({ type: 'string', length: 120 })
  contentType: string;

  @Field(() => String, { description: 'Phần mở rộng theo nội dung, ví dụ pdf, docx, jpg' })
  @Property({ type: 'string', length: 16 })
  detectedExtension: string;

  @Field(() => String, { description: 'SHA-256 của nội dung (hex)' })
  @Property({ type: 'string', length: 64 })
  sha256: string;

  /** Where the bytes are in the configured store; server-generated, never derived from the name. */
  @Property({ type: 'string', length: 200 })
  storageKey: string;

  @Field(() => Date, { nullable: true, description: 'Thời điểm gỡ (ẩn) minh chứng' })
  @Property({ type: 'datetime', nullable: true })
  hiddenAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  hiddenBy?: User | null;

  @Field(() => String, { nullable: true, description: 'Lý do gỡ' })
  @Property({ type: 'text', nullable: true })
  hiddenReason?: string | null;
}
