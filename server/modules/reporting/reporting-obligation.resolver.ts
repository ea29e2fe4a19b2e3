import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { OrderDirection } from '../../shared/pagination.js';
import type { ResourceSpec } from '../../shared/resource.service.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { ReportingObligation } from './reporting-obligation.entity.js';
import {
  CreateReportingObligationArgs, ReportingObligationFilter, UpdateReportingObligationArgs,
} from './reporting-obligation.inputs.js';

export const REPORTING_OBLIGATION_SPEC: ResourceSpec = {
  label: 'nghĩa vụ báo cáo',
  searchFields: ['subject'],
  sortable: ['dueBefore', 'period'],
  defaultSort: ['dueBefore', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export const ReportingObligationResourceResolver = createResourceResolver({
  type: ReportingObligation,
  name: 'ReportingObligation',
  plural: 'ReportingObligations',
  connectionField: 'reportingObligations',
  filter: ReportingObligationFilter,
  sortable: REPORTING_OBLIGATION_SPEC.sortable,
  service: (ctx) => ctx.services.reportingObligations,
  createArgs: CreateReportingObligationArgs,
  updateArgs: UpdateReportingObligationArgs,
  writePermissions: [REPORTING_OBLIGATION_SPEC.writePermission],
});

@Resolver(() => ReportingObligation)
export class ReportingObligationFieldResolver {
  @FieldResolver(() => ID)
  planId(@Root() o: Lean<ReportingObligation>) {
    return o.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() o: Lean<ReportingObligation>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(o.plan.id);
  }

  @FieldResolver(() => ID)
  reporterId(@Root() o: Lean<ReportingObligation>) {
    return o.reporter.id;
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị báo cáo' })
  reporter(@Root() o: Lean<ReportingObligation>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(o.reporter.id);
  }

  @FieldResolver(() => ID)
  recipientId(@Root() o: Lean<ReportingObligation>) {
    return o.recipient.id;
  }

  @FieldResolver(() => Unit, { description: 'Nơi nhận báo cáo' })
  recipient(@Root() o: Lean<ReportingObligation>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(o.recipient.id);
  }

  @FieldResolver(() => ID, { nullable: true })
  throughId(@Root() o: Lean<ReportingObligation>) {
    return o.through?.id ?? null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Đơn vị tổng hợp (báo cáo qua)' })
  through(@Root() o: Lean<ReportingObligation>, @Ctx() ctx: Context) {
    return o.through ? ctx.loaders.unit.load(o.through.id) : null;
  }
}
