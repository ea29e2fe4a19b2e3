import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { DeadlineClass } from '../assignments/deadline.js';
import { ProgressFiguresType } from '../assignments/progress.resolver.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { TargetStatus } from '../targets/target-status.js';
import { UnitReportState } from './unit-report.entity.js';
import { MAX_SECTION_LENGTH } from './unit-report.service.js';

@InputType()
export class UnitReportFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị báo cáo' })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị tổng hợp (báo cáo gửi qua)' })
  @IsOptional()
  reviewingUnitId?: string;

  @Field(() => ReportPeriod, { nullable: true })
  @IsOptional()
  period?: ReportPeriod;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueBefore?: string;

  @Field(() => [UnitReportState], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  state?: UnitReportState[];

  @Field(() => DeadlineClass, { nullable: true, description: 'Loại theo hạn tại ngày asOf (mặc định hôm nay)' })
  @IsOptional()
  deadlineClass?: DeadlineClass;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class SaveUnitReportArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Kết quả thực hiện; bỏ qua để giữ nguyên, chuỗi rỗng để xóa' })
  @IsOptional()
  @MaxLength(MAX_SECTION_LENGTH)
  results?: string | null;

  @Field(() => String, { nullable: true, description: 'Khó khăn, vướng mắc' })
  @IsOptional()
  @MaxLength(MAX_SECTION_LENGTH)
  difficulties?: string | null;

  @Field(() => String, { nullable: true, description: 'Đề xuất, kiến nghị' })
  @IsOptional()
  @MaxLength(MAX_SECTION_LENGTH)
  proposals?: string | null;
}

@ArgsType()
export class ReviewUnitReportArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'Ý kiến; bắt buộc khi trả lại' })
  @IsOptional()
  @MaxLength(4000)
  comment?: string | null;
}

@ObjectType({ description: 'Nhiệm vụ chậm hạn nêu trong báo cáo' })
export class ReportOverdueItem {
  @Field(() => String)
  taskCode: string;

  @Field(() => String)
  taskTitle: string;

  @Field(() => LocalDateScalar)
  dueDate: string;

  @Field(() => String)
  status: string;

  @Field(() => Int)
  progress: number;
}

@ObjectType({ description: 'Giá trị một mục tiêu trên địa bàn của đơn vị' })
export class ReportTargetValue {
  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => Float)
  thresholdPercent: number;

  @Field(() => Float, { nullable: true })
  valuePercent: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => TargetStatus)
  status: TargetStatus;
}

@ObjectType({ description: 'Số cơ sở của xã và số cơ sở đã báo cáo số liệu' })
export class ReportFacilityCount {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  reported: number;
}

@ObjectType({ description: 'Số liệu của báo cáo đơn vị: chốt khi gửi, trước đó tính theo số liệu hiện tại' })
export class UnitReportFiguresType {
  @Field(() => LocalDateScalar, { description: 'Số liệu tính đến ngày' })
  asOf: string;

  @Field(() => ProgressFiguresType, { description: 'Phân công của đơn vị theo bốn loại' })
  assignments: ProgressFiguresType;

  @Field(() => [ReportOverdueItem], { description: 'Nhiệm vụ chưa hoàn thành quá hạn (tối đa 50)' })
  overdue: ReportOverdueItem[];

  @Field(() => Int, { description: 'Số tài liệu minh chứng đã đính kèm' })
  evidenceCount: number;

  @Field(() => [ReportTargetValue])
  targets: ReportTargetValue[];

  @Field(() => ReportFacilityCount, { nullable: true, description: 'Chỉ với xã, thị trấn' })
  facilities: ReportFacilityCount | null;
}
