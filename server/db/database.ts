import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from './mikro-orm.config.js';
import { seedDatabase, type SeedOptions, type SeedResult } from './seed/seeder.js';

export interface DatabaseOptions {
  url: string;
  onQuery?: (sql: string) => void;
  migrate?: boolean;
  seed?: SeedOptions | false;
}

export async function openDatabase({ url, onQuery, migrate = true, seed = false }: DatabaseOptions): Promise<{
  orm: MikroORM;
  seeded?: SeedResult;
}> {
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: url, onQuery }));
  try {
    if (migrate) await orm.migrator.up();
    const seeded = seed ? await seedDatabase(orm.em, seed) : undefined;
    return { orm, seeded };
  } catch (error) {
    await orm.close(true);
    throw error;
  }
}
