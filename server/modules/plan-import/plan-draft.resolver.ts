import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Plan } from '../plans/plan.entity.js';
import { UpdatePlanDraftArgs, PlanDraftFilter } from './plan-draft.inputs.js';
import { PlanDraft } from './plan-draft.entity.js';
import { PLAN_DRAFT_SPEC } from './plan-draft.service.js';
import { DraftBody, DraftObligation, DraftPlanHeader, DraftProblem, DraftTarget, DraftTask, DraftUnplaced } from './plan-draft.types.js';

/** allPlanDrafts, _allPlanDraftsMeta, PlanDraft and the planDrafts connection: read-only, written by the mutations below. */
export const PlanDraftResourceResolver = createResourceResolver({
  type: PlanDraft,
  name: 'PlanDraft',
  plural: 'PlanDrafts',
  connectionField: 'planDrafts',
  filter: PlanDraftFilter,
  sortable: PLAN_DRAFT_SPEC.sortable,
  service: (ctx) => ctx.services.planDrafts,
});

type Draft = PlanDraft | Lean<PlanDraft>;

@Resolver(() => PlanDraft)
export class PlanDraftResolver {
  @Mutation(() => PlanDraft, {
    description:
      'Đọc một kế hoạch từ văn bản dán vào (text) hoặc tệp .txt, .docx, .pdf có lớp văn bản (file; GraphQL multipart request, ' +
      'kèm tiêu đề apollo-require-preflight: true) thành bản nháp để rà soát. Văn bản không phải kế hoạch bị từ chối, không lưu gì.',
  })
  @UseMiddleware(requires('plan:import'))
  importPlan(
    @Ctx() ctx: Context,
    @Arg('text', () => String, { nullable: true }) text?: string | null,
    @Arg('file', () => GraphQLUpload, { nullable: true }) file?: Promise<FileUpload> | null,
  ) {
    return ctx.services.planDrafts.importDraft(text, file);
  }

  @Mutation(() => PlanDraft, {
    description:
      'Thay toàn bộ nội dung bản nháp (biểu mẫu gửi lại đủ các phần). Mục mới không cần key, hoặc mang key tạm do trình duyệt đặt ' +
      'để nghĩa vụ báo cáo trỏ tới cơ quan mới. Nội dung sai bị từ chối kèm danh sách vấn đề; bản nháp còn dang dở vẫn được lưu.',
  })
  @UseMiddleware(requires('plan:import'))
  updatePlanDraft(@Args(() => UpdatePlanDraftArgs) args: UpdatePlanDraftArgs, @Ctx() ctx: Context) {
    const { id, version, ...edit } = args;
    return ctx.services.planDrafts.saveDraft(id, version, edit);
  }

  @Mutation(() => Plan, {
    description:
      'Kích hoạt bản nháp: tạo trong một giao dịch các đơn vị mới, kế hoạch (đang thực hiện), nhiệm vụ, mục tiêu, phân công và nghĩa vụ báo cáo. ' +
      'Còn vấn đề thì từ chối (BAD_USER_INPUT, kèm danh sách), không tạo gì.',
  })
  @UseMiddleware(requires('plan:import'))
  activatePlanDraft(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.planDrafts.activateDraft(id, version);
  }

  @Mutation(() => PlanDraft, { description: 'Bỏ bản nháp: giữ lại để biết ai đã nhập gì, không sửa hay kích hoạt được nữa' })
  @UseMiddleware(requires('plan:import'))
  discardPlanDraft(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.planDrafts.discardDraft(id, version);
  }

  @FieldResolver(() => String, { description: 'Văn bản đã chuẩn hóa; mọi vị trí (span) trỏ vào đây' })
  async sourceText(@Root() draft: Draft, @Ctx() ctx: Context) {
    return (await ctx.services.planDrafts.sourceText(draft.id)) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Người nhập' })
  async createdByName(@Root() draft: Draft, @Ctx() ctx: Context) {
    return draft.createdBy ? ((await ctx.loaders.user.load(draft.createdBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Kế hoạch được tạo khi kích hoạt' })
  activatedPlanId(@Root() draft: Draft) {
    return draft.activatedPlan?.id ?? null;
  }

  @FieldResolver(() => DraftPlanHeader)
  header(@Root() draft: Draft) {
    return draft.content.header;
  }

  @FieldResolver(() => [DraftTarget])
  targets(@Root() draft: Draft) {
    return draft.content.targets;
  }

  @FieldResolver(() => [DraftTask])
  tasks(@Root() draft: Draft) {
    return draft.content.tasks;
  }

  @FieldResolver(() => [DraftBody])
  bodies(@Root() draft: Draft) {
    return draft.content.bodies;
  }

  @FieldResolver(() => [DraftObligation])
  obligations(@Root() draft: Draft) {
    return draft.content.obligations;
  }

  @FieldResolver(() => [DraftUnplaced], { description: 'Những đoạn bộ đọc chưa xếp được: giữ nguyên, người rà soát có thể bỏ qua từng đoạn' })
  unplaced(@Root() draft: Draft) {
    return draft.content.unplaced;
  }

  @FieldResolver(() => [DraftProblem], { description: 'Những điều còn ngăn việc kích hoạt (tính lại mỗi lần đọc)' })
  problems(@Root() draft: Draft, @Ctx() ctx: Context) {
    return ctx.services.planDrafts.problems(draft as PlanDraft);
  }
}
