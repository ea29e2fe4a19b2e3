import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { LocalDateScalar } from '../../shared/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';

export enum ReportPeriod {
  SIX_MONTH = 'SIX_MONTH',
  ANNUAL = 'ANNUAL',
}
registerEnumType(ReportPeriod, { name: 'ReportPeriod', description: 'Kỳ báo cáo: 6 tháng hoặc năm' });

/** Who reports what to whom by when, and through which office the report is aggregated. */
@ObjectType({ description: 'Nghĩa vụ báo cáo' })
@Entity({ tableName: 'reporting_obligation' })
@Unique({ properties: ['plan', 'reporter', 'recipient', 'period', 'dueBefore'] })
export class ReportingObligation extends BaseEntity {
  @ManyToOne({ entity: () => Plan, deleteRule: 'cascade' })
  plan: Plan;

  @ManyToOne({ entity: () => Unit })
  reporter: Unit;

  @ManyToOne({ entity: () => Unit })
  recipient: Unit;

  /** The office that aggregates the report on its way to the recipient, if any. */
  @ManyToOne({ entity: () => Unit, nullable: true })
  through?: Unit | null;

  @Field(() => ReportPeriod)
  @Enum({ items: () => ReportPeriod, nativeEnumName: 'report_period' })
  period: ReportPeriod;

  @Field(() => String)
  @Property({ type: 'text' })
  subject: string;

  /** The plan says "trước ngày 30/6": the report must arrive before this day. */
  @Field(() => LocalDateScalar, { description: 'Hạn: báo cáo phải gửi trước ngày này' })
  @Property({ type: 'date' })
  dueBefore: string;
}
