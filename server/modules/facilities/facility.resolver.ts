import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { OrderDirection } from '../../shared/pagination.js';
import type { ResourceSpec } from '../../shared/resource.service.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Unit } from '../units/unit.entity.js';
import { Facility } from './facility.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';
import {
  CreateFacilityArgs, CreateIndicatorValueArgs, FacilityFilter, IndicatorValueFilter, UpdateFacilityArgs, UpdateIndicatorValueArgs,
} from './facility.inputs.js';

export const FACILITY_SPEC: ResourceSpec = {
  label: 'cơ sở',
  searchFields: ['name', 'code'],
  sortable: ['code', 'name', 'sector', 'level'],
  defaultSort: ['code', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export const INDICATOR_VALUE_SPEC: ResourceSpec = {
  label: 'số liệu chỉ tiêu',
  searchFields: [],
  sortable: ['asOf'],
  defaultSort: ['asOf', OrderDirection.DESC],
  writePermission: 'catalogue:manage',
};

export const FacilityResourceResolver = createResourceResolver({
  type: Facility,
  name: 'Facility',
  plural: 'Facilities',
  connectionField: 'facilities',
  filter: FacilityFilter,
  sortable: FACILITY_SPEC.sortable,
  service: (ctx) => ctx.services.facilities,
  createArgs: CreateFacilityArgs,
  updateArgs: UpdateFacilityArgs,
});

export const IndicatorValueResourceResolver = createResourceResolver({
  type: IndicatorValue,
  name: 'IndicatorValue',
  plural: 'IndicatorValues',
  connectionField: 'indicatorValues',
  filter: IndicatorValueFilter,
  sortable: INDICATOR_VALUE_SPEC.sortable,
  service: (ctx) => ctx.services.indicatorValues,
  createArgs: CreateIndicatorValueArgs,
  updateArgs: UpdateIndicatorValueArgs,
});

@Resolver(() => Facility)
export class FacilityFieldResolver {
  @FieldResolver(() => ID)
  communeId(@Root() facility: Lean<Facility>) {
    return facility.commune.id;
  }

  @FieldResolver(() => Unit)
  commune(@Root() facility: Lean<Facility>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(facility.commune.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Số liệu theo ngày, mới nhất trước' })
  indicatorValues(@Root() facility: Lean<Facility>, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorValuesByFacility.load(facility.id);
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueFieldResolver {
  @FieldResolver(() => ID)
  facilityId(@Root() value: Lean<IndicatorValue>) {
    return value.facility.id;
  }

  @FieldResolver(() => Facility)
  facility(@Root() value: Lean<IndicatorValue>, @Ctx() ctx: Context) {
    return ctx.loaders.facility.load(value.facility.id);
  }
}
