import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanById, leanRows, uuidArray } from '../../shared/lean.js';
import { Facility } from './facility.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';

export function facilityLoaders(em: EntityManager) {
  return {
    facility: leanById(em, Facility),
    /** Newest first: by day, then each day's corrections after what they corrected. */
    indicatorValuesByFacility: groupedBy(
      async (ids: string[]) =>
        leanRows(
          em,
          IndicatorValue,
          await em.getConnection().execute(
            'select * from indicator_value where facility_id = any(?::uuid[]) order by as_of desc, created_at desc, id',
            [uuidArray(ids)],
          ),
        ),
      (value) => value.facility.id,
    ),
    /** The id of the row that corrects a row, if any. */
    correctionOf: new DataLoader<string, string | null>(async (ids) => {
      const rows = await em.getConnection().execute<Array<{ id: string; supersedes_id: string }>>(
        'select id, supersedes_id from indicator_value where supersedes_id = any(?::uuid[])',
        [uuidArray(ids)],
      );
      const by = new Map(rows.map((r) => [r.supersedes_id, r.id]));
      return ids.map((id) => by.get(id) ?? null);
    }),
  };
}
