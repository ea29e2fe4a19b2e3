import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { daysBetween, today } from '../../shared/dates.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Assignment } from './assignment.entity.js';
import {
  AssignmentFilter, CreateAssignmentArgs, ReassignAssignmentArgs, TransitionAssignmentArgs, UpdateAssignmentArgs,
} from './assignment.inputs.js';
import { ASSIGNMENT_SORTABLE } from './assignment.service.js';
import { DeadlineClass, deadlineClass, isDoneAsOf } from './deadline.js';
import { ActorKind, AssignmentFieldChange, presentChange } from './field-change.js';
import { AssignmentAction, StatusChange } from './status-change.entity.js';

export const AssignmentResourceResolver = createResourceResolver({
  type: Assignment,
  name: 'Assignment',
  plural: 'Assignments',
  connectionField: 'assignments',
  filter: AssignmentFilter,
  sortable: ASSIGNMENT_SORTABLE,
  service: (ctx) => ctx.services.assignments,
  createArgs: CreateAssignmentArgs,
  updateArgs: UpdateAssignmentArgs,
  writePermissions: ['catalogue:manage'],
  // Progress and notes are the unit's work, the due date and role are planning: the service tells which.
  updatePermissions: ['assignment:work', 'catalogue:manage'],
});

@Resolver(() => Assignment)
export class AssignmentWorkflowResolver {
  @Mutation(() => Assignment, {
    description: 'Chuyển trạng thái: START, SUBMIT, BLOCK, UNBLOCK (đơn vị); VERIFY, RETURN (thẩm định); CANCEL (lãnh đạo)',
  })
  @UseMiddleware(requires('assignment:work', 'assignment:review', 'assignment:cancel'))
  transitionAssignment(@Args(() => TransitionAssignmentArgs) args: TransitionAssignmentArgs, @Ctx() ctx: Context) {
    return ctx.services.assignments.transition(args.id, args.action, args.version, args.comment);
  }

  @Mutation(() => Assignment, {
    description:
      'Chuyển phân công sang đơn vị khác (lãnh đạo, quản trị), có lý do. Phân công giữ nguyên mã và lịch sử; ' +
      'đơn vị mới thực hiện tiếp, đơn vị cũ không còn thao tác được.',
  })
  @UseMiddleware(requires('assignment:reassign'))
  reassignAssignment(@Args(() => ReassignAssignmentArgs) args: ReassignAssignmentArgs, @Ctx() ctx: Context) {
    return ctx.services.reassignments.reassign(args.id, args.version, args.unitId, args.reason);
  }

  @FieldResolver(() => ID)
  planId(@Root() a: Lean<Assignment>) {
    return a.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(a.plan.id);
  }

  @FieldResolver(() => ID)
  taskId(@Root() a: Lean<Assignment>) {
    return a.task.id;
  }

  @FieldResolver(() => Task)
  task(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return ctx.loaders.task.load(a.task.id);
  }

  @FieldResolver(() => ID)
  unitId(@Root() a: Lean<Assignment>) {
    return a.unit.id;
  }

  @FieldResolver(() => Unit)
  unit(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(a.unit.id);
  }

  @FieldResolver(() => [StatusChange], { description: 'Lịch sử, mới nhất trước' })
  async history(
    @Root() a: Assignment,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { nullable: true, description: 'Chỉ lấy N thay đổi gần nhất' }) last?: number,
  ) {
    if (last === undefined || last === null) return ctx.loaders.historyByAssignment.load(a.id);
    const count = Math.max(0, Math.min(last, 100));
    return count === 0 ? [] : ctx.loaders.recentHistory(count).load(a.id);
  }

  @FieldResolver(() => DeadlineClass, { nullable: true, description: 'Phân loại theo hạn tại ngày asOf (mặc định hôm nay); trống nếu đã hủy' })
  deadlineClass(@Root() a: Lean<Assignment>, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string) {
    return deadlineClass(a, asOf ?? today());
  }

  @FieldResolver(() => Int, { description: 'Số ngày quá hạn tại ngày asOf (0 nếu chưa quá hạn hoặc đã xong)' })
  daysOverdue(@Root() a: Lean<Assignment>, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string) {
    const day = asOf ?? today();
    return deadlineClass(a, day) === DeadlineClass.OVERDUE && !isDoneAsOf(a, day) ? daysBetween(a.dueDate, day) : 0;
  }

  @FieldResolver(() => [AssignmentAction], { description: 'Các thao tác người dùng hiện tại được phép làm lúc này' })
  allowedActions(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return ctx.services.assignments.allowedActions(a);
  }
}

@Resolver(() => StatusChange)
export class StatusChangeFieldResolver {
  @Query(() => [StatusChange], { description: 'Các thay đổi mới nhất của kế hoạch' })
  latestChanges(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Tối đa 100' }) first: number,
  ) {
    return ctx.services.assignments.latestChanges(planId, Math.max(0, Math.min(first, 100)));
  }

  @FieldResolver(() => Assignment)
  assignment(@Root() change: Lean<StatusChange>, @Ctx() ctx: Context) {
    return ctx.loaders.assignment.load(change.assignment.id);
  }

  @FieldResolver(() => ID)
  assignmentId(@Root() change: Lean<StatusChange>) {
    return change.assignment.id;
  }

  /** An evidence entry's comment names the file and why it was removed: read under the evidence rule. */
  @FieldResolver(() => String, { nullable: true })
  comment(@Root() change: Lean<StatusChange>, @Ctx() ctx: Context) {
    return ctx.services.evidence.historyComment(change);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người thực hiện, hoặc "Mã API: <tên>" khi hệ thống tích hợp thực hiện' })
  async actorName(@Root() change: Lean<StatusChange>, @Ctx() ctx: Context) {
    if (change.actor) return (await ctx.loaders.user.load(change.actor.id))?.fullName ?? null;
    if (change.actorToken) {
      const token = await ctx.loaders.apiTokenName.load(change.actorToken.id);
      return token ? `Mã API: ${token.name}` : null;
    }
    return null;
  }

  @FieldResolver(() => ActorKind, { description: 'Người dùng, mã API, hay hệ thống tự thực hiện' })
  actorKind(@Root() change: Lean<StatusChange>) {
    return change.actor ? ActorKind.USER : change.actorToken ? ActorKind.TOKEN : ActorKind.SYSTEM;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Mã API đã thực hiện (khi actorKind là TOKEN)' })
  actorTokenId(@Root() change: Lean<StatusChange>) {
    return change.actorToken?.id ?? null;
  }

  @FieldResolver(() => [AssignmentFieldChange], { description: 'Các trường đã thay đổi: giá trị cũ → mới (trống với mục lịch sử cũ)' })
  changes(@Root() change: Lean<StatusChange>) {
    return (change.changes ?? []).map(presentChange);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Tên đăng nhập người thực hiện' })
  async actorUsername(@Root() change: Lean<StatusChange>, @Ctx() ctx: Context) {
    return change.actor ? ((await ctx.loaders.user.load(change.actor.id))?.username ?? null) : null;
  }
}
