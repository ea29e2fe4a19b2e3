import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanById, leanRows, uuidArray, type Lean } from '../../shared/lean.js';
import { Assignment } from './assignment.entity.js';
import { StatusChange } from './status-change.entity.js';

export function assignmentLoaders(em: EntityManager) {
  const connection = em.getConnection();
  const history = (rows: object[]) => leanRows(em, StatusChange, rows);
  const recent = new Map<number, DataLoader<string, Lean<StatusChange>[]>>();
  return {
    assignment: leanById(em, Assignment),
    /** Newest first. */
    historyByAssignment: groupedBy(
      async (ids: string[]) =>
        history(
          await connection.execute('select * from status_change where assignment_id = any(?::uuid[]) order by at desc, id desc', [uuidArray(ids)]),
        ),
      (change) => change.assignment.id,
    ),
    /**
     * The last `count` entries of each assignment, newest first: a lateral join reads only those rows
     * from the (assignment_id, at, id) index, however long the histories are.
     */
    recentHistory(count: number) {
      let loader = recent.get(count);
      if (!loader) {
        loader = groupedBy(
          async (ids: string[]) =>
            history(
              await connection.execute(
                `select h.* from unnest(?::uuid[]) as ids(id)
                   cross join lateral (select * from status_change s where s.assignment_id = ids.id
                                        order by s.at desc, s.id desc limit ?) h`,
                [uuidArray(ids), count],
              ),
            ),
          (change) => change.assignment.id,
        );
        recent.set(count, loader);
      }
      return loader;
    },
    assignmentsByTask: groupedBy(
      async (ids: string[]) =>
        leanRows(
          em,
          Assignment,
          await connection.execute('select * from assignment where task_id = any(?::uuid[]) order by role desc, id', [uuidArray(ids)]),
        ),
      (a) => a.task.id,
    ),
  };
}
