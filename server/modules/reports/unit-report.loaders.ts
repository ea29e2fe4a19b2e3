import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, leanRows, uuidArray } from '../../shared/lean.js';
import { UnitReportEvent } from './unit-report.entity.js';

export function unitReportLoaders(em: EntityManager) {
  const connection = em.getConnection();
  return {
    /** Oldest first: a report's history reads forwards. */
    unitReportHistory: groupedBy(
      async (ids: string[]) =>
        leanRows(
          em,
          UnitReportEvent,
          await connection.execute('select * from unit_report_event where report_id = any(?::uuid[]) order by at, id', [uuidArray(ids)]),
        ),
      (event) => event.report.id,
    ),
  };
}
