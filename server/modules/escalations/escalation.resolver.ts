import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Escalation } from './escalation.entity.js';
import { EscalationFilter } from './escalation.inputs.js';
import { ESCALATION_SORTABLE } from './escalation.service.js';

export const EscalationResourceResolver = createResourceResolver({
  type: Escalation,
  name: 'Escalation',
  plural: 'Escalations',
  connectionField: 'escalations',
  filter: EscalationFilter,
  sortable: ESCALATION_SORTABLE,
  service: (ctx) => ctx.services.escalations,
});

@Resolver(() => Escalation)
export class EscalationFieldResolver {
  @FieldResolver(() => ID)
  planId(@Root() e: Lean<Escalation>) {
    return e.plan.id;
  }

  @FieldResolver(() => ID)
  assignmentId(@Root() e: Lean<Escalation>) {
    return e.assignment.id;
  }

  @FieldResolver(() => Assignment)
  assignment(@Root() e: Lean<Escalation>, @Ctx() ctx: Context) {
    return ctx.loaders.assignment.load(e.assignment.id);
  }

  @FieldResolver(() => ID)
  unitId(@Root() e: Lean<Escalation>) {
    return e.unit.id;
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị được đôn đốc' })
  unit(@Root() e: Lean<Escalation>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(e.unit.id);
  }

  @FieldResolver(() => [String], { description: 'Họ tên những người nhận thông báo đôn đốc' })
  async recipients(@Root() e: Lean<Escalation>, @Ctx() ctx: Context) {
    const users = await ctx.loaders.user.loadMany(e.recipientIds);
    return users.flatMap((u) => (u && !(u instanceof Error) ? [u.fullName] : []));
  }
}

@Resolver(() => Assignment)
export class AssignmentEscalationFieldResolver {
  @FieldResolver(() => [Escalation], { description: 'Các lần đôn đốc, mới nhất trước' })
  escalations(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return ctx.loaders.escalationsByAssignment.load(a.id);
  }

  @FieldResolver(() => Int, { description: 'Số lần đã đôn đốc từ hạn hiện tại (mọi cấp)' })
  async urgeCount(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return (await ctx.loaders.escalationSummary.load(a.id)).urgeCount;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Cấp đôn đốc cao nhất đang mở (1–3); trống nếu không bị đôn đốc' })
  async openEscalationLevel(@Root() a: Lean<Assignment>, @Ctx() ctx: Context) {
    return (await ctx.loaders.escalationSummary.load(a.id)).openLevel;
  }
}
