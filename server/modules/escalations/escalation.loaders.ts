import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanRows, uuidArray } from '../../shared/lean.js';
import { Escalation } from './escalation.entity.js';

export interface EscalationSummary {
  /** OVERDUE escalations counted from the current due date and unit: how many times this deadline was chased. */
  urgeCount: number;
  /** The highest level still open, of either kind; null when nothing is being chased. */
  openLevel: number | null;
}

export function escalationLoaders(em: EntityManager) {
  const connection = em.getConnection();
  return {
    /** Newest first. */
    escalationsByAssignment: groupedBy(
      async (ids: string[]) =>
        leanRows(
          em,
          Escalation,
          await connection.execute(
            'select * from escalation where assignment_id = any(?::uuid[]) order by raised_at desc, level desc, round desc, id',
            [uuidArray(ids)],
          ),
        ),
      (escalation) => escalation.assignment.id,
    ),
    escalationSummary: new DataLoader<string, EscalationSummary>(async (ids) => {
      const rows = await connection.execute<Array<{ assignment_id: string; urge_count: number; open_level: number | null }>>(
        `select e.assignment_id,
                count(*) filter (where e.kind = 'OVERDUE' and e.basis = a.due_date and e.unit_id = a.unit_id)::int as urge_count,
                max(e.level) filter (where e.state = 'OPEN')::int as open_level
           from escalation e join assignment a on a.id = e.assignment_id
          where e.assignment_id = any(?::uuid[])
          group by e.assignment_id`,
        [uuidArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.assignment_id, { urgeCount: r.urge_count, openLevel: r.open_level }]));
      return ids.map((id) => byId.get(id) ?? { urgeCount: 0, openLevel: null });
    }),
  };
}
