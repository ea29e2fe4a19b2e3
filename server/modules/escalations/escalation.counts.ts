import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Số phân công đang bị đôn đốc, theo cấp cao nhất đang mở' })
export class EscalationLevelCounts {
  @Field(() => Int, { description: 'Đang đôn đốc (mọi cấp)' })
  total: number;

  @Field(() => Int, { description: 'Cấp cao nhất là 1 (đơn vị)' })
  level1: number;

  @Field(() => Int, { description: 'Cấp cao nhất là 2 (cơ quan điều phối)' })
  level2: number;

  @Field(() => Int, { description: 'Cấp cao nhất là 3 (lãnh đạo)' })
  level3: number;
}

export const NO_ESCALATIONS: EscalationLevelCounts = { total: 0, level1: 0, level2: 0, level3: 0 };

export interface PlanEscalationCounts {
  overall: EscalationLevelCounts;
  byUnit: Map<string, EscalationLevelCounts>;
}

/**
 * Assignments of the plan being chased now, each counted once at its highest open level (the lower
 * steps stay open beside it until the work is settled), overall and by unit in one grouped statement
 * over the (plan, state) index. It is the state of today, whatever day the figures are asked for.
 */
const COUNTS_SQL = `
  select grouping(x.unit_id) = 0 as by_unit, x.unit_id,
         count(*)::int as total,
         count(*) filter (where x.level = 1)::int as level1,
         count(*) filter (where x.level = 2)::int as level2,
         count(*) filter (where x.level = 3)::int as level3
    from (select e.assignment_id, e.unit_id, max(e.level) as level
            from escalation e
           where e.plan_id = ? and e.state = 'OPEN'
           group by e.assignment_id, e.unit_id) x
   group by grouping sets ((), (x.unit_id))`;

export async function planEscalationCounts(em: EntityManager, planId: string): Promise<PlanEscalationCounts> {
  const rows = await em.getConnection().execute<Array<EscalationLevelCounts & { by_unit: boolean; unit_id: string | null }>>(COUNTS_SQL, [planId]);
  const result: PlanEscalationCounts = { overall: NO_ESCALATIONS, byUnit: new Map() };
  for (const { by_unit, unit_id, ...counts } of rows) {
    if (by_unit) result.byUnit.set(unit_id!, counts);
    else result.overall = counts;
  }
  return result;
}
