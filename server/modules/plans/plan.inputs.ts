import { IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { PlanStatus } from './plan.entity.js';

@InputType()
export class PlanFilter extends BaseFilter {
  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  status?: PlanStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;
}

@ArgsType()
export class CreatePlanArgs {
  @Field(() => String)
  @Length(2, 80)
  code: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  number?: string;

  @Field(() => String)
  @Length(3, 2000)
  title: string;

  @Field(() => String)
  @Length(2, 255)
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  issueDate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerTitle?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  periodStart?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  periodEnd?: string;

  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  status?: PlanStatus;
}

@ArgsType()
export class UpdatePlanArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  number?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 2000)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  issuingBody?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  issueDate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  signerTitle?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  periodStart?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  periodEnd?: string;

  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  status?: PlanStatus;
}
