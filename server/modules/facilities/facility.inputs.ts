import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar, VndScalar } from '../../shared/scalars.js';
import { CashlessChannel, DigitalPlatform } from './indicator-value.entity.js';
import { FacilityLevel, FacilitySector } from './facility.entity.js';

@InputType()
export class FacilityFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  communeId?: string;

  @Field(() => FacilitySector, { nullable: true })
  @IsOptional()
  sector?: FacilitySector;

  @Field(() => FacilityLevel, { nullable: true })
  @IsOptional()
  level?: FacilityLevel;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  isDemo?: boolean;
}

@ArgsType()
export class CreateFacilityArgs {
  @Field(() => String)
  @Matches(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, { message: 'Mã cơ sở chỉ gồm chữ in hoa không dấu, số và dấu gạch ngang' })
  @Length(2, 60)
  code: string;

  @Field(() => String)
  @Length(2, 255)
  name: string;

  @Field(() => ID)
  communeId: string;

  @Field(() => FacilitySector)
  sector: FacilitySector;

  @Field(() => FacilityLevel)
  level: FacilityLevel;
}

@ArgsType()
export class UpdateFacilityArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  communeId?: string;

  @Field(() => FacilityLevel, { nullable: true })
  @IsOptional()
  level?: FacilityLevel;
}

@InputType()
export class IndicatorValueFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  facilityId?: string;
}

/** One period's figures for a facility, as a commune officer enters them. */
@InputType()
export class IndicatorFiguresInput {
  @Field(() => LocalDateScalar, { description: 'Đầu kỳ báo cáo' })
  periodStart: string;

  @Field(() => LocalDateScalar, { description: 'Cuối kỳ báo cáo; số liệu được chốt tại ngày này' })
  periodEnd: string;

  @Field(() => [DigitalPlatform], { description: 'Các loại nền tảng số đang dùng (để trống nếu không dùng)' })
  @ArrayMaxSize(20)
  digitalPlatforms: DigitalPlatform[];

  @Field(() => [CashlessChannel], { description: 'Các kênh thanh toán không dùng tiền mặt (để trống nếu không nhận)' })
  @ArrayMaxSize(10)
  cashlessChannels: CashlessChannel[];

  @Field(() => Int)
  @Min(0)
  @Max(100_000_000)
  cashlessTransactions: number;

  @Field(() => Int)
  @Min(0)
  @Max(100_000_000)
  totalTransactions: number;

  @Field(() => VndScalar)
  cashlessAmount: number;

  @Field(() => VndScalar)
  totalAmount: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  focalPersonName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 .]{8,20}$/, { message: 'Số điện thoại chỉ gồm chữ số (8–15 số), có thể có dấu + ở đầu' })
  focalPersonPhone?: string | null;
}
