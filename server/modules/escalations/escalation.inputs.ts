import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/resource.resolver.js';
import { EscalationKind, EscalationState } from './escalation.entity.js';

@InputType()
export class EscalationFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  assignmentId?: string;

  @Field(() => EscalationState, { nullable: true })
  @IsOptional()
  state?: EscalationState;

  @Field(() => EscalationKind, { nullable: true })
  @IsOptional()
  kind?: EscalationKind;

  @Field(() => [Int], { nullable: true, description: 'Cấp 1, 2, 3' })
  @IsOptional()
  @ArrayMaxSize(3)
  level?: number[];
}
