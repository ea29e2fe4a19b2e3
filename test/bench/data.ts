/**
 * npm run bench:data -- --scale district|province|nation
 *
 * Recreates the benchmark database (tiendo_bench_<scale>, or BENCH_DATABASE_URL): the product's
 * migrations and seed (with the demo users, password tiendo-demo), then a synthetic country in SQL.
 * Deterministic: the same scale gives the same rows on every machine.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { hashPassword } from '../../server/auth/password.js';
import { openDatabase } from '../../server/db/database.js';
import { PlanStatus } from '../../server/modules/plans/plan.entity.js';
import { DEMO_PASSWORD, loadCorrections } from '../../server/db/seed/seeder.js';
import { dropDatabase, withAdmin } from '../helpers/db.js';
import { assignmentsSql, facilitiesSql, historySql, plansSql, reportsSql, unitsSql, usersSql } from './data-sql.js';
import { scaleShape } from './data-shape.js';
import { benchDatabaseUrl, parseScale } from './options.js';

const scale = parseScale();
const url = benchDatabaseUrl(scale);
const name = decodeURIComponent(new URL(url).pathname.slice(1));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${elapsed().padStart(8)}] ${line}`);

log(`${scale}: recreating database ${name}`);
await withAdmin(async (admin) => {
  await dropDatabase(admin, name);
  await admin.query(`create database "${name}"`);
});

// As the tests' template: the Hà Trung plan stays ACTIVE, so it is swept like the synthetic ones.
const { orm } = await openDatabase({ url, seed: { demo: true, planStatus: PlanStatus.ACTIVE } });
await orm.close();
log('migrated and seeded (Hà Trung plan, demo users)');

const shape = scaleShape(scale);
// One argon2 hash for every synthetic account: hashing tens of thousands of passwords would take minutes.
const passwordHash = await hashPassword(DEMO_PASSWORD);
const templateCode = (await loadCorrections()).plan.code;

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set work_mem = '256MB'`);
  // The temporary tables have no statistics: the planner's guesses would make JIT compile for seconds.
  await client.query(`set jit = off`);
  const run = async (label: string, statements: string[]) => {
    const t0 = performance.now();
    let rows = 0;
    for (const sql of statements) rows = (await client.query(sql)).rowCount ?? 0;
    log(`${label}: ${rows.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await run('units', unitsSql(shape.units));
  await run('users', usersSql(shape.units, passwordHash));
  await run('plans, tasks, targets', plansSql(shape.units, shape.plans, templateCode));
  await withoutSecondaryIndexes(client, ['assignment', 'status_change'], log, async () => {
    await run('assignments', assignmentsSql());
    await run('history', historySql());
  });
  await run('facilities, indicator values', facilitiesSql());
  await run('reporting obligations, unit reports', reportsSql());
  await run('analyze', ['analyze']);
  await report(client);
} finally {
  await client.end();
}

/**
 * Bulk inserts run several times faster into bare tables: drop the listed tables' foreign keys, plain
 * indexes and unreferenced primary keys, then rebuild them once (which also checks every row).
 */
async function withoutSecondaryIndexes(db: pg.Client, tables: string[], say: (line: string) => void, fn: () => Promise<void>) {
  const { rows: constraints } = await db.query<{ table: string; name: string; definition: string; type: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as type
       from pg_constraint c
      where c.conrelid = any($1::regclass[])
        and (c.contype = 'f' or (c.contype = 'p' and not exists (select 1 from pg_constraint r where r.contype = 'f' and r.confrelid = c.conrelid)))`,
    [tables],
  );
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any($1::regclass[]) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const c of constraints) await db.query(`alter table ${c.table} drop constraint "${c.name}"`);
  for (const i of indexes) await db.query(`drop index ${i.name}`);
  await fn();
  const t0 = performance.now();
  const restore = (c: (typeof constraints)[number]) => db.query(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`);
  for (const c of constraints.filter((c) => c.type === 'p')) await restore(c);
  for (const i of indexes) await db.query(i.definition);
  for (const c of constraints.filter((c) => c.type === 'f')) await restore(c);
  say(`rebuilt ${constraints.length} constraints and ${indexes.length} indexes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function report(db: pg.Client) {
  const tables = ['unit', 'app_user', 'plan', 'task', 'target', 'assignment', 'status_change', 'facility', 'indicator_value'];
  const counts = await db.query<Record<string, string>>(`select ${tables.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`);
  const { rows: statuses } = await db.query<{ status: string; n: string }>(`select status, count(*) as n from assignment group by 1 order by 1`);
  const { rows: classes } = await db.query<{ class: string | null; n: string }>(
    `select assignment_deadline_class(a, (now() at time zone 'Asia/Ho_Chi_Minh')::date) as class, count(*) as n from assignment a group by 1 order by 1`,
  );
  const { rows: plans } = await db.query<{ code: string; n: string }>(
    `select p.code, count(*) as n from assignment a join plan p on p.id = a.plan_id group by 1 order by 2 desc limit 3`,
  );
  const size = await db.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);
  console.log(`\n${scale} scale, database ${name}: ${size.rows[0].size}, generated in ${elapsed()}`);
  for (const t of tables) console.log(`  ${t.padEnd(16)} ${Number(counts.rows[0][t]).toLocaleString('en').padStart(12)}`);
  console.log(`  statuses: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);
  console.log(`  deadline classes today: ${classes.map((c) => `${c.class ?? 'cancelled'} ${c.n}`).join(', ')}`);
  console.log(`  largest plans: ${plans.map((p) => `${p.code} ${p.n}`).join(', ')}`);
}
