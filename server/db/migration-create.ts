/**
 * Writes a migration for the difference between the entities and the schema that the committed
 * migrations produce. Runs against a scratch database so no developer data is involved.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createOrmConfig } from './mikro-orm.config.js';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `tiendo_migration_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${scratch}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: url.toString() }));
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `created ${result.fileName}; add it to server/db/migrations/index.ts` : 'no changes');
  await orm.close();
} finally {
  await admin.query(`drop database if exists ${scratch}`);
  await admin.end();
}
