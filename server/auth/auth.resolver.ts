import type { CookieOptions } from 'express';
import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { AppConfig } from '../config.js';
import type { Context } from '../context.js';
import { User } from '../modules/users/user.entity.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { clientAddress } from '../modules/audit/audit-log.js';

@ObjectType({ description: 'Kết quả đăng nhập' })
class LoginResult {
  @Field(() => String, { description: 'Mã truy cập dùng trong header Authorization: Bearer <token>' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

/**
 * The session cookie's attributes. Logout clears it with the very same ones: a browser matches a cookie
 * by name, path and domain, and a clearing cookie without HttpOnly, SameSite or Secure is itself a cookie
 * a script could read or a cross-site request could carry until it expires.
 */
function sessionCookie(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' };
}

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'Người dùng đang đăng nhập' })
  me(@Ctx() ctx: Context) {
    return new AuthService(ctx.em, ctx.config.sessionTtlMs).me(ctx.viewer);
  }

  @Mutation(() => LoginResult, { description: 'Đăng nhập; trả về mã truy cập và đặt cookie phiên cho trình duyệt' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const result = await new AuthService(ctx.em, ctx.config.sessionTtlMs).login(username.slice(0, 64), password.slice(0, 256), {
      limiter: ctx.loginLimiter,
      address: clientAddress(ctx.req),
    });
    ctx.res.cookie(SESSION_COOKIE, result.token, { ...sessionCookie(ctx.config), expires: result.expiresAt });
    return result;
  }

  @Mutation(() => Boolean, { description: 'Đăng xuất: kết thúc phiên hiện tại' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.token) await new AuthService(ctx.em, ctx.config.sessionTtlMs, ctx.credentials).logout(ctx.token, ctx.viewer, clientAddress(ctx.req));
    ctx.res.clearCookie(SESSION_COOKIE, sessionCookie(ctx.config));
    return true;
  }
}
