import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { ReportPeriod } from '../reporting/reporting-obligation.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import type { CompiledReportSnapshot } from './compiled-report.snapshot.js';

export enum CompiledReportState {
  /** Asked for; a job is freezing the figures and writing the documents. */
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(CompiledReportState, { name: 'CompiledReportState', description: 'Trạng thái báo cáo tổng hợp' });

/**
 * The district's aggregated report for one period (báo cáo tổng hợp), compiled by the aggregating
 * office for the chairman and the province. Each compilation is a new numbered row: its snapshot and
 * both files are written once and never changed, so a report downloads the same bytes years later.
 */
@ObjectType({ description: 'Báo cáo tổng hợp của một kỳ (một lần tổng hợp)' })
@Entity({ tableName: 'compiled_report' })
@Unique({ properties: ['plan', 'unit', 'period', 'dueBefore', 'number'] })
@Index({ properties: ['state'] })
export class CompiledReport extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  /** The aggregating office that compiled it. */
  @ManyToOne({ entity: () => Unit })
  unit: Unit;

  @Field(() => ReportPeriod)
  @Enum({ items: () => ReportPeriod, nativeEnumName: 'report_period' })
  period: ReportPeriod;

  @Field(() => LocalDateScalar, { description: 'Hạn của kỳ: báo cáo gửi trước ngày này' })
  @Property({ type: 'date' })
  dueBefore: string;

  @Field(() => Int, { description: 'Lần tổng hợp thứ mấy của kỳ (1, 2, …)' })
  @Property({ type: 'integer' })
  number: number;

  @Field(() => CompiledReportState)
  @Enum({ items: () => CompiledReportState, nativeEnumName: 'compiled_report_state' })
  state: Opt<CompiledReportState> = CompiledReportState.PENDING;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  requestedBy?: User | null;

  /** When the figures were frozen. */
  @Field(() => Date, { nullable: true, description: 'Thời điểm chốt số liệu' })
  @Property({ type: 'datetime', nullable: true })
  compiledAt?: Date | null;

  @Property({ type: 'json', nullable: true, lazy: true })
  snapshot?: CompiledReportSnapshot | null;

  @Property({ type: 'string', length: 500, nullable: true })
  docxKey?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  docxName?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  docxSize?: number | null;

  @Property({ type: 'string', length: 64, nullable: true })
  docxSha256?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  xlsxKey?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  xlsxName?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  xlsxSize?: number | null;

  @Property({ type: 'string', length: 64, nullable: true })
  xlsxSha256?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;
}
