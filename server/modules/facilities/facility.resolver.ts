import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requires } from '../../auth/requires.js';
import type { Context } from '../../context.js';
import type { Lean } from '../../shared/lean.js';
import { createResourceResolver } from '../../shared/resource.resolver.js';
import { Unit } from '../units/unit.entity.js';
import { Facility } from './facility.entity.js';
import { FACILITY_SPEC, INDICATOR_VALUE_SPEC } from './facility.service.js';
import { CashlessChannel, DigitalPlatform, IndicatorValue } from './indicator-value.entity.js';
import { CreateFacilityArgs, FacilityFilter, IndicatorFiguresInput, IndicatorValueFilter, UpdateFacilityArgs } from './facility.inputs.js';

export { FACILITY_SPEC, INDICATOR_VALUE_SPEC };

export const FacilityResourceResolver = createResourceResolver({
  type: Facility,
  name: 'Facility',
  plural: 'Facilities',
  connectionField: 'facilities',
  filter: FacilityFilter,
  sortable: FACILITY_SPEC.sortable,
  service: (ctx) => ctx.services.facilities,
  createArgs: CreateFacilityArgs,
  updateArgs: UpdateFacilityArgs,
  writePermissions: [FACILITY_SPEC.writePermission],
});

/** Read-only in the generic shape: figures are reported and corrected, never edited in place or deleted. */
export const IndicatorValueResourceResolver = createResourceResolver({
  type: IndicatorValue,
  name: 'IndicatorValue',
  plural: 'IndicatorValues',
  connectionField: 'indicatorValues',
  filter: IndicatorValueFilter,
  sortable: INDICATOR_VALUE_SPEC.sortable,
  service: (ctx) => ctx.services.indicatorValues,
});

@ObjectType({ description: 'Kết quả nhập số liệu từ bảng tính Excel' })
export class IndicatorImportResult {
  @Field(() => Boolean, { description: 'Chỉ kiểm tra, chưa ghi' })
  dryRun: boolean;

  @Field(() => Int, { description: 'Số dòng đã ghi (hoặc sẽ được ghi, nếu chỉ kiểm tra)' })
  rows: number;

  @Field(() => Int, { description: 'Số dòng cơ sở để trống, được bỏ qua' })
  skippedRows: number;

  @Field(() => [IndicatorValue], { description: 'Các bản số liệu đã ghi (trống nếu chỉ kiểm tra)' })
  values: IndicatorValue[];
}

@Resolver()
export class FacilityReportingResolver {
  @Query(() => [Facility], { description: 'Các cơ sở mà người dùng được nhập số liệu (cơ sở của xã mình)' })
  myFacilities(@Ctx() ctx: Context) {
    return ctx.services.facilities.mine();
  }

  @Mutation(() => IndicatorValue, { description: 'Nhập số liệu một kỳ của cơ sở' })
  @UseMiddleware(requires('facility:report'))
  reportIndicatorValue(
    @Arg('facilityId', () => ID) facilityId: string,
    @Arg('input', () => IndicatorFiguresInput) input: IndicatorFiguresInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorValues.report(facilityId, input);
  }

  @Mutation(() => IndicatorImportResult, {
    description:
      'Nhập số liệu nhiều cơ sở từ mẫu Excel (GET /facilities/template.xlsx), gửi theo GraphQL multipart request kèm tiêu đề ' +
      'apollo-require-preflight: true. Tất cả hoặc không: một dòng sai thì không ghi dòng nào, lỗi BAD_USER_INPUT liệt kê ' +
      'từng lỗi trong extensions.problems { row column cell message code }.',
  })
  @UseMiddleware(requires('facility:report'))
  async importIndicatorValues(
    @Arg('file', () => GraphQLUpload) file: Promise<FileUpload>,
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { nullable: true, description: 'Chỉ kiểm tra, không ghi' }) dryRun?: boolean | null,
  ): Promise<IndicatorImportResult> {
    const result = await ctx.services.indicatorValues.importWorkbook(file, dryRun ?? false);
    return { ...result, dryRun: dryRun ?? false };
  }

  @Mutation(() => IndicatorValue, { description: 'Điều chỉnh số liệu: thêm bản mới kèm lý do, bản cũ vẫn được lưu' })
  @UseMiddleware(requires('facility:report'))
  correctIndicatorValue(
    @Arg('id', () => ID, { description: 'Bản số liệu được điều chỉnh (bản mới nhất của ngày đó)' }) id: string,
    @Arg('input', () => IndicatorFiguresInput) input: IndicatorFiguresInput,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.indicatorValues.correct(id, input, reason);
  }
}

@Resolver(() => Facility)
export class FacilityFieldResolver {
  @FieldResolver(() => ID)
  communeId(@Root() facility: Lean<Facility>) {
    return facility.commune.id;
  }

  @FieldResolver(() => Unit)
  commune(@Root() facility: Lean<Facility>, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(facility.commune.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Lịch sử số liệu, mới nhất trước (kể cả các bản đã được điều chỉnh)' })
  indicatorValues(@Root() facility: Lean<Facility>, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorValuesByFacility.load(facility.id);
  }
}

/**
 * node-postgres parses arrays of built-in types only: in a plain row, an array of a native enum is
 * still its literal ('{A,B}'), which the lean list paths do not convert.
 */
function enumArray<T extends string>(value: T[] | string | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value.slice(1, -1).split(',') as T[];
}

@Resolver(() => IndicatorValue)
export class IndicatorValueFieldResolver {
  @FieldResolver(() => [DigitalPlatform], { description: 'Các loại nền tảng số đang dùng' })
  digitalPlatforms(@Root() value: Lean<IndicatorValue>) {
    return enumArray(value.digitalPlatforms);
  }

  @FieldResolver(() => [CashlessChannel], { description: 'Các kênh thanh toán không dùng tiền mặt được chấp nhận' })
  cashlessChannels(@Root() value: Lean<IndicatorValue>) {
    return enumArray(value.cashlessChannels);
  }

  @FieldResolver(() => ID)
  facilityId(@Root() value: Lean<IndicatorValue>) {
    return value.facility.id;
  }

  @FieldResolver(() => Facility)
  facility(@Root() value: Lean<IndicatorValue>, @Ctx() ctx: Context) {
    return ctx.loaders.facility.load(value.facility.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Bản số liệu mà bản này điều chỉnh' })
  supersedesId(@Root() value: Lean<IndicatorValue>) {
    return value.supersedes?.id ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Bản điều chỉnh bản này (nếu có)' })
  async supersededById(@Root() value: Lean<IndicatorValue>, @Ctx() ctx: Context) {
    return (await ctx.loaders.correctionOf.load(value.id)) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Bản đang được tính (chưa bị điều chỉnh)' })
  async isCurrent(@Root() value: Lean<IndicatorValue>, @Ctx() ctx: Context) {
    return !(await ctx.loaders.correctionOf.load(value.id));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Họ tên người nhập' })
  async reportedByName(@Root() value: Lean<IndicatorValue>, @Ctx() ctx: Context) {
    return value.reportedBy ? ((await ctx.loaders.user.load(value.reportedBy.id))?.fullName ?? null) : null;
  }
}
