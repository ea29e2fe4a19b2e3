import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { UrgingLetter, UrgingLetterState } from './urging-letter.entity.js';
import { MAX_LETTERS } from './urging-letter.service.js';

@Resolver(() => UrgingLetter)
export class UrgingLetterResolver {
  @Mutation(() => UrgingLetter, {
    description:
      'Đôn đốc một đơn vị bằng văn bản về các nhiệm vụ chậm hạn của đơn vị trong kế hoạch (lãnh đạo, Phòng Văn hóa và Thông tin). ' +
      'Văn bản được soạn trong giây lát (trạng thái PENDING → READY); BAD_USER_INPUT nếu đơn vị không có nhiệm vụ chậm hạn.',
  })
  @UseMiddleware(requires('escalation:urge'))
  urgeUnit(@Arg('planId', () => ID) planId: string, @Arg('unitId', () => ID) unitId: string, @Ctx() ctx: Context) {
    return ctx.services.letters.urge(planId, unitId);
  }

  @Query(() => [UrgingLetter], {
    description: 'Văn bản đôn đốc của kế hoạch, mới nhất trước; người của đơn vị chỉ thấy văn bản gửi đơn vị mình',
  })
  urgingLetters(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `Tối đa ${MAX_LETTERS}` }) first?: number,
  ) {
    return ctx.services.letters.list(planId, unitId, first);
  }

  @Query(() => UrgingLetter, { description: 'Một văn bản đôn đốc' })
  urgingLetter(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.letters.get(id);
  }

  @FieldResolver(() => ID)
  planId(@Root() l: UrgingLetter) {
    return l.plan.id;
  }

  @FieldResolver(() => Plan)
  plan(@Root() l: UrgingLetter, @Ctx() ctx: Context) {
    return ctx.loaders.plan.load(l.plan.id);
  }

  @FieldResolver(() => ID)
  unitId(@Root() l: UrgingLetter) {
    return l.unit.id;
  }

  @FieldResolver(() => Unit, { description: 'Đơn vị được đôn đốc' })
  unit(@Root() l: UrgingLetter, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(l.unit.id);
  }

  @FieldResolver(() => [ID], { description: 'Các phân công chậm hạn được nêu trong văn bản' })
  assignmentIds(@Root() l: UrgingLetter) {
    return l.assignmentIds;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người yêu cầu; trống với văn bản soạn tự động' })
  async requestedByName(@Root() l: UrgingLetter, @Ctx() ctx: Context) {
    return l.requestedBy ? ((await ctx.loaders.user.load(l.requestedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Đường dẫn tải tệp DOCX khi văn bản đã soạn xong (READY)' })
  downloadUrl(@Root() l: UrgingLetter) {
    return l.state === UrgingLetterState.READY ? `/letters/${l.id}/download` : null;
  }

}
