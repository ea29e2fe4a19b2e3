import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssignment, step } from '../helpers/queries.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The histories (an assignment's status changes, the security log) are append-only in the database
 * itself: a row trigger refuses UPDATE and DELETE, and a statement trigger refuses TRUNCATE, which no
 * row trigger sees. Tried here with the very connection the API uses.
 */

let server: TestServer;
const sql = <T = Record<string, unknown>>(text: string) => server.app.orm.em.getConnection().execute<T[]>(text);
const count = async (table: string) => (await sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;

beforeAll(async () => {
  server = await startTestServer();
  // A status change and a sign-in: neither history is empty.
  const officer = await server.login('gddt');
  await step(server, officer, await findAssignment(server, officer, 'PHONG-GDDT', '4'), 'START');
});
afterAll(() => server?.close());

/** Every table guarded by a `<table>_append_only` row trigger. */
async function appendOnlyTables(): Promise<string[]> {
  const rows = await sql<{ table: string }>(
    `select distinct c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and t.tgname = c.relname || '_append_only' order by 1`,
  );
  return rows.map((r) => r.table);
}

describe('append-only histories', () => {
  it('are the status changes and the security log', async () => {
    expect(await appendOnlyTables()).toEqual(['audit_event', 'status_change']);
  });

  it('TRUNCATE is refused with the append-only message, and every row stays', async () => {
    for (const table of await appendOnlyTables()) {
      const before = await count(table);
      expect(before, table).toBeGreaterThan(0);
      await expect(sql(`truncate "${table}"`)).rejects.toThrow(`${table} is append-only (TRUNCATE refused)`);
      await expect(sql(`truncate "${table}" restart identity cascade`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
      expect(await count(table), table).toBe(before);
    }
  });

  it('nor can they be emptied by truncating a table they hang from', async () => {
    const before = await count('status_change');
    await expect(sql('truncate "assignment" cascade')).rejects.toThrow('status_change is append-only (TRUNCATE refused)');
    expect(await count('status_change')).toBe(before);
    expect(await count('assignment')).toBeGreaterThan(0);
  });

  it('UPDATE and DELETE are still refused row by row', async () => {
    for (const table of await appendOnlyTables()) {
      await expect(sql(`update "${table}" set id = id`)).rejects.toThrow(`${table} is append-only (UPDATE refused)`);
      await expect(sql(`delete from "${table}"`)).rejects.toThrow(`${table} is append-only (DELETE refused)`);
    }
  });
});
