import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Escalation } from '../escalations/escalation.entity.js';
import { UrgingLetter } from '../letters/urging-letter.entity.js';
import { UnitReport } from '../reports/unit-report.entity.js';
import { User } from '../users/user.entity.js';

export enum NotificationKind {
  /** Due in a few working days, or today. */
  REMINDER = 'REMINDER',
  /** A step of the overdue ladder. */
  ESCALATION = 'ESCALATION',
  /** Submitted work waiting too long for review. */
  REVIEW_ESCALATION = 'REVIEW_ESCALATION',
  /** The reviewer returned the work. */
  RETURNED = 'RETURNED',
  /** The reviewer verified the work. */
  VERIFIED = 'VERIFIED',
  /** Work was submitted and waits for review. */
  SUBMITTED = 'SUBMITTED',
  /** An urging letter names the unit's work. */
  URGING_LETTER = 'URGING_LETTER',
  /** A unit's period report is due in a few working days, or today. */
  REPORT_REMINDER = 'REPORT_REMINDER',
  /** A step of the ladder for a period report not sent by its day. */
  REPORT_OVERDUE = 'REPORT_OVERDUE',
  /** A unit sent its period report to the aggregating office. */
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  /** The aggregating office returned the report with a comment. */
  REPORT_RETURNED = 'REPORT_RETURNED',
  /** The aggregating office accepted the report. */
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  /** Work moved from one unit to another: both units are told. */
  REASSIGNED = 'REASSIGNED',
}
registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'Loại thông báo' });

/**
 * One message to one user. `dedupeKey` (unique per user) is what makes the sweeps and the event hooks
 * idempotent: a retried job inserts "on conflict do nothing" and creates nothing new.
 */
@ObjectType({ description: 'Thông báo gửi một người dùng' })
@Entity({ tableName: 'notification' })
@Unique({ properties: ['user', 'dedupeKey'] })
// The inbox: one user's notifications, unread first, newest first.
@Index({
  name: 'notification_inbox_index',
  expression: 'create index "notification_inbox_index" on "notification" ("user_id", ("read_at" is null) desc, "created_at" desc, "id" desc)',
})
@Index({
  name: 'notification_unread_index',
  expression: 'create index "notification_unread_index" on "notification" ("user_id") where "read_at" is null',
})
export class Notification extends BaseEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user: User;

  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind: NotificationKind;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  title: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body: string;

  /** The Vietnam day the notification is about; the daily e-mail digest groups by it. */
  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  day: string;

  /** Level 2–3 escalations: e-mailed at once rather than in the daily digest. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  urgent: boolean = false;

  @ManyToOne({ entity: () => Assignment, nullable: true, deleteRule: 'cascade' })
  @Index()
  assignment?: Assignment | null;

  @ManyToOne({ entity: () => Escalation, nullable: true, deleteRule: 'set null' })
  @Index()
  escalation?: Escalation | null;

  @ManyToOne({ entity: () => UrgingLetter, nullable: true, deleteRule: 'set null' })
  @Index()
  letter?: UrgingLetter | null;

  @ManyToOne({ entity: () => UnitReport, nullable: true, deleteRule: 'cascade' })
  @Index()
  unitReport?: UnitReport | null;

  @Property({ type: 'string', length: 200 })
  dedupeKey: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;
}
