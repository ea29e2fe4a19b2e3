/**
 * One run of the deadline scan in a process of its own, so its memory is its own. The notifications it
 * creates are deleted afterwards, so the next run scans the same database and does the same work
 * (the job writes through the connection outside any transaction of ours, so a rollback would not undo
 * them). Prints one JSON line. Env: DATABASE_URL.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../server/db/mikro-orm.config.js';
import { runDeadlineScan, type DeadlineScanResult } from '../../jobs/deadline-scan/deadline-scan.job.js';

const orm = await MikroORM.init(createOrmConfig({ clientUrl: process.env.DATABASE_URL! }));
const connection = orm.em.getConnection();
const [{ now: startedAt }] = await connection.execute<Array<{ now: Date }>>('select now() as now');
const started = performance.now();
let result: DeadlineScanResult | undefined;
let error: string | undefined;
try {
  result = await runDeadlineScan(orm.em.fork(), {});
} catch (e) {
  error = e instanceof Error ? e.message.slice(0, 300) : String(e);
}
const ms = performance.now() - started;
await connection.execute('delete from notification where created_at >= ?', [startedAt]);
await orm.close();
console.log(JSON.stringify({ sweep: { ms, result, error } }));
