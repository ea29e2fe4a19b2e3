import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Task } from '../tasks/task.entity.js';
import { Target } from '../targets/target.entity.js';
import { Plan } from './plan.entity.js';
import { CreatePlanArgs, PlanFilter, UpdatePlanArgs } from './plan.inputs.js';
import { PLAN_SPEC } from './plan.service.js';

export const PlanResourceResolver = createResourceResolver({
  type: Plan,
  name: 'Plan',
  plural: 'Plans',
  connectionField: 'plans',
  filter: PlanFilter,
  sortable: PLAN_SPEC.sortable,
  service: (ctx) => ctx.services.plans,
  createArgs: CreatePlanArgs,
  updateArgs: UpdatePlanArgs,
  writePermissions: [PLAN_SPEC.writePermission],
});

@Resolver(() => Plan)
export class PlanFieldResolver {
  @FieldResolver(() => ID, { nullable: true })
  parentId(@Root() plan: Lean<Plan>) {
    return plan.parent?.id ?? null;
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'Kế hoạch cấp trên mà kế hoạch này triển khai' })
  parent(@Root() plan: Lean<Plan>, @Ctx() ctx: Context) {
    return plan.parent ? ctx.loaders.plan.load(plan.parent.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Toàn văn văn bản' })
  async sourceText(@Root() plan: Lean<Plan>, @Ctx() ctx: Context) {
    const loaded = await ctx.em.findOne(Plan, { id: plan.id }, { populate: ['sourceText'] });
    return loaded?.sourceText ?? null;
  }

  @FieldResolver(() => [Task], { description: 'Các nhiệm vụ cấp cao nhất, theo thứ tự văn bản' })
  tasks(@Root() plan: Lean<Plan>, @Ctx() ctx: Context) {
    return ctx.loaders.topTasksByPlan.load(plan.id);
  }

  @FieldResolver(() => [Target])
  targets(@Root() plan: Lean<Plan>, @Ctx() ctx: Context) {
    return ctx.loaders.targetsByPlan.load(plan.id);
  }
}
