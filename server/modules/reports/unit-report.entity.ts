import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportingObligation } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import type { UnitReportFigures } from './compiled-report.snapshot.js';

export enum UnitReportState {
  /** Nothing written yet: the row exists from the moment the obligation does. */
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  /** Sent to the aggregating office; its figures are frozen as they were at that moment. */
  SUBMITTED = 'SUBMITTED',
  /** Sent back by the aggregating office with a comment: the unit edits and submits again. */
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(UnitReportState, {
  name: 'UnitReportState',
  description: 'Chưa soạn / đang soạn / đã gửi / bị trả lại / đã tiếp nhận',
});

export enum UnitReportAction {
  SAVE = 'SAVE',
  SUBMIT = 'SUBMIT',
  RETURN = 'RETURN',
  ACCEPT = 'ACCEPT',
}
registerEnumType(UnitReportAction, { name: 'UnitReportAction', description: 'Lưu / gửi / trả lại / tiếp nhận' });

/**
 * One unit's report for one reporting obligation (its 6-month or annual report on the plan), sent up
 * through the aggregating office (Phòng Văn hóa và Thông tin), which accepts it or returns it.
 * A database trigger creates the row with its obligation, so "not written yet" is a state the lists,
 * the deadline classes and the sweep can count like any other.
 */
@ObjectType({ description: 'Báo cáo của một đơn vị theo một nghĩa vụ báo cáo (6 tháng hoặc năm)' })
@Entity({ tableName: 'unit_report' })
@Index({ properties: ['plan', 'state'] })
@Index({ properties: ['unit'] })
export class UnitReport extends BaseEntity {
  @OneToOne({ entity: () => ReportingObligation, owner: true, deleteRule: 'cascade', unique: true })
  obligation: ReportingObligation;

  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  /** The reporting unit (the obligation's reporter). */
  @ManyToOne({ entity: () => Unit })
  unit: Unit;

  @Field(() => UnitReportState)
  @Enum({ items: () => UnitReportState, nativeEnumName: 'unit_report_state' })
  state: Opt<UnitReportState> = UnitReportState.NOT_STARTED;

  @Field(() => String, { nullable: true, description: 'Kết quả thực hiện' })
  @Property({ type: 'text', nullable: true })
  results?: string | null;

  @Field(() => String, { nullable: true, description: 'Khó khăn, vướng mắc' })
  @Property({ type: 'text', nullable: true })
  difficulties?: string | null;

  @Field(() => String, { nullable: true, description: 'Đề xuất, kiến nghị' })
  @Property({ type: 'text', nullable: true })
  proposals?: string | null;

  /** The figures as they were when the report was last submitted; live figures are drafted until then. */
  @Property({ type: 'json', nullable: true })
  frozenFigures?: UnitReportFigures | null;

  @Field(() => Date, { nullable: true, description: 'Lần gửi gần nhất' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  submittedBy?: User | null;

  @Field(() => Date, { nullable: true, description: 'Lần tiếp nhận hoặc trả lại gần nhất' })
  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  reviewedBy?: User | null;

  @Field(() => String, { nullable: true, description: 'Ý kiến của đơn vị tổng hợp khi trả lại hoặc tiếp nhận' })
  @Property({ type: 'text', nullable: true })
  reviewComment?: string | null;

  @Field(() => Int, { description: 'Số lần đã gửi' })
  @Property({ type: 'integer' })
  submissionCount: Opt<number> = 0;
}

/** Every save, submission, return and acceptance of a unit report, never changed afterwards. */
@ObjectType({ description: 'Lịch sử báo cáo đơn vị' })
@Entity({ tableName: 'unit_report_event' })
@Index({ properties: ['report', 'at'] })
export class UnitReportEvent extends BaseEntity {
  @ManyToOne({ entity: () => UnitReport, deleteRule: 'cascade' })
  report: UnitReport;

  @Field(() => UnitReportAction)
  @Enum({ items: () => UnitReportAction, nativeEnumName: 'unit_report_action' })
  action: UnitReportAction;

  @Field(() => UnitReportState)
  @Enum({ items: () => UnitReportState, nativeEnumName: 'unit_report_state' })
  fromState: UnitReportState;

  @Field(() => UnitReportState)
  @Enum({ items: () => UnitReportState, nativeEnumName: 'unit_report_state' })
  toState: UnitReportState;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  actor?: User | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Int, { description: 'Phiên bản của báo cáo sau thao tác' })
  @Property({ type: 'integer' })
  reportVersion: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date;
}
