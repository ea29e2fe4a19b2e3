import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { MAX_HISTORY_POINTS, TARGET_SPEC } from './target.service.js';
import { Unit } from '../units/unit.entity.js';
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
  description:
    'MET: đã đạt; ON_TRACK: chưa đạt, đúng tiến độ (trước hạn, giá trị/ngưỡng ≥ phần thời gian đã qua); AT_RISK: có nguy cơ chậm (trước hạn, tụt sau thời gian); ' +
    'NOT_MET: không đạt (đã quá hạn); NO_DATA: chưa có số liệu; NOT_APPLICABLE: không áp dụng (địa bàn không có cơ sở thuộc phạm vi)',
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
  writePermissions: [TARGET_SPEC.writePermission],
});

@ObjectType({ description: 'Giá trị hiện tại của mục tiêu, tính từ số liệu các cơ sở' })
export class TargetValueType {
  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => Float, { nullable: true, description: 'Phần trăm đạt được; trống khi chưa có cơ sở nào báo cáo' })
  valuePercent: number | null;

  @Field(() => Float, { nullable: true, description: 'Tử số: số cơ sở đạt, hoặc số giao dịch không dùng tiền mặt' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'Mẫu số: số cơ sở được tính, hoặc tổng số giao dịch' })
  denominator: number | null;

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

@ObjectType({ description: 'Giá trị của mục tiêu tại một xã, thị trấn' })
export class TargetCommuneValueType extends TargetValueType {
  @Field(() => ID)
  communeId: string;
}

@ObjectType({ description: 'Một điểm của diễn biến giá trị mục tiêu theo thời gian' })
export class TargetHistoryPointType {
  @Field(() => LocalDateScalar)
  day: string;

  @Field(() => Float, { nullable: true })
  valuePercent: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;
}

@Resolver(() => TargetCommuneValueType)
export class TargetCommuneValueResolver {
  @FieldResolver(() => Unit)
  commune(@Root() value: TargetCommuneValueType, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(value.communeId);
  }
}

@Resolver(() => Target)
export class TargetFieldResolver {
  @FieldResolver(() => [TargetCommuneValueType], { description: 'Giá trị tại từng xã, thị trấn vào ngày asOf (mặc định hôm nay)' })
  async byCommune(@Root() target: Lean<Target>, @Ctx() ctx: Context, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string) {
    const day = asOf ?? today();
    return (await ctx.services.targets.byCommune(target, day)).map((value) => ({ asOf: day, ...value }));
  }

  @FieldResolver(() => [TargetHistoryPointType], { description: `Diễn biến giá trị từ ngày from đến ngày to, cách đều, tối đa ${MAX_HISTORY_POINTS} điểm` })
  history(
    @Root() target: Lean<Target>,
    @Ctx() ctx: Context,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('points', () => Int, { defaultValue: 12 }) points: number,
  ) {
    return ctx.services.targets.history(target, from, to, points);
  }

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
