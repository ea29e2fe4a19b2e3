import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Facility } from '../facilities/facility.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A plan's award criteria (part III.3: đánh giá, khen thưởng, vinh danh), edited by its leaders. A weight
 * of 0 leaves a criterion out; a candidate qualifies when the weights of the criteria it meets reach
 * `minScorePercent` of the weights in play. A plan without a row is evaluated with the defaults.
 */
@ObjectType({ description: 'Tiêu chí đánh giá, khen thưởng của kế hoạch' })
@Entity({ tableName: 'award_criteria' })
export class AwardCriteria extends BaseEntity {
  @OneToOne({ entity: () => Plan, owner: true, deleteRule: 'cascade', unique: true })
  plan: Plan;

  @Field(() => Int, { description: 'Cơ sở: dùng nền tảng số thuộc các nhóm kế hoạch nêu cho lĩnh vực (trọng số)' })
  @Property({ type: 'integer' })
  facilityPlatformWeight: number;

  @Field(() => Int, { description: 'Cơ sở: chấp nhận thanh toán không dùng tiền mặt (trọng số)' })
  @Property({ type: 'integer' })
  facilityCashlessWeight: number;

  @Field(() => Float, { description: 'Cơ sở: ngưỡng tỷ lệ giao dịch không dùng tiền mặt (%)' })
  @Property({ type: 'double' })
  facilityCashlessSharePercent: number;

  @Field(() => Int, { description: 'Cơ sở: tỷ lệ giao dịch không dùng tiền mặt đạt ngưỡng (trọng số)' })
  @Property({ type: 'integer' })
  facilityCashlessShareWeight: number;

  @Field(() => Int, { description: 'Cơ sở: có đầu mối thanh toán không dùng tiền mặt (trọng số)' })
  @Property({ type: 'integer' })
  facilityFocalPersonWeight: number;

  @Field(() => Int, { description: 'Cơ sở: có minh chứng kèm số liệu trong kỳ (trọng số)' })
  @Property({ type: 'integer' })
  facilityEvidenceWeight: number;

  @Field(() => Int, { description: 'Đơn vị: số ngày làm việc chậm vẫn được coi là đúng hạn' })
  @Property({ type: 'integer' })
  unitOnTimeToleranceDays: number;

  @Field(() => Int, { description: 'Đơn vị: mọi nhiệm vụ đến hạn trong kỳ hoàn thành đúng hạn (trọng số)' })
  @Property({ type: 'integer' })
  unitOnTimeWeight: number;

  @Field(() => Int, { description: 'Đơn vị: báo cáo định kỳ gửi và được tiếp nhận đúng hạn (trọng số)' })
  @Property({ type: 'integer' })
  unitReportsWeight: number;

  @Field(() => Int, { description: 'Đơn vị: cấp đôn đốc cao nhất còn chấp nhận được (0: không bị đôn đốc)' })
  @Property({ type: 'integer' })
  unitMaxEscalationLevel: number;

  @Field(() => Int, { description: 'Đơn vị: không bị đôn đốc quá cấp trên (trọng số)' })
  @Property({ type: 'integer' })
  unitEscalationWeight: number;

  @Field(() => Float, { description: 'Điểm tối thiểu để được đề nghị (% tổng trọng số)' })
  @Property({ type: 'double' })
  minScorePercent: number;

  @Field(() => Int, { description: 'Số cơ sở được đề nghị tối đa mỗi kỳ' })
  @Property({ type: 'integer' })
  maxFacilityNominations: number;

  @Field(() => Int, { description: 'Số đơn vị được đề nghị tối đa mỗi kỳ' })
  @Property({ type: 'integer' })
  maxUnitNominations: number;
}

export enum NominationKind {
  FACILITY = 'FACILITY',
  UNIT = 'UNIT',
}
registerEnumType(NominationKind, { name: 'NominationKind', description: 'Cơ sở (trường học, cơ sở y tế) hoặc cơ quan, đơn vị' });

export enum NominationState {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationState, { name: 'NominationState', description: 'Đề nghị / đã duyệt / không duyệt / đã rút' });

export enum NominationSource {
  /** Proposed by the evaluation job from the figures. */
  AUTOMATIC = 'AUTOMATIC',
  /** Added by the coordinating office (the committee's review), with a reason. */
  MANUAL = 'MANUAL',
}
registerEnumType(NominationSource, { name: 'NominationSource' });

/** One criterion as a candidate met it or not, with the numbers. */
export interface CriterionResult {
  code: string;
  label: string;
  passed: boolean;
  detail: string;
  weight: number;
}

/** A candidate proposed for honour in one plan and period, with the score and the figures behind it. */
@ObjectType({ description: 'Đề nghị khen thưởng' })
@Entity({ tableName: 'award_nomination' })
@Unique({ properties: ['plan', 'periodEnd', 'candidateKey'] })
@Index({ properties: ['plan', 'periodEnd', 'state'] })
@Index({ properties: ['unit'] })
export class AwardNomination extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @Field(() => ReportPeriod)
  @Enum({ items: () => ReportPeriod, nativeEnumName: 'report_period' })
  period: ReportPeriod;

  @Field(() => LocalDateScalar, { description: 'Ngày cuối kỳ đánh giá' })
  @Property({ type: 'date' })
  periodEnd: string;

  @Field(() => NominationKind)
  @Enum({ items: () => NominationKind, nativeEnumName: 'nomination_kind' })
  kind: NominationKind;

  @ManyToOne({ entity: () => Facility, nullable: true, deleteRule: 'cascade' })
  facility?: Facility | null;

  /** The unit nominated, or the commune of the facility nominated: whose officers may read it. */
  @ManyToOne({ entity: () => Unit, deleteRule: 'cascade' })
  unit: Unit;

  /** The facility's or the unit's id: one nomination per candidate and period. */
  @Property({ type: 'uuid' })
  candidateKey: string;

  @Field(() => NominationState)
  @Enum({ items: () => NominationState, nativeEnumName: 'nomination_state' })
  state: Opt<NominationState> = NominationState.PROPOSED;

  @Field(() => NominationSource)
  @Enum({ items: () => NominationSource, nativeEnumName: 'nomination_source' })
  source: NominationSource;

  @Field(() => Float, { nullable: true, description: 'Điểm (0–100); trống với đề nghị bổ sung của Hội đồng' })
  @Property({ type: 'double', nullable: true })
  score?: number | null;

  @Field(() => Int, { nullable: true, description: 'Thứ hạng trong loại của kỳ' })
  @Property({ type: 'integer', nullable: true })
  rank?: number | null;

  @Property({ type: 'json' })
  criteria: Opt<CriterionResult[]> = [];

  @Field(() => String, { description: 'Thành tích, một câu tóm tắt từ các tiêu chí đạt' })
  @Property({ type: 'text' })
  achievement: string;

  @Field(() => String, { nullable: true, description: 'Lý do đề nghị bổ sung hoặc rút đề nghị' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  decidedBy?: User | null;

  @Field(() => String, { nullable: true, description: 'Ý kiến của lãnh đạo khi duyệt hoặc không duyệt' })
  @Property({ type: 'text', nullable: true })
  decisionComment?: string | null;

  @ManyToOne({ entity: () => AwardDecision, nullable: true, deleteRule: 'set null' })
  decision?: AwardDecision | null;
}

export enum NominationAction {
  PROPOSE = 'PROPOSE',
  REEVALUATE = 'REEVALUATE',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  WITHDRAW = 'WITHDRAW',
}
registerEnumType(NominationAction, { name: 'NominationAction' });

@ObjectType({ description: 'Lịch sử đề nghị khen thưởng' })
@Entity({ tableName: 'award_nomination_event' })
@Index({ properties: ['nomination', 'at'] })
export class AwardNominationEvent extends BaseEntity {
  @ManyToOne({ entity: () => AwardNomination, deleteRule: 'cascade' })
  nomination: AwardNomination;

  @Field(() => NominationAction)
  @Enum({ items: () => NominationAction, nativeEnumName: 'nomination_action' })
  action: NominationAction;

  @Field(() => NominationState, { nullable: true })
  @Enum({ items: () => NominationState, nativeEnumName: 'nomination_state', nullable: true })
  fromState?: NominationState | null;

  @Field(() => NominationState)
  @Enum({ items: () => NominationState, nativeEnumName: 'nomination_state' })
  toState: NominationState;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  actor?: User | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date;
}

export enum AwardEvaluationState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(AwardEvaluationState, { name: 'AwardEvaluationState' });

/** One run of the evaluation job: what it looked at and what it found. */
@ObjectType({ description: 'Một lần đánh giá đề nghị khen thưởng' })
@Entity({ tableName: 'award_evaluation' })
@Index({ properties: ['plan', 'periodEnd'] })
export class AwardEvaluation extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  periodEnd: string;

  @Field(() => AwardEvaluationState)
  @Enum({ items: () => AwardEvaluationState, nativeEnumName: 'award_evaluation_state' })
  state: Opt<AwardEvaluationState> = AwardEvaluationState.RUNNING;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  requestedBy?: User | null;

  @Field(() => Int, { description: 'Số cơ sở và đơn vị được đánh giá' })
  @Property({ type: 'integer' })
  evaluated: Opt<number> = 0;

  @Field(() => Int, { description: 'Số đạt điểm tối thiểu' })
  @Property({ type: 'integer' })
  qualified: Opt<number> = 0;

  @Field(() => Int, { description: 'Số đề nghị mới' })
  @Property({ type: 'integer' })
  nominated: Opt<number> = 0;

  @Field(() => Int, { description: 'Số đề nghị đang chờ được cập nhật số liệu' })
  @Property({ type: 'integer' })
  updated: Opt<number> = 0;

  @Field(() => Int, { description: 'Số đề nghị tự động được rút vì không còn đạt' })
  @Property({ type: 'integer' })
  withdrawn: Opt<number> = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;
}

/** A leader's decision approving a batch of nominations, with its draft DOCX. */
@ObjectType({ description: 'Quyết định khen thưởng' })
@Entity({ tableName: 'award_decision' })
export class AwardDecision extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  periodEnd: string;

  @Field(() => String, { description: 'Số quyết định do văn thư ghi, ví dụ 125/QĐ-UBND' })
  @Property({ type: 'string', length: 80 })
  number: string;

  @Field(() => LocalDateScalar, { description: 'Ngày quyết định' })
  @Property({ type: 'date' })
  decisionDate: string;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  approvedBy?: User | null;

  @Property({ type: 'string', length: 500, nullable: true })
  storageKey?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  fileName?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  byteSize?: number | null;
}
