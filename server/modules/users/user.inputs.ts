import { IsOptional, Length, Matches } from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy.js';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, VersionedArgs } from '../../shared/resource.resolver.js';
import { Role } from './user.entity.js';

@InputType()
export class UserFilter extends BaseFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

@ArgsType()
export class CreateUserArgs {
  @Field(() => String)
  @Matches(USERNAME, { message: 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch (2–64 ký tự)' })
  username: string;

  @Field(() => String)
  @Length(2, 255)
  fullName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID)
  unitId: string;

  @Field(() => String, {
    description: 'Mật khẩu, 8–128 ký tự, khó đoán: không chứa tên đăng nhập hay họ tên, không phải mật khẩu phổ biến; nên là một cụm từ dài',
  })
  @IsAcceptablePassword()
  password: string;
}

@ArgsType()
export class UpdateUserArgs extends VersionedArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 255)
  fullName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Đặt mật khẩu mới, theo cùng quy tắc như khi tạo tài khoản' })
  @IsOptional()
  @IsAcceptablePassword()
  password?: string;
}
