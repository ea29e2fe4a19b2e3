import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

/**
 * The settings to change; a field left out (or null) keeps its value, except `coordinatorUnitId`,
 * where null means "no office of its own: every COORDINATOR". The service checks the whole result,
 * naming the offending field in `extensions.argument`.
 */
@InputType({ description: 'Thay đổi cấu hình nhắc việc và đôn đốc; trường bỏ trống giữ nguyên giá trị' })
export class EscalationPolicyInput {
  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => [Int], { nullable: true, description: 'Tối đa 6 mốc, mỗi mốc 0–30 ngày làm việc trước hạn, không trùng nhau' })
  reminderDays?: number[] | null;

  @Field(() => Int, { nullable: true })
  level1After?: number | null;

  @Field(() => Int, { nullable: true })
  level2After?: number | null;

  @Field(() => Int, { nullable: true })
  level3After?: number | null;

  @Field(() => Int, { nullable: true })
  repeatEvery?: number | null;

  @Field(() => Int, { nullable: true })
  reviewAfter?: number | null;

  @Field(() => Int, { nullable: true })
  reviewLeaderAfter?: number | null;

  @Field(() => Boolean, { nullable: true })
  autoLetter?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Cơ quan điều phối nhận cấp 2; null: mọi cán bộ điều phối' })
  coordinatorUnitId?: string | null;
}

@ArgsType()
export class UpdateEscalationPolicyArgs {
  @Field(() => ID)
  planId: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc (0 khi kế hoạch đang dùng cấu hình mặc định); phiên bản cũ bị từ chối với mã CONFLICT' })
  version: number;

  @Field(() => EscalationPolicyInput)
  input: EscalationPolicyInput;
}
