import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter } from '../../shared/resource.resolver.js';
import { AuditAction } from './audit-event.entity.js';

@InputType()
export class AuditEventFilter extends BaseFilter {
  @Field(() => [AuditAction], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  action?: AuditAction[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  subjectUserId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  subjectTokenId?: string;

  @Field(() => Date, { nullable: true, description: 'Từ thời điểm (bao gồm)' })
  @IsOptional()
  after?: Date;

  @Field(() => Date, { nullable: true, description: 'Trước thời điểm' })
  @IsOptional()
  before?: Date;
}
