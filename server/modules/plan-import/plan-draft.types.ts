/**
 * The draft's parts as GraphQL reads them: the jsonb content of plan_draft, field for field. Every
 * item read from the text keeps its span, so the review screen shows the words beside the value.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/scalars.js';
import { FacilityLevel } from '../facilities/facility.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Comparator, Sector, TargetMetric } from '../targets/target.entity.js';
import { UnitKind } from '../units/unit.entity.js';

@ObjectType({ description: 'Vị trí trong văn bản (PlanDraft.sourceText): ký tự đầu và ngay sau ký tự cuối' })
export class TextSpan {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType({ description: 'Thông tin chung của kế hoạch trong bản nháp' })
export class DraftPlanHeader {
  @Field(() => String, { description: 'Mã kế hoạch (đề xuất từ cơ quan, số hiệu và năm; không trùng)' })
  code: string;

  @Field(() => String, { nullable: true })
  number: string | null;

  @Field(() => String)
  title: string;

  @Field(() => String)
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true })
  issueDate: string | null;

  @Field(() => String, { nullable: true })
  issuePlaceAndDate: string | null;

  @Field(() => String, { nullable: true })
  signerName: string | null;

  @Field(() => String, { nullable: true })
  signerTitle: string | null;

  @Field(() => LocalDateScalar)
  periodStart: string;

  @Field(() => LocalDateScalar)
  periodEnd: string;

  @Field(() => ID, { nullable: true, description: 'Kế hoạch cấp trên đã có trong hệ thống (khớp theo số hiệu và ngày)' })
  parentPlanId: string | null;

  @Field(() => String, { nullable: true, description: 'Kế hoạch cấp trên như văn bản dẫn' })
  parentReference: string | null;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  assumption: string | null;

  @Field(() => TextSpan, { nullable: true })
  span: TextSpan | null;
}

@ObjectType({ description: 'Mục tiêu trong bản nháp' })
export class DraftTarget {
  @Field(() => ID)
  key: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => Sector, { nullable: true })
  sector: Sector | null;

  @Field(() => TargetMetric, { nullable: true })
  metric: TargetMetric | null;

  @Field(() => Comparator)
  comparator: Comparator;

  @Field(() => Float)
  thresholdPercent: number;

  @Field(() => LocalDateScalar, { nullable: true })
  deadline: string | null;

  @Field(() => [FacilityLevel], { nullable: true, description: 'Cấp/tuyến cơ sở tính vào mục tiêu; trống là mọi cơ sở của lĩnh vực' })
  facilityLevels: FacilityLevel[] | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  notApplicableReason: string | null;

  @Field(() => TextSpan, { nullable: true })
  span: TextSpan | null;
}

@ObjectType({ description: 'Nhiệm vụ trong bản nháp' })
export class DraftTask {
  @Field(() => ID)
  key: string;

  @Field(() => String, { description: 'Số thứ tự như trong văn bản: 1, 1.1, …' })
  number: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Hạn; ngày kết thúc kế hoạch khi văn bản không nêu' })
  dueDate: string | null;

  @Field(() => String, { nullable: true, description: 'Giả định khi nhập liệu: điều văn bản không nói rõ' })
  assumption: string | null;

  @Field(() => TextSpan, { nullable: true })
  span: TextSpan | null;
}

@ObjectType({ description: 'Cơ quan văn bản nêu tên, và đơn vị trong danh mục ứng với nó' })
export class DraftBody {
  @Field(() => ID)
  key: string;

  @Field(() => String, { description: 'Tên như văn bản viết' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị trong danh mục; trống khi chưa khớp' })
  unitId: string | null;

  @Field(() => String, { nullable: true, description: 'Cách khớp: NAME, ABBREVIATION, ALL_COMMUNES, MANUAL' })
  matchedBy: string | null;

  @Field(() => Boolean, { description: 'Mọi xã, thị trấn ("UBND các xã, thị trấn")' })
  allCommunes: boolean;

  @Field(() => Boolean, { description: 'Chưa có trong danh mục: tạo đơn vị mới khi kích hoạt' })
  createUnit: boolean;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị mới (khi createUnit)' })
  unitCode: string | null;

  @Field(() => UnitKind, { nullable: true, description: 'Loại đơn vị mới (khi createUnit)' })
  unitKind: UnitKind | null;

  @Field(() => [String], { description: 'Số các nhiệm vụ chủ trì (với các xã, thị trấn: chủ trì tại các cơ sở của xã)' })
  leads: string[];

  @Field(() => [String], { description: 'Số các nhiệm vụ phối hợp' })
  coordinates: string[];

  @Field(() => String, { nullable: true, description: 'Giả định ghi vào các phân công chủ trì của cơ quan' })
  leadAssumption: string | null;

  @Field(() => TextSpan, { nullable: true })
  span: TextSpan | null;
}

@ObjectType({ description: 'Nghĩa vụ báo cáo trong bản nháp (các cơ quan là khóa trong danh sách cơ quan)' })
export class DraftObligation {
  @Field(() => ID)
  key: string;

  @Field(() => ID)
  reporterKey: string;

  @Field(() => ID, { nullable: true })
  throughKey: string | null;

  @Field(() => ID)
  recipientKey: string;

  @Field(() => ReportPeriod)
  period: ReportPeriod;

  @Field(() => LocalDateScalar)
  dueBefore: string;

  @Field(() => String)
  subject: string;

  @Field(() => TextSpan, { nullable: true })
  span: TextSpan | null;
}

@ObjectType({ description: 'Đoạn văn bản bộ đọc chưa xếp được vào kế hoạch' })
export class DraftUnplaced {
  @Field(() => ID)
  key: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { description: 'Vì sao chưa xếp được' })
  reason: string;

  @Field(() => TextSpan)
  span: TextSpan;

  @Field(() => Boolean, { description: 'Người rà soát đã xem và bỏ qua' })
  dismissed: boolean;
}

@ObjectType({ description: 'Điều còn phải sửa trước khi kích hoạt' })
export class DraftProblem {
  @Field(() => String, { description: 'Vị trí trong bản nháp, ví dụ tasks[2].number' })
  path: string;

  @Field(() => String)
  message: string;
}
