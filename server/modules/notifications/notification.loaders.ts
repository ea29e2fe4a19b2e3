import type { EntityManager } from '@mikro-orm/postgresql';
import { leanById } from '../../shared/lean.js';
import { Escalation } from '../escalations/escalation.entity.js';
import { UrgingLetter } from '../letters/urging-letter.entity.js';

/** What an inbox page links to, one query per kind and request. */
export function notificationLoaders(em: EntityManager) {
  return {
    notificationEscalation: leanById(em, Escalation),
    notificationLetter: leanById(em, UrgingLetter),
  };
}
