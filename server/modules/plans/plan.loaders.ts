import type { EntityManager } from '@mikro-orm/postgresql';
import { leanById } from '../../shared/lean.js';
import { Plan } from './plan.entity.js';

export function planLoaders(em: EntityManager) {
  return { plan: leanById(em, Plan) };
}
