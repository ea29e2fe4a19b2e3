import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createOrmConfig } from '../../server/db/mikro-orm.config.js';
import { migrationsList } from '../../server/db/migrations/index.js';
import { seedDatabase } from '../../server/db/seed/seeder.js';
import { databaseUrl, dropDatabase, withAdmin } from '../helpers/db.js';

/**
 * An install that ran before assignments had a scope and indicator values had plan categories holds
 * rows these two migrations rewrite. The rows below are in the shape such an install holds them, with
 * the plan's own codes, so that the next start's seed also meets them as it would in the field.
 */
const SCOPE = 'Migration20261129221424_scope_and_assumptions';
const CORRECTIONS = 'Migration20261129221429_indicator_value_corrections';
const BEFORE = migrationsList[migrationsList.findIndex((m) => m.name === SCOPE) - 1].name;

const databases: string[] = [];
const orms: MikroORM[] = [];
afterAll(async () => {
  for (const orm of orms) await orm.close(true);
  await withAdmin(async (client) => {
    for (const database of databases) await dropDatabase(client, database);
  });
});

const SIX_LEVELS = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'DISTRICT_HOSPITAL', 'PROVINCIAL_HOSPITAL'];

interface OldInstall {
  orm: MikroORM;
  sql: <T = any>(text: string, params?: unknown[]) => Promise<T[]>;
  id: Record<string, string>;
}

async function installBeforeTheBackfill(label: string): Promise<OldInstall> {
  const database = `tiendo_test_${inject('runId')}_${label}_${process.pid}`;
  await withAdmin((client) => client.query(`create database "${database}"`));
  databases.push(database);
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: databaseUrl(database) }));
  orms.push(orm);
  const applied = await orm.migrator.up({ to: BEFORE });
  expect(applied.map((m) => m.name).at(-1)).toBe(BEFORE);
  const sql = <T = any>(text: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(text, params);

  const id = Object.fromEntries(
    [
      'ubnd', 'gddt', 'habac', 'plan', 'task1', 'task11', 'task4', 'targetT1', 'targetT2', 'targetT5',
      'habac11', 'gddt11', 'gddt4', 'school', 'hospital', 'station',
    ].map((key) => [key, randomUUID()]),
  );
  await sql(
    `insert into unit (id, created_at, updated_at, code, name, short_name, kind) values
       (?, now(), now(), 'UBND-HUYEN', 'Ủy ban nhân dân huyện Hà Trung', 'UBND huyện', 'LEADERSHIP'),
       (?, now(), now(), 'PHONG-GDDT', 'Phòng Giáo dục và Đào tạo', 'Phòng GD&ĐT', 'OFFICE'),
       (?, now(), now(), 'XA-HABAC', 'Xã Hà Bắc', 'Xã Hà Bắc', 'COMMUNE')`,
    [id.ubnd, id.gddt, id.habac],
  );
  await sql(
    `insert into plan (id, created_at, updated_at, code, title, issuing_body, status, period_start, period_end)
     values (?, now(), now(), 'HT-CDS-TTKDTM-2022', 'Kế hoạch chuyển đổi số huyện Hà Trung', 'Ủy ban nhân dân huyện Hà Trung', 'ACTIVE', '2022-01-01', '2022-12-31')`,
    [id.plan],
  );
  await sql(
    `insert into task (id, created_at, updated_at, plan_id, parent_id, number, position, title, due_date) values
       (?, now(), now(), ?, null, '1', 1000000, 'Trường học, cơ sở giáo dục', '2022-12-31'),
       (?, now(), now(), ?, ?, '1.1', 1001000, 'Chuyển đổi số trong trường học', '2022-12-31'),
       (?, now(), now(), ?, null, '4', 4000000, 'Đào tạo, tập huấn', '2022-12-31')`,
    [id.task1, id.plan, id.task11, id.plan, id.task1, id.task4, id.plan],
  );
  await sql(
    `insert into target (id, created_at, updated_at, plan_id, code, title, sector, metric, comparator, threshold_percent, deadline) values
       (?, now(), now(), ?, 'T1', '50% trường học, cơ sở giáo dục sử dụng nền tảng số để chuyển đổi số', 'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31'),
       (?, now(), now(), ?, 'T2', '50% bệnh viện, cơ sở y tế sử dụng nền tảng số để chuyển đổi số', 'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31'),
       (?, now(), now(), ?, 'T5', 'Số lượng các giao dịch thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục, trong các bệnh viện tuyến tỉnh đạt trên 50%', 'EDUCATION_AND_HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31')`,
    [id.targetT1, id.plan, id.targetT2, id.plan, id.targetT5, id.plan],
  );
  await sql(
    `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, status, progress, due_date, started_at, completed_at) values
       (?, now(), now(), ?, ?, ?, 'COORDINATE', 'IN_PROGRESS', 40, '2022-12-31', '2022-05-02T08:00:00+07:00', null),
       (?, now(), now(), ?, ?, ?, 'LEAD', 'DONE', 100, '2022-12-31', '2022-04-20T08:00:00+07:00', '2022-11-30T16:00:00+07:00'),
       (?, now(), now(), ?, ?, ?, 'LEAD', 'NOT_STARTED', 0, '2022-12-31', null, null)`,
    [id.habac11, id.plan, id.task11, id.habac, id.gddt11, id.plan, id.task11, id.gddt, id.gddt4, id.plan, id.task4, id.gddt],
  );
  await sql(
    `insert into facility (id, created_at, updated_at, code, name, commune_id, sector, level) values
       (?, now(), now(), 'TH-XA-HABAC', 'Trường Tiểu học Hà Bắc', ?, 'EDUCATION', 'PRIMARY'),
       (?, now(), now(), 'BVDK-HATRUNG', 'Bệnh viện Đa khoa huyện Hà Trung', ?, 'HEALTH', 'DISTRICT_HOSPITAL'),
       (?, now(), now(), 'TYT-XA-HABAC', 'Trạm Y tế Hà Bắc', ?, 'HEALTH', 'HEALTH_STATION')`,
    [id.school, id.habac, id.hospital, id.habac, id.station, id.habac],
  );
  // Product names as offices typed them: case and spaces vary, some are not in the mapping, one
  // school product sits on a hospital's row, and one school recorded a product but said it uses none.
  const values: Array<[string, string, boolean, string[], boolean, number | null, number | null]> = [
    [id.school, '2022-03-15', false, ['vnEdu'], false, null, null],
    [id.school, '2022-06-30', true, ['vnEdu', ' K12Online '], true, 40, 100],
    [id.school, '2022-07-01', true, ['SMAS', 'vnedu'], true, 0, 10],
    [id.school, '2022-12-31', true, ['Zalo lớp học'], false, null, null],
    [id.hospital, '2022-06-30', true, ['Phần mềm HIS'], false, null, null],
    [id.hospital, '2022-12-31', true, ['Bệnh án điện tử', 'Đơn thuốc điện tử', 'vnEdu'], true, 300, 1000],
    [id.station, '2022-06-30', true, ['Hồ sơ sức khỏe điện tử', 'QUẢN LÝ TIÊM CHỦNG', 'Khám chữa bệnh từ xa'], false, null, null],
    [id.station, '2022-12-31', true, [], true, 120, 200],
  ];
  for (const [facility, asOf, usesDigitalPlatform, platforms, acceptsCashless, cashless, total] of values) {
    await sql(
      `insert into indicator_value (id, created_at, updated_at, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless, cashless_transactions, total_transactions)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, array(select json_array_elements_text(?::json)), ?, ?, ?)`,
      // As JSON: the query binder spreads a JS array into a list of parameters.
      [facility, asOf, usesDigitalPlatform, JSON.stringify(platforms), acceptsCashless, cashless, total],
    );
  }
  return { orm, sql, id };
}

const sorted = (values: string[]) => [...values].sort();

/** Every row the two migrations touch, as JSON, to tell whether a second run changed anything. */
async function snapshot({ sql }: OldInstall) {
  const [row] = await sql(
    `select (select json_agg(t order by id) from target t) as targets,
            (select json_agg(a order by id) from assignment a) as assignments,
            (select json_agg(v order by id) from indicator_value v) as values,
            (select json_agg(p order by id) from plan p) as plans,
            (select count(*)::int from mikro_orm_migrations) as migrations`,
  );
  return row;
}

describe('the scope and indicator-value migrations on an install that ran before them', () => {
  it('backfill the scope, the two-sector target’s levels and the figures’ categories, channels and periods; a second run does nothing', async () => {
    const install = await installBeforeTheBackfill('backfill');
    const { orm, sql, id } = install;

    const applied = await orm.migrator.up({ to: CORRECTIONS });
    expect(applied.map((m) => m.name)).toEqual([SCOPE, CORRECTIONS]);

    // The rule that counted both sectors' schools and hospitals for T5 became T5's data; the one-sector targets stay open.
    const targets = await sql(`select code, facility_levels::text[] as levels, not_applicable_reason, note from target order by code`);
    expect(targets).toEqual([
      { code: 'T1', levels: null, not_applicable_reason: null, note: null },
      { code: 'T2', levels: null, not_applicable_reason: null, note: null },
      { code: 'T5', levels: SIX_LEVELS, not_applicable_reason: null, note: null },
    ]);

    // Every existing assignment is the district's part, with its work as it was.
    const assignments = await sql(
      `select id, scope::text, role::text, status::text, progress, assumption, completed_at is not null as completed from assignment order by id`,
    );
    expect(assignments).toHaveLength(3);
    expect(Object.fromEntries(assignments.map(({ id: rowId, ...rest }) => [rowId, rest]))).toEqual({
      [id.habac11]: { scope: 'DISTRICT', role: 'COORDINATE', status: 'IN_PROGRESS', progress: 40, assumption: null, completed: false },
      [id.gddt11]: { scope: 'DISTRICT', role: 'LEAD', status: 'DONE', progress: 100, assumption: null, completed: true },
      [id.gddt4]: { scope: 'DISTRICT', role: 'LEAD', status: 'NOT_STARTED', progress: 0, assumption: null, completed: false },
    });
    const [assumptions] = await sql(
      `select (select count(*)::int from plan where assumption is not null) + (select count(*)::int from task where assumption is not null)
            + (select count(*)::int from unit where assumption is not null) as filled`,
    );
    expect(assumptions.filled).toBe(0);

    const rows = await sql(
      `select f.code || ' ' || v.as_of::text as key, v.digital_platforms::text[] as platforms, v.cashless_channels::text[] as channels,
              v.period_start::text as period_start, v.period_end::text as period_end, v.platforms as recorded,
              v.cashless_amount, v.total_amount, v.focal_person_name, v.focal_person_phone, v.supersedes_id, v.reason, v.reported_by_id
         from indicator_value v join facility f on f.id = v.facility_id`,
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, { ...r, platforms: sorted(r.platforms), channels: sorted(r.channels) }]));
    const expected: Record<string, { platforms: string[]; channels: string[]; period: [string, string] }> = {
      // Said it uses none: the recorded product does not make it count.
      'TH-XA-HABAC 2022-03-15': { platforms: [], channels: [], period: ['2022-01-01', '2022-03-15'] },
      'TH-XA-HABAC 2022-06-30': { platforms: ['ONLINE_TEACHING_LEARNING_EXAMS', 'SCHOOL_MANAGEMENT'], channels: ['BANK_TRANSFER_QR'], period: ['2022-01-01', '2022-06-30'] },
      // The first day of the second half-year opens it.
      'TH-XA-HABAC 2022-07-01': { platforms: ['SCHOOL_MANAGEMENT'], channels: ['BANK_TRANSFER_QR'], period: ['2022-07-01', '2022-07-01'] },
      // An unknown product falls back to the sector's management category.
      'TH-XA-HABAC 2022-12-31': { platforms: ['SCHOOL_MANAGEMENT'], channels: [], period: ['2022-07-01', '2022-12-31'] },
      'BVDK-HATRUNG 2022-06-30': { platforms: ['HOSPITAL_MANAGEMENT'], channels: [], period: ['2022-01-01', '2022-06-30'] },
      // vnEdu on a hospital's row is not a school category for it.
      'BVDK-HATRUNG 2022-12-31': { platforms: ['E_PRESCRIPTION', 'ELECTRONIC_MEDICAL_RECORDS'], channels: ['BANK_TRANSFER_QR'], period: ['2022-07-01', '2022-12-31'] },
      'TYT-XA-HABAC 2022-06-30': {
        platforms: ['PERSONAL_HEALTH_RECORDS', 'TELEMEDICINE', 'VACCINATION_MANAGEMENT'],
        channels: [],
        period: ['2022-01-01', '2022-06-30'],
      },
      // Uses a platform but named none.
      'TYT-XA-HABAC 2022-12-31': { platforms: ['HOSPITAL_MANAGEMENT'], channels: ['BANK_TRANSFER_QR'], period: ['2022-07-01', '2022-12-31'] },
    };
    expect(Object.keys(byKey).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, want] of Object.entries(expected)) {
      const row = byKey[key];
      expect({ platforms: row.platforms, channels: row.channels, period: [row.period_start, row.period_end] }, key).toEqual({
        platforms: sorted(want.platforms),
        channels: want.channels,
        period: want.period,
      });
      // Never recorded before, so nothing is made up; the names typed stay for reference.
      expect([row.cashless_amount, row.total_amount, row.focal_person_name, row.focal_person_phone, row.supersedes_id, row.reason, row.reported_by_id], key)
        .toEqual([null, null, null, null, null, null, null]);
    }
    expect(byKey['TH-XA-HABAC 2022-06-30'].recorded).toEqual(['vnEdu', ' K12Online ']);

    // The booleans the targets counted say the same as the new categories and channels, row for row.
    const [disagreements] = await sql(
      `select count(*)::int as n from indicator_value
        where uses_digital_platform <> (cardinality(digital_platforms) > 0) or accepts_cashless <> (cardinality(cashless_channels) > 0)`,
    );
    expect(disagreements.n).toBe(0);

    const before = await snapshot(install);
    expect(await orm.migrator.up({ to: CORRECTIONS })).toEqual([]);
    expect(await snapshot(install)).toEqual(before);

    // The old one-per-task-and-unit rule gave way to one per task, unit and scope, own-facility work led only.
    await sql(
      `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, scope, due_date)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, 'LEAD', 'OWN_FACILITIES', '2022-12-31')`,
      [id.plan, id.task11, id.habac],
    );
    await expect(
      sql(
        `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, scope, due_date)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, 'LEAD', 'DISTRICT', '2022-12-31')`,
        [id.plan, id.task11, id.habac],
      ),
    ).rejects.toThrow(/assignment_task_id_unit_id_scope_unique/);
    await expect(
      sql(
        `insert into assignment (id, created_at, updated_at, plan_id, task_id, unit_id, role, scope, due_date)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, 'COORDINATE', 'OWN_FACILITIES', '2022-12-31')`,
        [id.plan, id.task4, id.habac],
      ),
    ).rejects.toThrow(/assignment_own_facilities_lead/);
  });

  it('the next start’s seed then splits T5, adds the commune’s own-facility lead beside its district part and keeps the recorded work', async () => {
    const { orm, sql, id } = await installBeforeTheBackfill('backfill_seed');
    // As a start does: every pending migration, then the seed.
    const applied = await orm.migrator.up();
    expect(applied.map((m) => m.name)).toEqual(expect.arrayContaining([SCOPE, CORRECTIONS]));
    await seedDatabase(orm.em.fork() as never, { demo: false });

    const targets = await sql(
      `select code, title, sector::text, facility_levels::text[] as levels, not_applicable_reason from target where plan_id = ? order by code`,
      [id.plan],
    );
    expect(targets.map((t) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5.1', 'T5.2']);
    expect(targets.find((t) => t.code === 'T1').title).toContain('trên địa bàn tỉnh');
    expect(targets.find((t) => t.code === 'T5.1')).toMatchObject({ sector: 'EDUCATION', levels: null, not_applicable_reason: null });
    expect(targets.find((t) => t.code === 'T5.2')).toMatchObject({ sector: 'HEALTH', levels: ['PROVINCIAL_HOSPITAL'] });
    expect(targets.find((t) => t.code === 'T5.2').not_applicable_reason).toContain('không có bệnh viện tuyến tỉnh');

    const habac11 = await sql(
      `select id, scope::text, role::text, status::text, progress, assumption from assignment where task_id = ? and unit_id = ? order by scope`,
      [id.task11, id.habac],
    );
    expect(habac11).toHaveLength(2);
    expect(habac11[0]).toEqual({ id: id.habac11, scope: 'DISTRICT', role: 'COORDINATE', status: 'IN_PROGRESS', progress: 40, assumption: null });
    expect(habac11[1]).toMatchObject({ scope: 'OWN_FACILITIES', role: 'LEAD', status: 'NOT_STARTED', progress: 0 });
    expect(habac11[1].assumption).toContain('Mục V.4');
    const [done] = await sql(`select status::text, progress from assignment where id = ?`, [id.gddt11]);
    expect(done).toEqual({ status: 'DONE', progress: 100 });
    const [counts] = await sql(`select count(*) filter (where scope = 'OWN_FACILITIES')::int as own, count(*)::int as total from assignment`);
    expect(counts).toEqual({ own: 120, total: 236 });

    // The figures the migration backfilled are the communes' to correct, not the seed's to replace.
    const [figures] = await sql(`select count(*)::int as n, count(*) filter (where cardinality(digital_platforms) > 0)::int as using from indicator_value`);
    expect(figures).toEqual({ n: 8, using: 7 });

    expect((await seedDatabase(orm.em.fork() as never, { demo: false })).created).toBe(0);
  });
});
