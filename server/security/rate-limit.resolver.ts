import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';

@ObjectType({ description: 'Hạn mức truy vấn của người gọi trong khung thời gian hiện tại (xem docs/INTEGRATORS.md, mục 6)' })
export class RateLimit {
  @Field(() => Int, { description: 'Số điểm được dùng trong mỗi khung thời gian' })
  limit: number;

  @Field(() => Int, { description: 'Số điểm yêu cầu này đã tốn (tối thiểu 1)' })
  cost: number;

  @Field(() => Int, { description: 'Số điểm đã dùng trong khung hiện tại, kể cả yêu cầu này' })
  used: number;

  @Field(() => Int, { description: 'Số điểm còn lại trong khung hiện tại' })
  remaining: number;

  @Field(() => Date, { description: 'Lúc hạn mức được cấp lại đầy đủ' })
  resetAt: Date;

  @Field(() => Int, { description: 'Độ dài khung thời gian, tính bằng giây' })
  windowSeconds: number;
}

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description: 'Hạn mức truy vấn còn lại của người gọi (người dùng, mã API hoặc địa chỉ chưa đăng nhập), sau khi đã trừ chính truy vấn này',
  })
  rateLimit(@Ctx() ctx: Context): RateLimit | null {
    return ctx.budget ?? null;
  }
}
