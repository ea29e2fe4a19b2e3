import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { FacilityLevel } from '../facilities/facility.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Comparator, Sector, TargetMetric } from '../targets/target.entity.js';
import { UnitKind } from '../units/unit.entity.js';
import { PlanDraftState } from './plan-draft.entity.js';

/** A plan has some ten tasks and targets and a few dozen bodies; these bounds are far beyond any plan. */
export const MAX_ITEMS = { targets: 100, tasks: 300, bodies: 200, obligations: 1000, unplaced: 1000 } as const;
const KEY = 40;
const LONG_TEXT = 20_000;

@InputType()
export class PlanDraftFilter extends BaseFilter {
  @Field(() => PlanDraftState, { nullable: true })
  @IsOptional()
  state?: PlanDraftState;
}

@InputType({ description: 'Thông tin chung của kế hoạch' })
export class DraftPlanHeaderInput {
  @Field(() => String)
  @MaxLength(80)
  code: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  number?: string | null;

  @Field(() => String)
  @MaxLength(2000)
  title: string;

  @Field(() => String)
  @MaxLength(255)
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  issueDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  issuePlaceAndDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerTitle?: string | null;

  @Field(() => LocalDateScalar)
  periodStart: string;

  @Field(() => LocalDateScalar)
  periodEnd: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentPlanId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  parentReference?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  assumption?: string | null;
}

@InputType({ description: 'Mục tiêu; key trống với mục mới' })
export class DraftTargetInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(KEY)
  key?: string | null;

  @Field(() => String)
  @MaxLength(20)
  code: string;

  @Field(() => String)
  @MaxLength(2000)
  title: string;

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  sector?: Sector | null;

  @Field(() => TargetMetric, { nullable: true })
  @IsOptional()
  metric?: TargetMetric | null;

  @Field(() => Comparator)
  comparator: Comparator;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  thresholdPercent: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  deadline?: string | null;

  @Field(() => [FacilityLevel], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  facilityLevels?: FacilityLevel[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  note?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  notApplicableReason?: string | null;
}

@InputType({ description: 'Nhiệm vụ; key trống với mục mới' })
export class DraftTaskInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(KEY)
  key?: string | null;

  @Field(() => String)
  @MaxLength(20)
  number: string;

  @Field(() => String)
  @MaxLength(2000)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  description?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  assumption?: string | null;
}

@InputType({ description: 'Cơ quan; key trống với cơ quan mới' })
export class DraftBodyInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(KEY)
  key?: string | null;

  @Field(() => String)
  @MaxLength(255)
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  allCommunes?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  createUnit?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  unitCode?: string | null;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  unitKind?: UnitKind | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS.tasks)
  @MaxLength(20, { each: true })
  leads?: string[] | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS.tasks)
  @MaxLength(20, { each: true })
  coordinates?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LONG_TEXT)
  leadAssumption?: string | null;
}

@InputType({ description: 'Nghĩa vụ báo cáo; các cơ quan là key trong danh sách cơ quan gửi cùng' })
export class DraftObligationInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(KEY)
  key?: string | null;

  @Field(() => ID)
  @MaxLength(KEY)
  reporterKey: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(KEY)
  throughKey?: string | null;

  @Field(() => ID)
  @MaxLength(KEY)
  recipientKey: string;

  @Field(() => ReportPeriod)
  period: ReportPeriod;

  @Field(() => LocalDateScalar)
  dueBefore: string;

  @Field(() => String)
  @MaxLength(LONG_TEXT)
  subject: string;
}

/** The whole editable content: react-admin's edit form sends every part back. */
@ArgsType()
export class UpdatePlanDraftArgs extends VersionedArgs {
  @Field(() => DraftPlanHeaderInput)
  @ValidateNested()
  header: DraftPlanHeaderInput;

  @Field(() => [DraftTargetInput])
  @ArrayMaxSize(MAX_ITEMS.targets)
  @ValidateNested({ each: true })
  targets: DraftTargetInput[];

  @Field(() => [DraftTaskInput])
  @ArrayMaxSize(MAX_ITEMS.tasks)
  @ValidateNested({ each: true })
  tasks: DraftTaskInput[];

  @Field(() => [DraftBodyInput])
  @ArrayMaxSize(MAX_ITEMS.bodies)
  @ValidateNested({ each: true })
  bodies: DraftBodyInput[];

  @Field(() => [DraftObligationInput])
  @ArrayMaxSize(MAX_ITEMS.obligations)
  @ValidateNested({ each: true })
  obligations: DraftObligationInput[];

  @Field(() => [ID], { nullable: true, description: 'Các đoạn chưa xếp được mà người rà soát bỏ qua; trống: giữ như cũ' })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS.unplaced)
  dismissedUnplaced?: string[] | null;
}
