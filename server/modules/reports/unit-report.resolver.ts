import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { can } from '../../auth/policy.js';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import { today } from '../../shared/dates.js';
import type { Lean } from '../../shared/lean.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import type { ResourceOperations } from '../../shared/resource.service.js';
import { DeadlineClass } from '../assignments/deadline.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { canApply, periodLabel, reportDeadlineClass, submittedLate } from './report-workflow.js';
import { UnitReport, UnitReportAction, UnitReportEvent, UnitReportState } from './unit-report.entity.js';
import { ReviewUnitReportArgs, SaveUnitReportArgs, UnitReportFiguresType, UnitReportFilter } from './unit-report.inputs.js';
import { UNIT_REPORT_SORTABLE, type UnitReportRow } from './unit-report.service.js';

export const UnitReportResourceResolver = createResourceResolver({
  type: UnitReport,
  name: 'UnitReport',
  plural: 'UnitReports',
  connectionField: 'unitReports',
  filter: UnitReportFilter,
  sortable: UNIT_REPORT_SORTABLE,
  // Rows carry their obligation's period and due day beside the entity's columns.
  service: (ctx) => ctx.services.unitReports as unknown as ResourceOperations<UnitReport>,
});

@Resolver(() => UnitReport)
export class UnitReportResolver {
  @Mutation(() => UnitReport, { description: 'Lưu nội dung báo cáo của đơn vị (đơn vị báo cáo; khi chưa gửi hoặc bị trả lại)' })
  @UseMiddleware(requires('report:write'))
  saveUnitReport(@Args(() => SaveUnitReportArgs) args: SaveUnitReportArgs, @Ctx() ctx: Context) {
    const { id, version, ...sections } = args;
    return ctx.services.unitReports.save(id, version, sections);
  }

  @Mutation(() => UnitReport, { description: 'Gửi báo cáo lên đơn vị tổng hợp; số liệu được chốt tại thời điểm gửi' })
  @UseMiddleware(requires('report:write'))
  submitUnitReport(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.unitReports.submit(id, version);
  }

  @Mutation(() => UnitReport, { description: 'Trả lại báo cáo kèm ý kiến (đơn vị tổng hợp)' })
  @UseMiddleware(requires('report:review'))
  returnUnitReport(@Args(() => ReviewUnitReportArgs) args: ReviewUnitReportArgs, @Ctx() ctx: Context) {
    return ctx.services.unitReports.returnReport(args.id, args.version, args.comment ?? '');
  }

  @Mutation(() => UnitReport, { description: 'Tiếp nhận báo cáo (đơn vị tổng hợp)' })
  @UseMiddleware(requires('report:review'))
  acceptUnitReport(@Args(() => ReviewUnitReportArgs) args: ReviewUnitReportArgs, @Ctx() ctx: Context) {
    return ctx.services.unitReports.accept(args.id, args.version, args.comment);
  }

  @FieldResolver(() => ID)
  planId(@Root() r: UnitReportRow) {
    return r.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(r.plan.id);
  }

  @FieldResolver(() => ID)
  unitId(@Root() r: UnitReportRow) {
    return r.unit.id;
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị báo cáo' })
  unit(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(r.unit.id);
  }

  @FieldResolver(() => ID)
  obligationId(@Root() r: UnitReportRow) {
    return r.obligation.id;
  }

  @FieldResolver(() => ReportPeriod)
  period(@Root() r: UnitReportRow) {
    return r.period;
  }

  @FieldResolver(() => String, { description: 'Tên kỳ, ví dụ "6 tháng đầu năm 2022"' })
  periodLabel(@Root() r: UnitReportRow) {
    return periodLabel(r.period, r.dueBefore);
  }

  @FieldResolver(() => LocalDateScalar, { description: 'Hạn: gửi trước ngày này' })
  dueBefore(@Root() r: UnitReportRow) {
    return r.dueBefore;
  }

  @FieldResolver(() => String, { description: 'Trích yếu báo cáo' })
  subject(@Root() r: UnitReportRow) {
    return r.subject;
  }

  @FieldResolver(() => ID)
  reviewingUnitId(@Root() r: UnitReportRow) {
    return r.reviewingUnitId;
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị tổng hợp: tiếp nhận hoặc trả lại báo cáo' })
  reviewingUnit(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(r.reviewingUnitId);
  }

  @FieldResolver(() => UnitReportFiguresType, {
    description: 'Số liệu của báo cáo: chốt tại lần gửi gần nhất; khi đang soạn, tính theo số liệu hôm nay',
  })
  figures(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return ctx.services.unitReports.figures(r);
  }

  @FieldResolver(() => Boolean, { description: 'Số liệu đã chốt (báo cáo đã gửi hoặc đã tiếp nhận)' })
  figuresFrozen(@Root() r: UnitReportRow) {
    return !!r.frozenFigures && (r.state === UnitReportState.SUBMITTED || r.state === UnitReportState.ACCEPTED);
  }

  @FieldResolver(() => DeadlineClass, { description: 'Loại theo hạn tại ngày asOf (mặc định hôm nay): xong khi đã tiếp nhận' })
  deadlineClass(@Root() r: UnitReportRow, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string) {
    return reportDeadlineClass(r, asOf ?? today());
  }

  @FieldResolver(() => Boolean, { description: 'Lần gửi gần nhất vào hoặc sau ngày hạn' })
  submittedLate(@Root() r: UnitReportRow) {
    return submittedLate(r.submittedAt, r.dueBefore);
  }

  @FieldResolver(() => String, { nullable: true })
  async submittedByName(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return r.submittedBy ? ((await ctx.loaders.user.load(r.submittedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async reviewedByName(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return r.reviewedBy ? ((await ctx.loaders.user.load(r.reviewedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Người xem có thể sửa và gửi báo cáo lúc này' })
  canEdit(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return canApply(UnitReportAction.SUBMIT, r.state) && can(ctx.viewer, 'report:write', { unitId: r.unit.id });
  }

  @FieldResolver(() => Boolean, { description: 'Người xem có thể tiếp nhận hoặc trả lại báo cáo lúc này' })
  canReview(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return canApply(UnitReportAction.ACCEPT, r.state) && can(ctx.viewer, 'report:review', { unitId: r.reviewingUnitId });
  }

  @FieldResolver(() => [UnitReportEvent], { description: 'Lịch sử: lưu, gửi, trả lại, tiếp nhận' })
  history(@Root() r: UnitReportRow, @Ctx() ctx: Context) {
    return ctx.loaders.unitReportHistory.load(r.id);
  }
}

@Resolver(() => UnitReportEvent)
export class UnitReportEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người thực hiện' })
  async actorName(@Root() e: Lean<UnitReportEvent>, @Ctx() ctx: Context) {
    return e.actor ? ((await ctx.loaders.user.load(e.actor.id))?.fullName ?? null) : null;
  }
}
