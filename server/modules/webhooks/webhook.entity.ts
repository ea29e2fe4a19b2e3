import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { User } from '../users/user.entity.js';

export enum WebhookEventType {
  ASSIGNMENT_STATUS_CHANGED = 'ASSIGNMENT_STATUS_CHANGED',
  ESCALATION_RAISED = 'ESCALATION_RAISED',
  EVIDENCE_ADDED = 'EVIDENCE_ADDED',
  ASSIGNMENT_REASSIGNED = 'ASSIGNMENT_REASSIGNED',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description:
    'ASSIGNMENT_STATUS_CHANGED: phân công đổi trạng thái; ESCALATION_RAISED: có đôn đốc mới; EVIDENCE_ADDED: có minh chứng mới; ' +
    'ASSIGNMENT_REASSIGNED: phân công chuyển sang đơn vị khác',
});

export enum WebhookDeliveryState {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Gave up after the last attempt, or the endpoint may no longer be called. */
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryState, { name: 'WebhookDeliveryState', description: 'Trạng thái gửi webhook' });

/**
 * An integrator's URL that is told about events. The signing secret is stored as issued (it has to
 * sign every request) but never served again after the mutation that issued it.
 */
@ObjectType({ description: 'Địa chỉ nhận webhook của một hệ thống tích hợp' })
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 2000 })
  url: string;

  @Field(() => String, { nullable: true, description: 'Mô tả, ví dụ "Cổng dữ liệu tỉnh"' })
  @Property({ type: 'string', length: 255, nullable: true })
  description?: string | null;

  @Field(() => [WebhookEventType], { description: 'Các sự kiện gửi tới địa chỉ này' })
  @Enum({ items: () => WebhookEventType, array: true, nativeEnumName: 'webhook_event_type' })
  events: WebhookEventType[];

  @Property({ type: 'string', length: 100, hidden: true, lazy: true })
  secret: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  /** Set only on what createWebhookEndpoint and rotateWebhookSecret return; never read from the database. */
  @Field(() => String, {
    name: 'secret',
    nullable: true,
    description: 'Khóa ký (whsec_…), chỉ trả về một lần khi tạo hoặc khi đổi khóa; sau đó luôn trống',
  })
  @Property({ type: 'string', persist: false, nullable: true, hidden: true })
  issuedSecret?: Opt<string | null>;
}

/**
 * One event for one endpoint, written in the same transaction as the change it reports (the
 * transactional outbox). Its id is the `webhook-id` the receiver sees, so a retry is recognisable.
 */
@ObjectType({ description: 'Một lần báo sự kiện tới một địa chỉ webhook' })
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpoint', 'messageId'] })
@Index({ properties: ['endpoint', 'createdAt'] })
@Index({
  name: 'webhook_delivery_pending_index',
  expression: 'create index "webhook_delivery_pending_index" on "webhook_delivery" ("next_attempt_at") where "state" = \'PENDING\'',
})
export class WebhookDelivery extends BaseEntity {
  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint: WebhookEndpoint;

  @Field(() => WebhookEventType)
  @Enum({ items: () => WebhookEventType, nativeEnumName: 'webhook_event_type' })
  eventType: WebhookEventType;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Field(() => String, { description: 'Giá trị header webhook-id' })
  @Property({ type: 'string', length: 64 })
  messageId: string;

  @Field(() => WebhookDeliveryState)
  @Enum({ items: () => WebhookDeliveryState, nativeEnumName: 'webhook_delivery_state' })
  state: Opt<WebhookDeliveryState> = WebhookDeliveryState.PENDING;

  @Field(() => Int, { description: 'Số lần đã gửi trong đợt hiện tại' })
  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null = new Date();

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** The queue job that carries the current round: the delivery id, then a new one per manual redelivery. */
  @Property({ type: 'string', length: 100 })
  jobId: string;
}

/** Every HTTP request made for a delivery, successful or not. */
@ObjectType({ description: 'Một lần gọi tới địa chỉ webhook' })
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt extends BaseEntity {
  @ManyToOne({ entity: () => WebhookDelivery, deleteRule: 'cascade' })
  @Index()
  delivery: WebhookDelivery;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date;

  @Field(() => Int, { nullable: true, description: 'Mã HTTP trả về; trống nếu không kết nối được' })
  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Int, { description: 'Thời gian (ms)' })
  @Property({ type: 'integer' })
  durationMs: number;
}
