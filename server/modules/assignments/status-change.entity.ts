import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Assignment, AssignmentStatus } from './assignment.entity.js';
import type { FieldChange } from './field-change.js';
import { ApiToken } from '../../auth/api-token.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { User } from '../users/user.entity.js';

export enum AssignmentAction {
  START = 'START',
  SUBMIT = 'SUBMIT',
  VERIFY = 'VERIFY',
  RETURN = 'RETURN',
  BLOCK = 'BLOCK',
  UNBLOCK = 'UNBLOCK',
  CANCEL = 'CANCEL',
  UPDATE_PROGRESS = 'UPDATE_PROGRESS',
  /** A file of evidence was attached (minh chứng); the status does not change. */
  ATTACH_EVIDENCE = 'ATTACH_EVIDENCE',
  /** Evidence was removed (hidden, never deleted); the comment says why. */
  REMOVE_EVIDENCE = 'REMOVE_EVIDENCE',
  /** An urging letter (văn bản đôn đốc) named this work; the status does not change. */
  URGE = 'URGE',
  /** ADMIN changed the planning (due date, role, assumption), saying why; `changes` lists what. */
  EDIT = 'EDIT',
  /** The work moved to another unit, saying why; the assignment keeps its id and its history. */
  REASSIGN = 'REASSIGN',
}
registerEnumType(AssignmentAction, { name: 'AssignmentAction', description: 'Thao tác trên phân công' });

/**
 * One entry of an assignment's history. Append-only: a database trigger refuses UPDATE and DELETE,
 * so the record of who did what stays trustworthy even against a buggy or hostile client of the database.
 * TRUNCATE is refused by a statement trigger written in Migration20261207164700_append_only_truncate
 * (MikroORM cannot read TRUNCATE triggers back, so it is not declared here).
 */
@ObjectType({ description: 'Lịch sử thay đổi của phân công' })
@Entity({ tableName: 'status_change' })
// The last entries of one assignment (history(last: N)) and of one plan (the activity feed), newest
// first, straight from the index with no sort.
// Written as expressions: MikroORM 7.2 reads a trailing DESC back as ASC and would otherwise rebuild them.
@Index({
  name: 'status_change_assignment_recent_index',
  expression: 'create index "status_change_assignment_recent_index" on "status_change" ("assignment_id", "at" DESC, "id" DESC)',
})
@Index({
  name: 'status_change_plan_recent_index',
  expression: 'create index "status_change_plan_recent_index" on "status_change" ("plan_id", "at" DESC, "id" DESC)',
})
// When each cancelled assignment was cancelled, for figures as of a past day (deadline.sql.ts).
@Index({
  name: 'status_change_cancel_index',
  expression: `create index "status_change_cancel_index" on "status_change" ("assignment_id", "at") where "action" = 'CANCEL'`,
})
@Trigger({
  name: 'status_change_append_only',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'row',
  body: "raise exception 'status_change is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';",
})
export class StatusChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne({ entity: () => Assignment })
  assignment: Assignment;

  /** Denormalised from the assignment, like the assignment's own plan, so a plan's feed needs no join. */
  @ManyToOne({ entity: () => Plan })
  plan: Plan;

  /** Who did it: a user, or an integrator's API token (never both); neither for the product's own steps. */
  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  actor?: User | null;

  @ManyToOne({ entity: () => ApiToken, nullable: true, deleteRule: 'no action' })
  actorToken?: ApiToken | null;

  @Field(() => AssignmentAction)
  @Enum({ items: () => AssignmentAction, nativeEnumName: 'assignment_action' })
  action: AssignmentAction;

  @Field(() => AssignmentStatus)
  @Enum({ items: () => AssignmentStatus, nativeEnumName: 'assignment_status' })
  fromStatus: AssignmentStatus;

  @Field(() => AssignmentStatus)
  @Enum({ items: () => AssignmentStatus, nativeEnumName: 'assignment_status' })
  toStatus: AssignmentStatus;

  @Field(() => Int)
  @Property({ type: 'integer' })
  progress: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  /**
   * Every field of the assignment this write changed, old → new. Entries written before the history
   * kept them have none: their status and progress columns still say what they did.
   */
  @Property({ type: 'json', defaultRaw: "'[]'" })
  changes: Opt<FieldChange[]> = [];

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();

  /** Written by the demo seed, not by anyone's work: flagged so it can be told apart and removed. */
  @Field(() => Boolean, { description: 'Mục lịch sử minh họa do dữ liệu dùng thử tạo ra, không phải việc đã làm thật' })
  @Property({ type: 'boolean' })
  isDemo: Opt<boolean> = false;
}
