import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Evidence, EvidenceOwnerKind } from './evidence.entity.js';
import { MAX_DESCRIPTION } from './evidence.service.js';
import { downloadName, visibleName } from './file-name.js';

@ObjectType({ description: 'Kết quả tải lên một tệp minh chứng' })
export class EvidenceUploadResult {
  @Field(() => Evidence)
  evidence: Evidence;

  @Field(() => Boolean, { description: 'Đúng nếu nội dung này đã được đính kèm trước đó: không lưu thêm bản mới' })
  duplicate: boolean;

  @Field(() => String)
  message: string;
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Query(() => Evidence, { description: 'Một minh chứng (chỉ đơn vị thực hiện, người thẩm định và quản trị được xem)' })
  evidence(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.evidence.get(id);
  }

  @Mutation(() => [EvidenceUploadResult], {
    description:
      'Đính kèm minh chứng cho phân công (GraphQL multipart request; gửi kèm tiêu đề apollo-require-preflight: true). ' +
      'Mỗi tệp có thể có một mô tả, theo cùng thứ tự. Nội dung trùng với minh chứng đã có được nhận ra và không lưu lại.',
  })
  @UseMiddleware(requires('assignment:work'))
  async attachEvidence(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('files', () => [GraphQLUpload]) files: Array<Promise<FileUpload>>,
    @Ctx() ctx: Context,
    @Arg('descriptions', () => [String], { nullable: 'itemsAndList', description: `Mô tả từng tệp, tối đa ${MAX_DESCRIPTION} ký tự` })
    descriptions?: Array<string | null> | null,
  ): Promise<EvidenceUploadResult[]> {
    const outcomes = await ctx.services.evidence.attachToAssignment(assignmentId, files, descriptions ?? []);
    return outcomes.map(({ evidence, duplicate }) => {
      // The name it will be downloaded under: "Đã đính kèm bao-cao.pdf" tells the uploader of a renamed file.
      const name = downloadName(evidence.originalName, evidence.detectedExtension);
      return {
        evidence,
        duplicate,
        message: duplicate ? `Tệp ${name} trùng nội dung với minh chứng đã có: không lưu thêm.` : `Đã đính kèm ${name}.`,
      };
    });
  }

  @Mutation(() => Evidence, { description: 'Gỡ minh chứng: ẩn khỏi danh sách, không xóa tệp; lịch sử ghi người gỡ và lý do' })
  @UseMiddleware(requires('assignment:work', 'evidence:hide-any'))
  removeEvidence(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Lý do gỡ (bắt buộc)' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.evidence.remove(id, reason);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Phân công mà minh chứng thuộc về' })
  assignmentId(@Root() e: Evidence) {
    return e.ownerKind === EvidenceOwnerKind.ASSIGNMENT ? e.ownerId : null;
  }

  @FieldResolver(() => String)
  originalName(@Root() e: Evidence) {
    // Names stored before they were cleaned at upload may still hold direction overrides.
    return visibleName(e.originalName);
  }

  @FieldResolver(() => String, {
    description: 'Tên tệp khi tải về: tên gốc với phần mở rộng theo loại nhận diện từ nội dung (bao-cao.html chứa PDF thành bao-cao.pdf)',
  })
  downloadName(@Root() e: Evidence) {
    return downloadName(e.originalName, e.detectedExtension);
  }

  @FieldResolver(() => ID)
  ownerId(@Root() e: Evidence) {
    return e.ownerId;
  }

  @FieldResolver(() => ID)
  unitId(@Root() e: Evidence) {
    return e.unit.id;
  }

  @FieldResolver(() => Unit)
  unit(@Root() e: Evidence, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(e.unit.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người tải lên' })
  async uploadedByName(@Root() e: Evidence, @Ctx() ctx: Context) {
    return e.uploadedBy ? ((await ctx.loaders.user.load(e.uploadedBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Tên đăng nhập người tải lên' })
  async uploadedByUsername(@Root() e: Evidence, @Ctx() ctx: Context) {
    return e.uploadedBy ? ((await ctx.loaders.user.load(e.uploadedBy.id))?.username ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Đã bị gỡ (ẩn)' })
  hidden(@Root() e: Evidence) {
    return !!e.hiddenAt;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người gỡ' })
  async hiddenByName(@Root() e: Evidence, @Ctx() ctx: Context) {
    return e.hiddenBy ? ((await ctx.loaders.user.load(e.hiddenBy.id))?.fullName ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Người dùng hiện tại có thể gỡ minh chứng này lúc này' })
  mayRemove(@Root() e: Evidence, @Ctx() ctx: Context) {
    return ctx.services.evidence.mayRemove(e);
  }

  @FieldResolver(() => String, { description: 'Đường dẫn tải về (cần đăng nhập: cookie phiên hoặc Bearer token)' })
  downloadUrl(@Root() e: Evidence) {
    return `/evidence/${e.id}/download`;
  }
}

@Resolver(() => Assignment)
export class AssignmentEvidenceFieldResolver {
  @FieldResolver(() => [Evidence], {
    description: 'Minh chứng của phân công, cũ nhất trước; rỗng nếu người xem không thuộc đơn vị thực hiện hay người thẩm định',
  })
  evidence(
    @Root() a: Assignment,
    @Ctx() ctx: Context,
    @Arg('includeHidden', () => Boolean, { defaultValue: false, description: 'Gồm cả minh chứng đã gỡ (người thẩm định, quản trị)' })
    includeHidden: boolean,
  ) {
    return ctx.services.evidence.forAssignment(a, includeHidden);
  }

  @FieldResolver(() => Int, { description: 'Số minh chứng đang hiển thị' })
  async evidenceCount(@Root() a: Assignment, @Ctx() ctx: Context) {
    return (await ctx.loaders.evidenceByAssignment.load(a.id)).filter((e) => !e.hiddenAt).length;
  }

  @FieldResolver(() => Boolean, { description: 'Người dùng hiện tại có thể đính kèm minh chứng lúc này' })
  mayAttachEvidence(@Root() a: Assignment, @Ctx() ctx: Context) {
    return ctx.services.evidence.mayAttach(a);
  }
}
