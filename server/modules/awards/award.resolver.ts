import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { can } from '../../auth/policy.js';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Facility } from '../facilities/facility.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import {
  AwardCriteria, AwardDecision, AwardEvaluation, AwardNomination, AwardNominationEvent, NominationKind, NominationState,
  type CriterionResult,
} from './award.entity.js';
import type { CriteriaView, HonourRow } from './award.service.js';

@ObjectType({ description: 'Một tiêu chí và kết quả của ứng viên' })
export class CriterionResultType {
  @Field(() => String) code: string;
  @Field(() => String) label: string;
  @Field(() => Boolean) passed: boolean;
  @Field(() => String, { description: 'Số liệu cụ thể' }) detail: string;
  @Field(() => Int) weight: number;
}

@ObjectType({ description: 'Kỳ đánh giá khen thưởng (theo kỳ báo cáo của kế hoạch)' })
export class AwardPeriodType {
  @Field(() => ID) planId: string;
  @Field(() => ReportPeriod) period: ReportPeriod;
  @Field(() => LocalDateScalar, { description: 'Ngày cuối kỳ trước (không tính)' }) start: string;
  @Field(() => LocalDateScalar, { description: 'Ngày cuối kỳ' }) end: string;
  @Field(() => String) label: string;
}

@ObjectType({ description: 'Tập thể được vinh danh' })
export class HonourEntry {
  @Field(() => ID) planId: string;
  @Field(() => String) planTitle: string;
  @Field(() => LocalDateScalar) periodEnd: string;
  @Field(() => String) periodLabel: string;
  @Field(() => NominationKind) kind: NominationKind;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true, description: 'Xã, thị trấn của cơ sở' }) communeName: string | null;
  @Field(() => String, { description: 'Thành tích' }) achievement: string;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) decisionDate: string | null;
}

@ArgsType()
export class UpdateAwardCriteriaArgs {
  @Field(() => ID) planId: string;
  @Field(() => Int, { description: 'Phiên bản đã đọc (0 khi kế hoạch còn dùng tiêu chí mặc định)' }) version: number;
  @Field(() => Int, { nullable: true }) @IsOptional() facilityPlatformWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() facilityCashlessWeight?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() facilityCashlessSharePercent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() facilityCashlessShareWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() facilityFocalPersonWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() facilityEvidenceWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() unitOnTimeToleranceDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() unitOnTimeWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() unitReportsWeight?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() unitMaxEscalationLevel?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() unitEscalationWeight?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() minScorePercent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() maxFacilityNominations?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() maxUnitNominations?: number;
}

@InputType()
export class NominationVersion {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@ArgsType()
export class ApproveNominationsArgs {
  @Field(() => ID) planId: string;
  @Field(() => LocalDateScalar) periodEnd: string;
  @Field(() => [NominationVersion]) items: NominationVersion[];
  @Field(() => String, { description: 'Số quyết định do văn thư ghi; để trống khi chưa vào số' }) @MaxLength(80) decisionNumber: string;
  @Field(() => LocalDateScalar) decisionDate: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) comment?: string | null;
}

@Resolver(() => AwardCriteria)
export class AwardCriteriaResolver {
  @Query(() => AwardCriteria, { description: 'Tiêu chí khen thưởng của kế hoạch (mặc định khi chưa đặt, phiên bản 0)' })
  awardCriteria(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return ctx.services.awards.criteria(planId);
  }

  @Mutation(() => AwardCriteria, { description: 'Sửa tiêu chí khen thưởng (lãnh đạo, ADMIN); áp dụng từ lần đánh giá sau' })
  @UseMiddleware(requires('award:configure'))
  updateAwardCriteria(@Args(() => UpdateAwardCriteriaArgs) args: UpdateAwardCriteriaArgs, @Ctx() ctx: Context) {
    const { planId, version, ...changes } = args;
    return ctx.services.awards.updateCriteria(planId, version, changes);
  }

  @FieldResolver(() => ID)
  planId(@Root() c: CriteriaView) {
    return c.planId;
  }

  @FieldResolver(() => Boolean, { description: 'Kế hoạch đang dùng tiêu chí mặc định' })
  isDefault(@Root() c: CriteriaView) {
    return c.isDefault;
  }
}

@Resolver(() => AwardNomination)
export class AwardNominationResolver {
  @Query(() => [AwardPeriodType], { description: 'Các kỳ đánh giá khen thưởng của kế hoạch' })
  awardPeriods(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return ctx.services.awards.periods(planId);
  }

  @Query(() => [AwardNomination], { description: 'Đề nghị khen thưởng; đơn vị chỉ thấy đề nghị của mình (xã: của các cơ sở trong xã)' })
  awardNominations(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('periodEnd', () => LocalDateScalar, { nullable: true }) periodEnd?: string | null,
    @Arg('state', () => NominationState, { nullable: true }) state?: NominationState | null,
  ) {
    return ctx.services.awards.nominations(planId, periodEnd, state);
  }

  @Query(() => AwardNomination)
  awardNomination(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awards.nomination(id);
  }

  @Mutation(() => AwardEvaluation, { description: 'Đánh giá đề nghị khen thưởng của một kỳ ngay (lãnh đạo, Phòng Văn hóa và Thông tin)' })
  @UseMiddleware(requires('award:evaluate'))
  evaluateAwards(@Arg('planId', () => ID) planId: string, @Arg('periodEnd', () => LocalDateScalar) periodEnd: string, @Ctx() ctx: Context) {
    return ctx.services.awards.evaluate(planId, periodEnd);
  }

  @Query(() => [AwardEvaluation], { description: 'Các lần đánh giá gần nhất của kế hoạch' })
  awardEvaluations(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return ctx.services.awards.evaluations(planId);
  }

  @Query(() => AwardEvaluation)
  awardEvaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awards.evaluation(id);
  }

  @Mutation(() => AwardNomination, { description: 'Bổ sung đề nghị khen thưởng kèm lý do (Hội đồng, qua Phòng Văn hóa và Thông tin)' })
  @UseMiddleware(requires('award:propose'))
  proposeNomination(
    @Arg('planId', () => ID) planId: string,
    @Arg('periodEnd', () => LocalDateScalar) periodEnd: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
    @Arg('facilityId', () => ID, { nullable: true }) facilityId?: string | null,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string | null,
  ) {
    return ctx.services.awards.propose(planId, periodEnd, { facilityId, unitId }, reason);
  }

  @Mutation(() => AwardNomination, { description: 'Rút đề nghị đang chờ duyệt, kèm lý do' })
  @UseMiddleware(requires('award:propose'))
  withdrawNomination(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return ctx.services.awards.withdraw(id, version, reason);
  }

  @Mutation(() => AwardNomination, { description: 'Không duyệt một đề nghị, kèm ý kiến (lãnh đạo)' })
  @UseMiddleware(requires('award:decide'))
  rejectNomination(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('comment', () => String) comment: string, @Ctx() ctx: Context) {
    return ctx.services.awards.reject(id, version, comment);
  }

  @Mutation(() => AwardDecision, { description: 'Duyệt một nhóm đề nghị với số, ngày quyết định; soạn dự thảo quyết định DOCX (lãnh đạo)' })
  @UseMiddleware(requires('award:decide'))
  approveNominations(@Args(() => ApproveNominationsArgs) args: ApproveNominationsArgs, @Ctx() ctx: Context) {
    return ctx.services.awards.approve(args.planId, args.periodEnd, args.items, args.decisionNumber, args.decisionDate, args.comment);
  }

  @Query(() => [HonourEntry], { description: 'Danh sách vinh danh: các tập thể được khen thưởng (công khai, không cần đăng nhập)' })
  honourList(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID, { nullable: true }) planId?: string | null,
    @Arg('periodEnd', () => LocalDateScalar, { nullable: true }) periodEnd?: string | null,
  ): Promise<HonourRow[]> {
    return ctx.services.awards.honourList(planId, periodEnd);
  }

  @FieldResolver(() => ID)
  planId(@Root() n: Lean<AwardNomination>) {
    return n.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(n.plan.id);
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị được đề nghị, hoặc xã của cơ sở' })
  unit(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(n.unit.id);
  }

  @FieldResolver(() => Facility, { nullable: true })
  facility(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return n.facility ? ctx.loaders.facility.load(n.facility.id) : null;
  }

  @FieldResolver(() => String, { description: 'Tên cơ sở hoặc đơn vị' })
  async candidateName(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    if (n.facility) return (await ctx.loaders.facility.load(n.facility.id))?.name ?? '';
    return (await ctx.loaders.unit.load(n.unit.id))?.name ?? '';
  }

  @FieldResolver(() => [CriterionResultType], { description: 'Từng tiêu chí đạt hay không, với số liệu' })
  criteria(@Root() n: Lean<AwardNomination>): CriterionResult[] {
    return n.criteria ?? [];
  }

  @FieldResolver(() => String, { nullable: true })
  async decidedByName(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return n.decidedBy ? ((await ctx.loaders.user.load(n.decidedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  decisionId(@Root() n: Lean<AwardNomination>) {
    return n.decision?.id ?? null;
  }

  @FieldResolver(() => AwardDecision, { nullable: true, description: 'Quyết định đã duyệt đề nghị (số, ngày), người đọc được đề nghị đều thấy' })
  decision(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return n.decision ? ctx.loaders.awardDecision.load(n.decision.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Người xem có thể duyệt hoặc không duyệt đề nghị này lúc này' })
  canDecide(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return n.state === NominationState.PROPOSED && can(ctx.viewer, 'award:decide');
  }

  @FieldResolver(() => Boolean, { description: 'Người xem có thể rút đề nghị này lúc này' })
  canWithdraw(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return n.state === NominationState.PROPOSED && can(ctx.viewer, 'award:propose');
  }

  @FieldResolver(() => [AwardNominationEvent], { description: 'Lịch sử' })
  history(@Root() n: Lean<AwardNomination>, @Ctx() ctx: Context) {
    return ctx.loaders.nominationHistory.load(n.id);
  }
}

@Resolver(() => AwardNominationEvent)
export class AwardNominationEventResolver {
  @FieldResolver(() => String, { nullable: true })
  async actorName(@Root() e: Lean<AwardNominationEvent>, @Ctx() ctx: Context) {
    return e.actor ? ((await ctx.loaders.user.load(e.actor.id))?.fullName ?? null) : null;
  }
}

@Resolver(() => AwardDecision)
export class AwardDecisionResolver {
  @Query(() => [AwardDecision], { description: 'Các quyết định khen thưởng của kế hoạch (và kỳ), mới nhất trước' })
  awardDecisions(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('periodEnd', () => LocalDateScalar, { nullable: true }) periodEnd?: string | null,
  ) {
    return ctx.services.awards.decisions(planId, periodEnd);
  }

  @Query(() => AwardDecision)
  awardDecision(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.awards.decision(id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Đường dẫn tải dự thảo quyết định (DOCX)' })
  downloadUrl(@Root() d: Lean<AwardDecision>) {
    return d.storageKey ? `/award-decisions/${d.id}/download` : null;
  }
}

@Resolver(() => AwardEvaluation)
export class AwardEvaluationResolver {
  @FieldResolver(() => ID)
  planId(@Root() e: AwardEvaluation) {
    return e.plan.id;
  }
}

export const AWARD_RESOLVERS = [
  AwardCriteriaResolver, AwardNominationResolver, AwardNominationEventResolver, AwardDecisionResolver, AwardEvaluationResolver,
] as const;
