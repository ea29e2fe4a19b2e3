import { Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { EscalationPolicy } from './escalation-policy.entity.js';
import { UpdateEscalationPolicyArgs } from './escalation-policy.inputs.js';

@Resolver(() => Plan)
export class PlanEscalationPolicyFieldResolver {
  @FieldResolver(() => EscalationPolicy, {
    description: 'Cấu hình nhắc việc và đôn đốc; kế hoạch chưa có cấu hình riêng thì là cấu hình mặc định (phiên bản 0)',
  })
  escalationPolicy(@Root() plan: Lean<Plan>, @Ctx() ctx: Context) {
    return ctx.services.escalationPolicies.forPlan(plan.id);
  }
}

@Resolver(() => EscalationPolicy)
export class EscalationPolicyResolver {
  @FieldResolver(() => ID)
  planId(@Root() policy: EscalationPolicy) {
    return policy.plan.id;
  }

  @FieldResolver(() => Boolean, { description: 'Kế hoạch chưa có cấu hình riêng: đang dùng cấu hình mặc định' })
  isDefault(@Root() policy: EscalationPolicy) {
    return policy.version === 0;
  }

  @FieldResolver(() => ID, { nullable: true })
  coordinatorUnitId(@Root() policy: EscalationPolicy) {
    return policy.coordinatorUnit?.id ?? null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Cơ quan điều phối nhận cấp 2; trống: mọi cán bộ điều phối' })
  coordinatorUnit(@Root() policy: EscalationPolicy, @Ctx() ctx: Context) {
    return policy.coordinatorUnit ? ctx.loaders.unit.load(policy.coordinatorUnit.id) : null;
  }

  @Mutation(() => EscalationPolicy, { description: 'Sửa cấu hình nhắc việc và đôn đốc của kế hoạch (lãnh đạo, quản trị); tạo mới nếu chưa có' })
  @UseMiddleware(requires('escalation:configure'))
  updateEscalationPolicy(@Args(() => UpdateEscalationPolicyArgs) args: UpdateEscalationPolicyArgs, @Ctx() ctx: Context) {
    return ctx.services.escalationPolicies.update(args.planId, args.version, args.input);
  }
}
