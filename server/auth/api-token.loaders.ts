import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../shared/lean.js';

/** What a history entry shows of the token that made it: its name, never its hash. */
export interface TokenName {
  id: string;
  name: string;
}

export function apiTokenLoaders(em: EntityManager) {
  const connection = em.getConnection();
  return {
    apiTokenName: new DataLoader<string, TokenName | null>(async (ids) => {
      const rows = await connection.execute<TokenName[]>('select id, name from api_token where id = any(?::uuid[])', [uuidArray(ids)]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
