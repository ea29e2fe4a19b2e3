import { Entity, Enum, Index, ManyToOne, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { searchIndex } from '../../shared/search.js';
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
// Searched with `q` without diacritics (see shared/search.ts).
@Index(searchIndex('reporting_obligation', 'subject'))
@Unique({ properties: ['plan', 'reporter', 'recipient', 'period', 'dueBefore'] })
// The aggregating office's view: the reports that come up through it.
@Index({ properties: ['through'] })
/**
 * Every obligation sent up through an aggregating office has its unit report from the start, however
 * the obligation is written (seeder, API, bulk SQL), so "not written yet" is a state that lists, the
 * deadline classes and the sweep count like any other.
 */
@Trigger({
  name: 'reporting_obligation_unit_report',
  timing: 'after',
  events: ['insert', 'update'],
  forEach: 'row',
  // MikroORM wraps the body in its own begin … end.
  body: `if new.through_id is not null then
      insert into unit_report (id, created_at, updated_at, version, obligation_id, plan_id, unit_id, state, submission_count)
      values (gen_random_uuid(), now(), now(), 1, new.id, new.plan_id, new.reporter_id, 'NOT_STARTED', 0)
      on conflict (obligation_id) do nothing;
    end if;
    if tg_op = 'UPDATE' and new.reporter_id is distinct from old.reporter_id then
      update unit_report set unit_id = new.reporter_id, updated_at = now() where obligation_id = new.id;
    end if;
    return new;`,
})
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
