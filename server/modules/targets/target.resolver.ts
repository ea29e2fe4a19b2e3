import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { TARGET_SPEC } from './target.service.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Plan } from '../plans/plan.entity.js';
import { FacilityLevel } from '../facilities/facility.entity.js';
import { parseEnumArray } from './target-progress.js';
import { today } from '../../shared/dates.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Target } from './target.entity.js';
import { CreateTargetArgs, TargetFilter, UpdateTargetArgs } from './target.inputs.js';
import { TargetStatus } from './target-progress.js';

registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  description: 'MET: đã đạt; NOT_MET: chưa đạt; NO_DATA: chưa có số liệu; NOT_APPLICABLE: không áp dụng (địa bàn không có cơ sở thuộc phạm vi)',
});

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

@ObjectType({ description: 'Giá trị hiện tại của mục tiêu, tính từ số liệu các cơ sở' })
export class TargetValueType {
  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => Float, { nullable: true, description: 'Phần trăm đạt được; trống khi chưa có cơ sở nào báo cáo' })
  valuePercent: number | null;

  @Field(() => Boolean, { description: 'Đã đạt ngưỡng' })
  met: boolean;

  @Field(() => TargetStatus)
  status: TargetStatus;

  @Field(() => String, { nullable: true, description: 'Lý do không áp dụng (khi status là NOT_APPLICABLE)' })
  notApplicableReason: string | null;

  @Field(() => Int, { description: 'Số cơ sở có số liệu được tính' })
  facilitiesCounted: number;

  @Field(() => Int, { description: 'Số cơ sở thuộc phạm vi mục tiêu, đã báo cáo hay chưa' })
  facilitiesInScope: number;

  @Field(() => Boolean, { description: 'Có dùng số liệu minh họa' })
  basedOnDemoData: boolean;
}

@Resolver(() => Target)
export class TargetFieldResolver {
  @FieldResolver(() => TargetValueType, { description: 'Giá trị tại ngày asOf (mặc định hôm nay)' })
  async current(@Root() target: Lean<Target>, @Ctx() ctx: Context, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string) {
    const day = asOf ?? today();
    return { asOf: day, ...(await ctx.services.targets.value(target, day)) };
  }

  /** Read through raw rows, a native enum array comes back as its literal ('{A,B}'). */
  @FieldResolver(() => [FacilityLevel], { nullable: true, description: 'Cấp/tuyến cơ sở tính vào mục tiêu; trống là mọi cơ sở của lĩnh vực' })
  facilityLevels(@Root() target: Lean<Target>) {
    return parseEnumArray(target.facilityLevels);
  }

  @FieldResolver(() => ID)
  planId(@Root() target: Lean<Target>) {
    return target.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() target: Lean<Target>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(target.plan.id);
  }
}
