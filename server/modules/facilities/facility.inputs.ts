import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
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

@ArgsType()
export class CreateIndicatorValueArgs {
  @Field(() => ID)
  facilityId: string;

  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => Boolean)
  usesDigitalPlatform: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(80, { each: true })
  platforms?: string[];

  @Field(() => Boolean)
  acceptsCashless: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  cashlessTransactions?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  totalTransactions?: number;
}

@ArgsType()
export class UpdateIndicatorValueArgs extends VersionedArgs {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  usesDigitalPlatform?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(80, { each: true })
  platforms?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  acceptsCashless?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  cashlessTransactions?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  totalTransactions?: number;
}
