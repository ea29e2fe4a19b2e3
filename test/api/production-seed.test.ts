import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/db/database.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';
import { verifyPassword } from '../../server/auth/password.js';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';

const database = `tiendo_test_${inject('runId')}_prodseed_${process.pid}`;
afterAll(() => withAdmin((client) => dropDatabase(client, database)));

describe('seeding for production', () => {
  it('creates the plan and the first administrator from ADMIN_PASSWORD, and no demo account or demo facility', async () => {
    await withAdmin((client) => client.query(`create database "${database}"`));
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

      // A second start with another ADMIN_PASSWORD does not replace the administrator's password.
      await seedDatabase(orm.em as never, { demo: false, adminPassword: 'mot-mat-khau-khac' });
      const [again] = await orm.em.getConnection().execute<Array<{ password_hash: string }>>('select password_hash from app_user');
      expect(await verifyPassword(again.password_hash, 'mat-khau-quan-tri-2026')).toBe(true);
    } finally {
      await orm.close(true);
    }
  });
});
