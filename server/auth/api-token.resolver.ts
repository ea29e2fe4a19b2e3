import { IsOptional, Length } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from './requires.js';
import type { Context } from '../context.js';
import { Unit } from '../modules/units/unit.entity.js';
import { BaseFilter, createResourceResolver } from '../shared/resource.resolver.js';
import { ApiToken, ApiTokenScope } from './api-token.entity.js';
import { API_TOKEN_SPEC, ApiTokenService } from './api-token.service.js';
import { clientAddress } from '../modules/audit/audit-log.js';

@InputType()
export class ApiTokenFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => ApiTokenScope, { nullable: true })
  @IsOptional()
  scope?: ApiTokenScope;
}

@ArgsType()
export class CreateApiTokenArgs {
  @Field(() => String, { description: 'Tên hệ thống tích hợp, ví dụ "Cổng dữ liệu tỉnh"' })
  @Length(2, 120)
  name: string;

  @Field(() => ID, { description: 'Đơn vị mà mã truy cập đại diện' })
  unitId: string;

  @Field(() => ApiTokenScope)
  scope: ApiTokenScope;

  @Field(() => Date, { nullable: true, description: 'Hết hạn lúc (mặc định sau 90 ngày)' })
  @IsOptional()
  expiresAt?: Date | null;
}

function tokens(ctx: Context): ApiTokenService {
  return new ApiTokenService(ctx.em, ctx.viewer, ctx.config.limits.apiTokenMaxDays, clientAddress(ctx.req), ctx.credentials);
}

export const ApiTokenResourceResolver = createResourceResolver({
  type: ApiToken,
  name: 'ApiToken',
  plural: 'ApiTokens',
  connectionField: 'apiTokens',
  filter: ApiTokenFilter,
  sortable: API_TOKEN_SPEC.sortable,
  service: tokens,
});

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Mutation(() => ApiToken, { description: 'Cấp mã truy cập API (chỉ ADMIN). Mã bí mật (secret) chỉ trả về một lần, ngay tại đây.' })
  @UseMiddleware(requires('security:manage'))
  createApiToken(@Args(() => CreateApiTokenArgs) args: CreateApiTokenArgs, @Ctx() ctx: Context) {
    return tokens(ctx).create({ ...args });
  }

  @Mutation(() => ApiToken, { description: 'Thu hồi mã truy cập API (chỉ ADMIN); có hiệu lực từ yêu cầu kế tiếp' })
  @UseMiddleware(requires('security:manage'))
  deleteApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return tokens(ctx).delete(id);
  }

  @FieldResolver(() => ID)
  unitId(@Root() token: ApiToken) {
    return token.unit.id;
  }

  @FieldResolver(() => Unit)
  unit(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(token.unit.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Người cấp' })
  async createdByUsername(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return (await ctx.loaders.user.load(token.createdBy.id))?.username ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Còn dùng được: chưa thu hồi, chưa hết hạn' })
  active(@Root() token: ApiToken) {
    return !token.revokedAt && token.expiresAt.getTime() > Date.now();
  }
}
