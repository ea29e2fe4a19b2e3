import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDay } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(query, params);

const sweep = (asOf: string) => sweepDay(server, asOf);

/** Who each unit's top step went to, by unit code. */
async function recipientsByUnit(level: number) {
  const rows = await sql<{ code: string; label: string; users: string[] }>(
    `select u.code, e.recipient_label as label, array(select au.username from app_user au where au.id = any(e.recipient_ids) order by au.username) as users
       from escalation e join unit u on u.id = e.unit_id where e.level = ? order by u.code`,
    [level],
  );
  return new Map(rows.map((r) => [r.code, { label: r.label, users: r.users }]));
}

describe('the ladder climbs the chain of command', () => {
  it('level 3 goes to the leaders above the unit, level 2 to the office it reports through', async () => {
    // A second People's Committee with a leader of its own, above one commune.
    await sql(`insert into unit (id, created_at, updated_at, version, code, name, short_name, kind)
               values (gen_random_uuid(), now(), now(), 1, 'UBND-KHAC', 'Ủy ban nhân dân huyện Khác', 'UBND huyện Khác', 'LEADERSHIP')`);
    await sql(`update unit set parent_id = (select id from unit where code = 'UBND-KHAC') where code = 'XA-HABAC'`);
    await sql(`insert into app_user (id, created_at, updated_at, version, username, full_name, password_hash, role, unit_id, active, is_demo)
               select gen_random_uuid(), now(), now(), 1, 'lanhdao-khac', 'Lãnh đạo khác', password_hash, 'LEADER', (select id from unit where code = 'UBND-KHAC'), true, true
                 from app_user where username = 'phochutich'`);
    // No coordinating office named by the plan: level 2 follows each unit's "reports through".
    await sql(`update escalation_policy set coordinator_unit_id = null`);

    await sweep('2026-03-02');
    const top = await recipientsByUnit(3);
    expect(top.get('XA-HABAC')).toEqual({ label: 'Lãnh đạo UBND huyện Khác', users: ['lanhdao-khac'] });
    expect(top.get('PHONG-GDDT')).toEqual({ label: 'Lãnh đạo UBND huyện', users: ['phochutich'] });

    // Level 2: move one assignment's due date so it is 3 working days late on a day swept.
    const [gddt] = await sql<{ id: string }>(
      `select a.id from assignment a join unit u on u.id = a.unit_id where u.code = 'PHONG-GDDT' and a.status = 'NOT_STARTED' order by a.id limit 1`,
    );
    await sql(`update assignment set due_date = '2026-03-10' where id = ?`, [gddt.id]);
    await sweep('2026-03-13');
    const [second] = await sql<{ label: string; users: string[] }>(
      `select e.recipient_label as label, array(select au.username from app_user au where au.id = any(e.recipient_ids) order by au.username) as users
         from escalation e where e.assignment_id = ? and e.level = 2`,
      [gddt.id],
    );
    const coordinators = await sql<{ username: string }>(
      `select au.username from app_user au join unit ou on ou.id = au.unit_id where ou.code = 'PHONG-VHTT' and au.role = 'COORDINATOR' order by 1`,
    );
    expect(second).toEqual({ label: 'Phòng Văn hóa và Thông tin', users: coordinators.map((c) => c.username) });
    expect(second.users.length).toBeGreaterThan(0);
  });
});
