import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { User } from '../users/user.entity.js';

export enum OutboxState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Gave up after the last attempt; kept with its error for the operator. */
  FAILED = 'FAILED',
}
registerEnumType(OutboxState, { name: 'OutboxState', description: 'Trạng thái gửi' });

/**
 * An e-mail to send, written in the same transaction as what it tells about (the transactional
 * outbox). A relay job sends PENDING rows and marks them SENT; `dedupeKey` keeps a job that runs twice
 * from queueing the same mail twice, and the row id is the mail's Message-ID.
 */
@Entity({ tableName: 'outbox_email' })
@Unique({ properties: ['dedupeKey'] })
@Index({
  name: 'outbox_email_pending_index',
  expression: 'create index "outbox_email_pending_index" on "outbox_email" ("next_attempt_at") where "state" = \'PENDING\'',
})
export class OutboxEmail extends BaseEntity {
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  user?: User | null;

  @Property({ type: 'string', length: 320 })
  toAddress: string;

  @Property({ type: 'string', length: 255 })
  subject: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'text', nullable: true })
  html?: string | null;

  @Property({ type: 'string', length: 200 })
  dedupeKey: string;

  @Enum({ items: () => OutboxState, nativeEnumName: 'outbox_state' })
  state: Opt<OutboxState> = OutboxState.PENDING;

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime' })
  nextAttemptAt: Opt<Date> = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
