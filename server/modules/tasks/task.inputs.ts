import { IsBoolean, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';

const TASK_NUMBER = /^\d{1,2}(\.\d{1,2})?$/;

@InputType()
export class TaskFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  planId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;
}

@ArgsType()
export class CreateTaskArgs {
  @Field(() => ID)
  planId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => String, { description: 'Số thứ tự, ví dụ "1" hoặc "1.2"' })
  @Matches(TASK_NUMBER, { message: 'Số thứ tự nhiệm vụ có dạng 1 hoặc 1.2' })
  number: string;

  @Field(() => String)
  @Length(3, 2000)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueDate?: string;

  @Field(() => Boolean, { nullable: true, description: 'Bắt buộc có minh chứng trước khi gửi kết quả (mặc định: có)' })
  @IsOptional()
  @IsBoolean()
  requiresEvidence?: boolean;
}

@ArgsType()
export class UpdateTaskArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 2000)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  dueDate?: string;

  @Field(() => Boolean, { nullable: true, description: 'Bắt buộc có minh chứng trước khi gửi kết quả (mặc định: có)' })
  @IsOptional()
  @IsBoolean()
  requiresEvidence?: boolean;
}
