import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { OrderDirection } from '../../shared/pagination.js';
import type { ResourceSpec } from '../../shared/resource.service.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Plan } from '../plans/plan.entity.js';
import { Target } from './target.entity.js';
import { CreateTargetArgs, TargetFilter, UpdateTargetArgs } from './target.inputs.js';

export const TARGET_SPEC: ResourceSpec = {
  label: 'mục tiêu',
  searchFields: ['title', 'code'],
  sortable: ['code', 'sector', 'thresholdPercent', 'deadline'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export const TargetResourceResolver = createResourceResolver({
  type: Target,
  name: 'Target',
  plural: 'Targets',
  connectionField: 'targets',
  filter: TargetFilter,
  sortable: TARGET_SPEC.sortable,
  service: (ctx) => ctx.services.targets,
  createArgs: CreateTargetArgs,
  updateArgs: UpdateTargetArgs,
});

@Resolver(() => Target)
export class TargetFieldResolver {
  @FieldResolver(() => ID)
  planId(@Root() target: Target) {
    return target.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() target: Target, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(target.plan.id);
  }
}
