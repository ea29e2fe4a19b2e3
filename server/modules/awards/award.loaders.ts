import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanById, leanRows, uuidArray } from '../../shared/lean.js';
import { AwardDecision, AwardNominationEvent } from './award.entity.js';

export function awardLoaders(em: EntityManager) {
  const connection = em.getConnection();
  return {
    awardDecision: leanById(em, AwardDecision),
    /** Oldest first. */
    nominationHistory: groupedBy(
      async (ids: string[]) =>
        leanRows(em, AwardNominationEvent, await connection.execute(
          'select * from award_nomination_event where nomination_id = any(?::uuid[]) order by at, id', [uuidArray(ids)],
        )),
      (event) => event.nomination.id,
    ),
  };
}
