import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { silentLogger } from '../../server/shared/logger.js';
import { REDIS_URL, cleanQueuePrefix } from '../helpers/redis.js';
import { openDatabase } from '../../server/db/database.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';
import { verifyPassword } from '../../server/auth/password.js';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';

const database = `tiendo_test_${inject('runId')}_prodseed_${process.pid}`;
const appDatabase = `${database}_app`;
afterAll(() => withAdmin(async (client) => {
  await dropDatabase(client, database);
  await dropDatabase(client, appDatabase);
}));

describe('seeding for production', () => {
  it('creates the plan, closed since its year is over, and the first administrator from ADMIN_PASSWORD, and no demo account, facility, plan or history', async () => {
    await withAdmin((client) => client.query(`create database "${database}"`));
    // A guessable ADMIN_PASSWORD stops the first start, naming the variable, and leaves nothing half made.
    await expect(openDatabase({ url: databaseUrl(database), seed: { demo: false, adminPassword: 'admin@hatrung2022' } }))
      .rejects.toThrow(/^ADMIN_PASSWORD: Mật khẩu không được chứa tên đăng nhập \("admin"\)/);
    await expect(openDatabase({ url: databaseUrl(database), seed: { demo: false, adminPassword: 'hatrung2022' } }))
      .rejects.toThrow(/^ADMIN_PASSWORD: Mật khẩu quá dễ đoán/);
    const { orm, seeded } = await openDatabase({ url: databaseUrl(database), seed: { demo: false, adminPassword: 'mat-khau-quan-tri-2026' } });
    try {
      expect(seeded!.demoUsers).toEqual([]);
      const users = await orm.em.getConnection().execute<Array<{ username: string; role: string; is_demo: boolean; password_hash: string }>>(
        'select username, role, is_demo, password_hash from app_user',
      );
      expect(users.map((u) => [u.username, u.role, u.is_demo])).toEqual([['admin', 'ADMIN', false]]);
      expect(await verifyPassword(users[0].password_hash, 'mat-khau-quan-tri-2026')).toBe(true);
      expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
      const [{ facilities, assignments }] = await orm.em.getConnection().execute(
        'select (select count(*)::int from facility) as facilities, (select count(*)::int from assignment) as assignments',
      );
      expect(facilities).toBe(0);
      expect(assignments).toBe(236);
      const plans = await orm.em.getConnection().execute('select code, status, is_demo from plan order by code');
      expect(plans).toEqual([
        { code: 'HT-CDS-TTKDTM-2022', status: 'CLOSED', is_demo: false },
        { code: 'TH-97-KH-UBND-2022', status: 'CLOSED', is_demo: false },
      ]);
      const [{ history }] = await orm.em.getConnection().execute('select count(*)::int as history from status_change');
      expect(history).toBe(0);

      // A second start with another ADMIN_PASSWORD does not replace the administrator's password.
      await seedDatabase(orm.em as never, { demo: false, adminPassword: 'mot-mat-khau-khac' });
      const [again] = await orm.em.getConnection().execute<Array<{ password_hash: string }>>('select password_hash from app_user');
      expect(await verifyPassword(again.password_hash, 'mat-khau-quan-tri-2026')).toBe(true);
    } finally {
      await orm.close(true);
    }
  });

  it('an app started in production seeds no demo account, demo plan or demo history', async () => {
    await withAdmin((client) => client.query(`create database "${appDatabase}"`));
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(appDatabase),
      SEED: 'true',
      PORT: '0',
      REDIS_URL,
      QUEUE_PREFIX: `tiendo-test-${inject('runId')}-prodseed-${process.pid}`,
      EVIDENCE_DIR: await mkdtemp(path.join(os.tmpdir(), 'tiendo-prodseed-')),
    });
    const app = await createApp({ config, databaseUrl: config.databaseUrl!, logger: silentLogger });
    try {
      const [counts] = await app.orm.em.fork().getConnection().execute(
        `select (select count(*) from plan)::int as plans, (select count(*) from plan where is_demo or status <> 'CLOSED')::int as demo_or_open_plans,
                (select count(*) from status_change)::int as history, (select count(*) from app_user where is_demo)::int as demo_users`,
      );
      expect(counts).toEqual({ plans: 2, demo_or_open_plans: 0, history: 0, demo_users: 0 });
    } finally {
      await app.close();
      await cleanQueuePrefix(config.queuePrefix);
      await rm(config.evidence.dir, { recursive: true, force: true });
    }
  });
});
