import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { CalendarDayKind } from './working-days.js';

@InputType()
export class CalendarDayFilter extends BaseFilter {
  @Field(() => Int, { nullable: true, description: 'Chỉ các ngày của năm này' })
  @IsOptional()
  year?: number;

  @Field(() => [CalendarDayKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  kind?: CalendarDayKind[];
}

@ArgsType()
export class CreateCalendarDayArgs {
  @Field(() => LocalDateScalar)
  day: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String)
  @Length(2, 255)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  source?: string | null;
}

@ArgsType()
export class UpdateCalendarDayArgs extends VersionedArgs {
  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  day?: string;

  @Field(() => CalendarDayKind, { nullable: true })
  @IsOptional()
  kind?: CalendarDayKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Để trống (null) để xóa căn cứ' })
  @IsOptional()
  @MaxLength(255)
  source?: string | null;
}
