import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Assignment } from './assignment.entity.js';

/**
 * One field of an assignment changed by one write, as the history keeps it (status_change.changes):
 * values as strings — enum values as they are (IN_PROGRESS, LEAD), dates as YYYY-MM-DD, progress as a
 * number — so that an integrator reads them without knowing each field's type. A change of unit also
 * keeps both units' ids beside their names: the names read well, the ids stay true if a unit is renamed.
 */
export interface FieldChange {
  field: TrackedField;
  from: string | null;
  to: string | null;
  fromId?: string | null;
  toId?: string | null;
}

/** The assignment's fields a write can change, in the order a history entry lists them. */
export const TRACKED_FIELDS = ['unit', 'status', 'progress', 'note', 'blockedReason', 'dueDate', 'role', 'scope', 'assumption'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** The Vietnamese names of the fields, for integrators and for messages; the admin has its own catalogue. */
export const FIELD_LABELS: Record<TrackedField, string> = {
  unit: 'Đơn vị thực hiện',
  status: 'Trạng thái',
  progress: 'Tiến độ (%)',
  note: 'Ghi chú tiến độ',
  blockedReason: 'Lý do vướng mắc',
  dueDate: 'Hạn',
  role: 'Vai trò',
  scope: 'Phạm vi',
  assumption: 'Giả định',
};

/** Who made a change: a person, an integrator's API token, or the product itself (a sweep, an automatic letter). */
export enum ActorKind {
  USER = 'USER',
  TOKEN = 'TOKEN',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'USER: người dùng; TOKEN: mã API của hệ thống tích hợp; SYSTEM: hệ thống tự thực hiện (hoặc mục lịch sử cũ không ghi người thực hiện)',
});

@ObjectType({ description: 'Một trường của phân công được thay đổi: giá trị cũ → mới' })
export class AssignmentFieldChange {
  @Field(() => String, { description: 'Tên trường: unit, status, progress, note, blockedReason, dueDate, role, scope, assumption' })
  field: string;

  @Field(() => String, { description: 'Tên trường bằng tiếng Việt, ví dụ "Hạn"' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Giá trị cũ (ngày dạng YYYY-MM-DD; đơn vị: tên đơn vị)' })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'Giá trị mới' })
  to: string | null;

  @Field(() => ID, { nullable: true, description: 'Mã (id) của giá trị cũ khi trường là một đối tượng (đơn vị)' })
  fromId: string | null;

  @Field(() => ID, { nullable: true, description: 'Mã (id) của giá trị mới khi trường là một đối tượng (đơn vị)' })
  toId: string | null;
}

/** An assignment's scalar fields as the history writes them; the unit is recorded by the reassignment itself. */
export type FieldValues = Record<Exclude<TrackedField, 'unit'>, string | null>;

export function fieldValues(a: Pick<Assignment, 'status' | 'progress' | 'note' | 'blockedReason' | 'dueDate' | 'role' | 'scope' | 'assumption'>): FieldValues {
  return {
    status: a.status,
    progress: String(a.progress),
    note: a.note ?? null,
    blockedReason: a.blockedReason ?? null,
    dueDate: a.dueDate,
    role: a.role,
    scope: a.scope,
    assumption: a.assumption ?? null,
  };
}

/** What differs between two readings of the same assignment, in the history's order; `only` narrows it to some fields. */
export function diffFields(before: FieldValues, after: FieldValues, only?: ReadonlyArray<keyof FieldValues>): FieldChange[] {
  const fields = (TRACKED_FIELDS.filter((f) => f !== 'unit') as Array<keyof FieldValues>).filter((f) => !only || only.includes(f));
  return fields.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, from: before[f], to: after[f] }));
}

/** A stored change as GraphQL serves it; entries written before the history kept ids have none. */
export function presentChange(change: FieldChange): AssignmentFieldChange {
  return {
    field: change.field,
    label: FIELD_LABELS[change.field] ?? change.field,
    from: change.from ?? null,
    to: change.to ?? null,
    fromId: change.fromId ?? null,
    toId: change.toId ?? null,
  };
}
