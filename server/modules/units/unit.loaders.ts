import type { EntityManager } from '@mikro-orm/postgresql';
import { leanById } from '../../shared/lean.js';
import { Unit } from './unit.entity.js';

export function unitLoaders(em: EntityManager) {
  return { unit: leanById(em, Unit) };
}
