import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanById, leanRows, uuidArray } from '../../shared/lean.js';
import { Facility } from './facility.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';

export function facilityLoaders(em: EntityManager) {
  return {
    facility: leanById(em, Facility),
    /** Newest first. */
    indicatorValuesByFacility: groupedBy(
      async (ids: string[]) =>
        leanRows(
          em,
          IndicatorValue,
          await em.getConnection().execute('select * from indicator_value where facility_id = any(?::uuid[]) order by as_of desc', [uuidArray(ids)]),
        ),
      (value) => value.facility.id,
    ),
  };
}
