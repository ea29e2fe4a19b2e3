import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar, VndScalar } from '../../shared/scalars.js';
import { User } from '../users/user.entity.js';
import { Facility, FacilitySector } from './facility.entity.js';

/** The kinds of digital platform the plan asks schools and health facilities to use. */
export enum DigitalPlatform {
  SCHOOL_MANAGEMENT = 'SCHOOL_MANAGEMENT',
  ONLINE_TEACHING_LEARNING_EXAMS = 'ONLINE_TEACHING_LEARNING_EXAMS',
  DIGITISED_LEARNING_MATERIALS = 'DIGITISED_LEARNING_MATERIALS',
  SCHOOL_PARENT_CONNECTION = 'SCHOOL_PARENT_CONNECTION',
  HOSPITAL_MANAGEMENT = 'HOSPITAL_MANAGEMENT',
  TELEMEDICINE = 'TELEMEDICINE',
  E_PRESCRIPTION = 'E_PRESCRIPTION',
  ELECTRONIC_MEDICAL_RECORDS = 'ELECTRONIC_MEDICAL_RECORDS',
  PERSONAL_HEALTH_RECORDS = 'PERSONAL_HEALTH_RECORDS',
  VACCINATION_MANAGEMENT = 'VACCINATION_MANAGEMENT',
  ONLINE_HEALTH_ADVICE = 'ONLINE_HEALTH_ADVICE',
}
registerEnumType(DigitalPlatform, { name: 'DigitalPlatform', description: 'Loại nền tảng số theo kế hoạch' });

/** Which platform categories belong to which sector: a school cannot report telemedicine. */
export const PLATFORMS_BY_SECTOR: Record<FacilitySector, readonly DigitalPlatform[]> = {
  [FacilitySector.EDUCATION]: [
    DigitalPlatform.SCHOOL_MANAGEMENT, DigitalPlatform.ONLINE_TEACHING_LEARNING_EXAMS,
    DigitalPlatform.DIGITISED_LEARNING_MATERIALS, DigitalPlatform.SCHOOL_PARENT_CONNECTION,
  ],
  [FacilitySector.HEALTH]: [
    DigitalPlatform.HOSPITAL_MANAGEMENT, DigitalPlatform.TELEMEDICINE, DigitalPlatform.E_PRESCRIPTION,
    DigitalPlatform.ELECTRONIC_MEDICAL_RECORDS, DigitalPlatform.PERSONAL_HEALTH_RECORDS,
    DigitalPlatform.VACCINATION_MANAGEMENT, DigitalPlatform.ONLINE_HEALTH_ADVICE,
  ],
};

/** The cashless payment channels the plan names. */
export enum CashlessChannel {
  BANK_TRANSFER_QR = 'BANK_TRANSFER_QR',
  CARD = 'CARD',
  E_WALLET = 'E_WALLET',
  AUTOMATIC_DEBIT = 'AUTOMATIC_DEBIT',
  PUBLIC_SERVICE_PORTAL = 'PUBLIC_SERVICE_PORTAL',
}
registerEnumType(CashlessChannel, { name: 'CashlessChannel', description: 'Kênh thanh toán không dùng tiền mặt' });

/**
 * What a facility reported for a period ending on a day. Rows are never overwritten: a correction is a
 * new row for the same facility and day that names the row it corrects and why; the row nobody corrects
 * is the one that counts. One original per facility and day (a partial unique index), one correction
 * per row (unique `supersedes`), so each day's history is a single chain.
 */
@ObjectType({ description: 'Số liệu chỉ tiêu của cơ sở tại một ngày (không ghi đè: sửa là thêm bản mới)' })
@Entity({ tableName: 'indicator_value' })
@Index({ properties: ['facility', 'asOf'] })
@Unique({
  name: 'indicator_value_original_unique',
  expression: 'create unique index "indicator_value_original_unique" on "indicator_value" ("facility_id", "as_of") where "supersedes_id" is null',
})
@Check({
  name: 'indicator_transactions_consistent',
  expression: 'cashless_transactions is null or total_transactions is null or cashless_transactions <= total_transactions',
})
@Check({
  name: 'indicator_amounts_consistent',
  expression: 'cashless_amount is null or total_amount is null or cashless_amount <= total_amount',
})
@Check({ name: 'indicator_period_ordered', expression: 'period_start is null or period_end is null or period_start <= period_end' })
@Check({ name: 'indicator_correction_has_reason', expression: 'supersedes_id is null or reason is not null' })
export class IndicatorValue extends BaseEntity {
  @ManyToOne({ entity: () => Facility, deleteRule: 'cascade' })
  facility: Facility;

  @Field(() => LocalDateScalar, { description: 'Ngày chốt số liệu (cuối kỳ)' })
  @Property({ type: 'date' })
  asOf: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Đầu kỳ báo cáo' })
  @Property({ type: 'date', nullable: true })
  periodStart?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Cuối kỳ báo cáo' })
  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;

  /** Derived from `digitalPlatforms` on every write; the target figures count it. */
  @Field(() => Boolean, { description: 'Có sử dụng nền tảng số' })
  @Property({ type: 'boolean' })
  usesDigitalPlatform: boolean;

  @Field(() => [DigitalPlatform], { description: 'Các loại nền tảng số đang dùng' })
  @Enum({ items: () => DigitalPlatform, array: true, nativeEnumName: 'digital_platform', defaultRaw: "'{}'" })
  digitalPlatforms: Opt<DigitalPlatform[]> = [];

  /** Product names as first recorded, before the plan's categories were used; kept for the record. */
  @Field(() => [String], { deprecationReason: 'Dùng digitalPlatforms (theo danh mục của kế hoạch).' })
  @Property({ type: 'string[]', defaultRaw: "'{}'" })
  platforms: Opt<string[]> = [];

  /** Derived from `cashlessChannels` on every write; the target figures count it. */
  @Field(() => Boolean, { description: 'Chấp nhận thanh toán không dùng tiền mặt' })
  @Property({ type: 'boolean' })
  acceptsCashless: boolean;

  @Field(() => [CashlessChannel], { description: 'Các kênh thanh toán không dùng tiền mặt được chấp nhận' })
  @Enum({ items: () => CashlessChannel, array: true, nativeEnumName: 'cashless_channel', defaultRaw: "'{}'" })
  cashlessChannels: Opt<CashlessChannel[]> = [];

  @Field(() => Int, { nullable: true, description: 'Số giao dịch không dùng tiền mặt trong kỳ' })
  @Property({ type: 'integer', nullable: true })
  cashlessTransactions?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tổng số giao dịch trong kỳ' })
  @Property({ type: 'integer', nullable: true })
  totalTransactions?: number | null;

  @Field(() => VndScalar, { nullable: true, description: 'Giá trị giao dịch không dùng tiền mặt trong kỳ (đồng)' })
  @Property({ type: new BigIntType('number'), nullable: true })
  cashlessAmount?: number | null;

  @Field(() => VndScalar, { nullable: true, description: 'Tổng giá trị giao dịch trong kỳ (đồng)' })
  @Property({ type: new BigIntType('number'), nullable: true })
  totalAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'Đầu mối thanh toán không dùng tiền mặt: họ tên' })
  @Property({ type: 'string', length: 255, nullable: true })
  focalPersonName?: string | null;

  @Field(() => String, { nullable: true, description: 'Đầu mối thanh toán không dùng tiền mặt: điện thoại' })
  @Property({ type: 'string', length: 20, nullable: true })
  focalPersonPhone?: string | null;

  @OneToOne({ entity: () => IndicatorValue, nullable: true, owner: true, deleteRule: 'no action', unique: 'indicator_value_supersedes_id_unique' })
  supersedes?: IndicatorValue | null;

  @Field(() => String, { nullable: true, description: 'Lý do điều chỉnh (bắt buộc với bản điều chỉnh)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  reportedBy?: User | null;
}
