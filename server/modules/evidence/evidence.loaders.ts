import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy } from '../../shared/lean.js';
import { Evidence, EvidenceOwnerKind } from './evidence.entity.js';

export function evidenceLoaders(em: EntityManager) {
  return {
    /** Every piece of evidence of an assignment, removed ones included; oldest first. */
    evidenceByAssignment: groupedBy(
      (ids: string[]) =>
        em.find(Evidence, { ownerKind: EvidenceOwnerKind.ASSIGNMENT, ownerId: { $in: ids } }, { orderBy: { uploadedAt: 'asc', id: 'asc' } }),
      (e) => e.ownerId,
    ),
  };
}
