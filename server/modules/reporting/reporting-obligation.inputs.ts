import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { ReportPeriod } from './reporting-obligation.entity.js';

@InputType()
export class ReportingObligationFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  reporterId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  recipientId?: string;

  @Field(() => ReportPeriod, { nullable: true })
  @IsOptional()
  period?: ReportPeriod;
}

@ArgsType()
export class CreateReportingObligationArgs {
  @Field(() => ID)
  planId: string;

  @Field(() => ID)
  reporterId: string;

  @Field(() => ID)
  recipientId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  throughId?: string;

  @Field(() => ReportPeriod)
  period: ReportPeriod;

  @Field(() => String)
  @Length(3, 2000)
  subject: string;

  @Field(() => LocalDateScalar)
  dueBefore: string;
}

@ArgsType()
export class UpdateReportingObligationArgs extends VersionedArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  throughId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 2000)
  subject?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueBefore?: string;
}
