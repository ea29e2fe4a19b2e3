import type { EntityManager } from '@mikro-orm/postgresql';
import { leanById } from '../../shared/lean.js';
import { User } from './user.entity.js';

export function userLoaders(em: EntityManager) {
  return { user: leanById(em, User) };
}
