import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { today } from '../../shared/dates.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { EscalationLevelCounts } from '../escalations/escalation.counts.js';
import { Plan } from '../plans/plan.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { MAX_SERIES_POINTS } from './progress.service.js';

@ObjectType({ description: 'Số liệu tiến độ theo bốn loại: đúng hạn, quá hạn, trong hạn, chưa xong quá hạn' })
export class ProgressFiguresType {
  @Field(() => Int, { description: 'Số phân công được tính (không gồm phân công đã hủy)' })
  total: number;

  @Field(() => Int, { description: 'Hoàn thành đúng hạn' })
  doneOnTime: number;

  @Field(() => Int, { description: 'Hoàn thành quá hạn' })
  doneLate: number;

  @Field(() => Int, { description: 'Chưa hoàn thành, còn trong hạn' })
  notDoneWithinDeadline: number;

  @Field(() => Int, { description: 'Chưa hoàn thành, đã quá hạn' })
  overdue: number;

  @Field(() => Int, { description: 'Số phân công đã đến hạn (hạn trước ngày tính)' })
  comeDue: number;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ hoàn thành trên số đã đến hạn (0–1)' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ chưa hoàn thành quá hạn trên tổng số (0–1)' })
  overdueRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Tiến độ trung bình (0–100)' })
  averageProgress: number | null;
}

@ObjectType()
export class UnitProgress {
  @Field(() => ID)
  unitId: string;

  @Field(() => Unit)
  unit: Lean<Unit>;

  @Field(() => ProgressFiguresType)
  figures: ProgressFiguresType;

  @Field(() => EscalationLevelCounts, { description: 'Phân công của đơn vị đang bị đôn đốc (hiện tại)' })
  openEscalations: EscalationLevelCounts;
}

@ObjectType()
export class TaskProgress {
  @Field(() => ID)
  taskId: string;

  @Field(() => Task)
  task: Lean<Task>;

  @Field(() => ProgressFiguresType)
  figures: ProgressFiguresType;
}

@ObjectType({ description: 'Tiến độ thực hiện kế hoạch tại một ngày' })
export class PlanProgress {
  @Field(() => Plan)
  plan: Lean<Plan>;

  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => ProgressFiguresType)
  overall: ProgressFiguresType;

  @Field(() => EscalationLevelCounts, { description: 'Phân công đang bị đôn đốc (hiện tại, không theo asOf)' })
  openEscalations: EscalationLevelCounts;

  @Field(() => [UnitProgress])
  byUnit: UnitProgress[];

  @Field(() => [TaskProgress], { description: 'Theo nhiệm vụ phần III; nhiệm vụ cha gồm cả nhiệm vụ con' })
  byTask: TaskProgress[];
}

@ObjectType({ description: 'Số liệu tiến độ tại một ngày của chuỗi theo thời gian (như planProgress(asOf) tại ngày đó)' })
export class ProgressSeriesPointType {
  @Field(() => LocalDateScalar)
  day: string;

  @Field(() => Int, { description: 'Số phân công được tính tại ngày đó (không gồm phân công đã hủy trước hoặc trong ngày)' })
  total: number;

  @Field(() => Int)
  doneOnTime: number;

  @Field(() => Int)
  doneLate: number;

  @Field(() => Int)
  notDoneWithinDeadline: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int)
  comeDue: number;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ hoàn thành trên số đã đến hạn (0–1)' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ chưa hoàn thành quá hạn trên tổng số (0–1)' })
  overdueRate: number | null;
}

@Resolver()
export class ProgressResolver {
  @Query(() => [ProgressSeriesPointType], {
    description: `Diễn biến tiến độ của kế hoạch (hoặc của một đơn vị) từ ngày from đến ngày to, cách đều, tối đa ${MAX_SERIES_POINTS} điểm; mỗi điểm bằng planProgress tại ngày đó`,
  })
  planProgressSeries(
    @Arg('planId', () => ID) planId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: Context,
    @Arg('points', () => Int, { defaultValue: 12 }) points: number,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
  ): Promise<ProgressSeriesPointType[]> {
    return ctx.services.progress.planProgressSeries(planId, from, to, points, unitId ?? undefined);
  }

  @Query(() => PlanProgress, { description: 'Số liệu tiến độ của kế hoạch tại ngày asOf (mặc định hôm nay, giờ Việt Nam)' })
  async planProgress(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string,
  ): Promise<PlanProgress> {
    const result = await ctx.services.progress.planProgress(planId, asOf ?? today());
    return {
      ...result,
      byUnit: result.byUnit.map((u) => ({ ...u, unitId: u.unit.id })),
      byTask: result.byTask.map((t) => ({ ...t, taskId: t.task.id })),
    };
  }
}
