import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Comparator, Sector, TargetMetric } from './target.entity.js';
import { FacilityLevel } from '../facilities/facility.entity.js';

@InputType()
export class TargetFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  sector?: Sector;
}

@ArgsType()
export class CreateTargetArgs {
  @Field(() => ID)
  planId: string;

  @Field(() => String)
  @Length(1, 20)
  code: string;

  @Field(() => String)
  @Length(3, 2000)
  title: string;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => TargetMetric)
  metric: TargetMetric;

  @Field(() => Comparator)
  comparator: Comparator;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  thresholdPercent: number;

  @Field(() => LocalDateScalar)
  deadline: string;

  @Field(() => [FacilityLevel], { nullable: true, description: 'Cấp/tuyến cơ sở tính vào mục tiêu; trống là mọi cơ sở của lĩnh vực' })
  @IsOptional()
  facilityLevels?: FacilityLevel[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notApplicableReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class UpdateTargetArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 2000)
  title?: string;

  @Field(() => Comparator, { nullable: true })
  @IsOptional()
  comparator?: Comparator;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  thresholdPercent?: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  deadline?: string;

  @Field(() => [FacilityLevel], { nullable: true, description: 'Cấp/tuyến cơ sở tính vào mục tiêu; trống là mọi cơ sở của lĩnh vực' })
  @IsOptional()
  facilityLevels?: FacilityLevel[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notApplicableReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
