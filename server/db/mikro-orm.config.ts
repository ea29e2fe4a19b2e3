import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export interface OrmOptions {
  clientUrl: string;
  /** Receives every SQL statement; used by the query-count tests and LOG_SQL. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
}

export function createOrmConfig({ clientUrl, onQuery, poolMax = 10 }: OrmOptions): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Batches Reference/Collection loads so that GraphQL field resolvers never issue one query per row.
    dataloader: true,
    pool: { max: poolMax },
    debug: onQuery ? ['query'] : false,
    logger: (message) => onQuery?.(message),
    colors: false,
    // Hand-written SQL functions (assignment_deadline_class) live in migrations, not in entity metadata.
    schemaGenerator: { ignoreRoutines: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'server/db/migrations',
      pathTs: 'server/db/migrations',
      migrationsList,
      emit: 'ts',
      // The generator diffs against a scratch database migrated to head, so no snapshot file is kept.
      snapshot: false,
    },
  });
}
