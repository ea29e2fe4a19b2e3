import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { OrderDirection } from '../../shared/pagination.js';
import type { ResourceSpec } from '../../shared/resource.service.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Unit } from './unit.entity.js';
import { CreateUnitArgs, UnitFilter, UpdateUnitArgs } from './unit.inputs.js';

export const UNIT_SPEC: ResourceSpec = {
  label: 'đơn vị',
  searchFields: ['name', 'code', 'shortName'],
  sortable: ['code', 'name', 'kind'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export const UnitResourceResolver = createResourceResolver({
  type: Unit,
  name: 'Unit',
  plural: 'Units',
  connectionField: 'units',
  filter: UnitFilter,
  sortable: UNIT_SPEC.sortable,
  service: (ctx) => ctx.services.units,
  createArgs: CreateUnitArgs,
  updateArgs: UpdateUnitArgs,
  writePermissions: [UNIT_SPEC.writePermission],
});

@Resolver(() => Unit)
export class UnitFieldResolver {
  @FieldResolver(() => ID, { nullable: true })
  parentId(@Root() unit: Lean<Unit>) {
    return unit.parent?.id ?? null;
  }

  @FieldResolver(() => Unit, { nullable: true })
  parent(@Root() unit: Lean<Unit>, @Ctx() ctx: Context) {
    return unit.parent ? ctx.loaders.unit.load(unit.parent.id) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  reportsThroughId(@Root() unit: Lean<Unit>) {
    return unit.reportsThrough?.id ?? null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Đơn vị tổng hợp báo cáo của đơn vị này' })
  reportsThrough(@Root() unit: Lean<Unit>, @Ctx() ctx: Context) {
    return unit.reportsThrough ? ctx.loaders.unit.load(unit.reportsThrough.id) : null;
  }
}
