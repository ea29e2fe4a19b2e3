import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanRows, uuidArray } from '../../shared/lean.js';
import { Target } from './target.entity.js';

export function targetLoaders(em: EntityManager) {
  return {
    targetsByPlan: groupedBy(
      async (ids: string[]) =>
        leanRows(em, Target, await em.getConnection().execute('select * from target where plan_id = any(?::uuid[]) order by code', [uuidArray(ids)])),
      (target) => target.plan.id,
    ),
  };
}
