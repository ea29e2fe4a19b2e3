import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { PlanProgress, ProgressFiguresType } from '../assignments/progress.resolver.js';
import type { PlanProgressResult } from '../assignments/progress.service.js';
import { authorize, can } from '../../auth/policy.js';
import { requires } from '../../auth/requires.js';
import { reportFigures } from './report-progress.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { CompiledReport, CompiledReportState } from './compiled-report.entity.js';
import type { ReportingPeriodRow } from './compiled-report.service.js';
import { periodLabel } from './report-workflow.js';

@ObjectType({ description: 'Một kỳ báo cáo của kế hoạch và tình hình báo cáo của các đơn vị' })
export class ReportingPeriod {
  @Field(() => ID)
  planId: string;

  @Field(() => ReportPeriod)
  period: ReportPeriod;

  @Field(() => LocalDateScalar, { description: 'Hạn: gửi trước ngày này' })
  dueBefore: string;

  @Field(() => String, { description: 'Tên kỳ, ví dụ "6 tháng đầu năm 2022"' })
  label: string;

  @Field(() => ID, { description: 'Đơn vị tổng hợp' })
  reviewingUnitId: string;

  @Field(() => Int, { description: 'Số đơn vị phải báo cáo' })
  total: number;

  @Field(() => Int)
  notStarted: number;

  @Field(() => Int)
  draft: number;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int)
  returned: number;

  @Field(() => Int)
  accepted: number;

  @Field(() => Int, { description: 'Chưa được tiếp nhận mà đã đến hoặc quá ngày hạn (tính đến hôm nay)' })
  overdue: number;
}

@Resolver(() => ReportingPeriod)
export class ReportingPeriodResolver {
  @Query(() => [ReportingPeriod], { description: 'Các kỳ báo cáo của kế hoạch (báo cáo gửi qua đơn vị tổng hợp)' })
  reportingPeriods(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return ctx.services.compiledReports.periods(planId);
  }

  @FieldResolver(() => Unit)
  reviewingUnit(@Root() p: ReportingPeriodRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(p.reviewingUnitId);
  }

  @FieldResolver(() => Boolean, { description: 'Người xem có thể tổng hợp kỳ này (cán bộ điều phối, trưởng đơn vị tổng hợp, ADMIN)' })
  canCompile(@Root() p: ReportingPeriodRow, @Ctx() ctx: Context) {
    return can(ctx.viewer, 'report:compile', { unitId: p.reviewingUnitId });
  }

  @FieldResolver(() => [CompiledReport], { description: 'Các lần tổng hợp của kỳ, mới nhất trước' })
  compilations(@Root() p: ReportingPeriodRow, @Ctx() ctx: Context) {
    return ctx.services.compiledReports.list(p.planId, p.period, p.dueBefore);
  }
}

@Resolver(() => CompiledReport)
export class CompiledReportResolver {
  @Mutation(() => CompiledReport, {
    description:
      'Tổng hợp báo cáo của một kỳ (đơn vị tổng hợp): số liệu được chốt và văn bản DOCX, phụ lục XLSX được soạn trong giây lát ' +
      '(PENDING → READY). Mỗi lần tổng hợp là một bản mới; bản cũ giữ nguyên.',
  })
  @UseMiddleware(requires('report:compile'))
  compileReport(
    @Arg('planId', () => ID) planId: string,
    @Arg('period', () => ReportPeriod) period: ReportPeriod,
    @Arg('dueBefore', () => LocalDateScalar) dueBefore: string,
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID, { nullable: true, description: 'Đơn vị tổng hợp, khi kỳ có nhiều đơn vị tổng hợp' }) unitId?: string | null,
  ) {
    return ctx.services.compiledReports.compile(planId, period, dueBefore, unitId);
  }

  @Query(() => [CompiledReport], { description: 'Các lần tổng hợp báo cáo của kế hoạch, mới nhất trước' })
  compiledReports(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('period', () => ReportPeriod, { nullable: true }) period?: ReportPeriod | null,
    @Arg('dueBefore', () => LocalDateScalar, { nullable: true }) dueBefore?: string | null,
  ) {
    return ctx.services.compiledReports.list(planId, period, dueBefore);
  }

  @Query(() => CompiledReport, { description: 'Một lần tổng hợp báo cáo' })
  compiledReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.compiledReports.get(id);
  }

  @FieldResolver(() => ID)
  planId(@Root() r: Lean<CompiledReport>) {
    return r.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() r: Lean<CompiledReport>, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(r.plan.id);
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị tổng hợp' })
  unit(@Root() r: Lean<CompiledReport>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(r.unit.id);
  }

  @FieldResolver(() => String, { description: 'Tên kỳ, ví dụ "6 tháng đầu năm 2022"' })
  periodLabel(@Root() r: Lean<CompiledReport>) {
    return periodLabel(r.period, r.dueBefore);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người tổng hợp' })
  async requestedByName(@Root() r: Lean<CompiledReport>, @Ctx() ctx: Context) {
    return r.requestedBy ? ((await ctx.loaders.user.load(r.requestedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Đường dẫn tải báo cáo DOCX khi đã soạn xong (READY)' })
  docxUrl(@Root() r: Lean<CompiledReport>) {
    return r.state === CompiledReportState.READY ? `/compiled-reports/${r.id}/report.docx` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Đường dẫn tải phụ lục số liệu XLSX khi đã soạn xong (READY)' })
  xlsxUrl(@Root() r: Lean<CompiledReport>) {
    return r.state === CompiledReportState.READY ? `/compiled-reports/${r.id}/appendix.xlsx` : null;
  }
}

@Resolver(() => PlanProgress)
export class PlanProgressReportsResolver {
  @FieldResolver(() => ProgressFiguresType, {
    description: 'Báo cáo định kỳ của các đơn vị theo bốn loại tại ngày tính: xong khi đã được tiếp nhận',
  })
  reports(@Root() p: PlanProgressResult, @Ctx() ctx: Context) {
    authorize(ctx.viewer, 'plan:read');
    return reportFigures(ctx.em, p.plan.id, p.asOf);
  }
}
