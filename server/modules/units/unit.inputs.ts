import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { UnitKind } from './unit.entity.js';

@InputType()
export class UnitFilter extends BaseFilter {
  @Field(() => [UnitKind], { nullable: true })
  @IsOptional()
  kind?: UnitKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;
}

@ArgsType()
export class CreateUnitArgs {
  @Field(() => String, { description: 'Mã viết hoa, ví dụ XA-HABAC' })
  @Matches(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, { message: 'Mã đơn vị chỉ gồm chữ in hoa không dấu, số và dấu gạch ngang' })
  @Length(2, 40)
  code: string;

  @Field(() => String)
  @Length(2, 255)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  shortName?: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  reportsThroughId?: string;
}

@ArgsType()
export class UpdateUnitArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  shortName?: string;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  kind?: UnitKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  reportsThroughId?: string;
}
