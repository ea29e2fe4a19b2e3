/**
 * How long the lists' free-text searches take on a large database, statement by statement, with the
 * plans PostgreSQL chose: the services run as the API runs them, and every statement they send is
 * also EXPLAIN ANALYZEd. Migrates the database first unless told not to.
 *
 *   npx tsx test/bench/search-plans.ts postgres://postgres@127.0.0.1:5432/tiendo_bench_nation [--no-migrate] [--plans]
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { openDatabase } from '../../server/db/database.js';
import { createLoaders } from '../../server/loaders.js';
import { Role } from '../../server/modules/users/user.entity.js';
import { AssignmentService } from '../../server/modules/assignments/assignment.service.js';
import { UnitReportService } from '../../server/modules/reports/unit-report.service.js';
import { NotificationService } from '../../server/modules/notifications/notification.service.js';
import { FacilityService } from '../../server/modules/facilities/facility.service.js';
import { TaskService } from '../../server/modules/tasks/task.service.js';
import { UserService } from '../../server/modules/users/user.service.js';
import { ResourceService } from '../../server/shared/resource.service.js';
import { Unit } from '../../server/modules/units/unit.entity.js';
import { UNIT_SPEC } from '../../server/modules/units/unit.resolver.js';
import type { Viewer } from '../../server/auth/policy.js';

const url = process.argv[2];
if (!url) throw new Error('usage: search-plans.ts <database url> [--no-migrate] [--plans]');
const migrate = !process.argv.includes('--no-migrate');
const showPlans = process.argv.includes('--plans');
const RUNS = 5;

const { orm } = await openDatabase({ url, migrate });
const [admin] = await orm.em.fork().getConnection().execute<Array<{ id: string; unit_id: string }>>(
  `select id, unit_id from app_user where role = 'ADMIN' limit 1`,
);
const viewer: Viewer = { id: admin.id, username: 'admin', role: Role.ADMIN, unitId: admin.unit_id };
const window = { limit: 25, offset: 0 };

type Search = (em: EntityManager) => Promise<{ total: number }>;
const searches: Array<[string, Search]> = [];
/** Each text as a person types it with marks and without: the two must find the same rows. */
const typed = (...texts: string[]) => texts.flatMap((text) => [text, plain(text)]);
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
for (const q of typed('Hà Bắc', 'Xã 43 huyện 1 tỉnh 14', 'thanh toán')) {
  searches.push([`assignments q="${q}"`, (em) => new AssignmentService(em, viewer, createLoaders(em)).list({ q }, undefined, undefined, window)]);
}
for (const q of typed('Hà Bắc', 'Xã 43 huyện 1')) {
  searches.push([`units q="${q}"`, (em) => new ResourceService(em, viewer, Unit, UNIT_SPEC).list({ q }, undefined, undefined, window)]);
}
for (const q of typed('Hà Bắc', 'Trường Mầm non Xã 5')) {
  searches.push([`facilities q="${q}"`, (em) => new FacilityService(em, viewer).list({ q }, undefined, undefined, window)]);
}
for (const q of typed('thanh toán')) {
  searches.push([`tasks q="${q}"`, (em) => new TaskService(em, viewer).list({ q }, undefined, undefined, window)]);
}
for (const q of typed('Hà Bắc')) {
  searches.push([`users q="${q}"`, (em) => new UserService(em, viewer).list({ q }, undefined, undefined, window)]);
}
for (const q of typed('Hà Bắc', 'Báo cáo năm')) {
  searches.push([`unit reports q="${q}"`, (em) => new UnitReportService(em, viewer, new NotificationService(em, viewer)).list({ q }, undefined, undefined, window)]);
}

/** Runs the search with every statement also explained; returns the summed execution times and the plans. */
async function explained(search: Search): Promise<{ ms: number; total: number; plans: string[] }> {
  const em = orm.em.fork() as EntityManager;
  const connection = em.getConnection();
  const execute = connection.execute.bind(connection);
  const plans: string[] = [];
  let ms = 0;
  connection.execute = (async (query: unknown, params?: unknown, ...rest: unknown[]) => {
    if (typeof query === 'string' && /^\s*select/i.test(query)) {
      const rows = await execute<Array<{ 'QUERY PLAN': string }>>(`explain (analyze, buffers) ${query}`, params as unknown[]);
      const plan = rows.map((r) => r['QUERY PLAN']);
      ms += Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1)!)![1]);
      plans.push(plan.join('\n'));
    }
    return execute(query as string, params as unknown[], ...(rest as []));
  }) as typeof connection.execute;
  const { total } = await search(em);
  return { ms, total, plans };
}

console.log(`${'search'.padEnd(44)} ${'rows'.padStart(7)} ${'median ms'.padStart(10)}`);
for (const [name, search] of searches) {
  const runs: number[] = [];
  let last: Awaited<ReturnType<typeof explained>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    last = await explained(search);
    runs.push(last.ms);
  }
  runs.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} ${String(last!.total).padStart(7)} ${runs[Math.floor(RUNS / 2)].toFixed(1).padStart(10)}`);
  if (showPlans) console.log(`${last!.plans.join('\n---\n')}\n`);
}
await orm.close(true);
