import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Assignment, AssignmentStatus } from './assignment.entity.js';
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
}
registerEnumType(AssignmentAction, { name: 'AssignmentAction', description: 'Thao tác trên phân công' });

/**
 * One entry of an assignment's history. Append-only: a database trigger refuses UPDATE and DELETE,
 * so the record of who did what stays trustworthy even against a buggy or hostile client of the database.
 */
@ObjectType({ description: 'Lịch sử thay đổi của phân công' })
@Entity({ tableName: 'status_change' })
@Index({ properties: ['assignment', 'at'] })
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

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'no action' })
  actor?: User | null;

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

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();
}
