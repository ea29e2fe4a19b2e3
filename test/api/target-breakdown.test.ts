import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Known figures for two communes (every other facility's figures removed), reported by the communes
 * themselves, then read back per commune, over time and against time.
 */
const REPORT = `mutation($facilityId: ID!, $input: IndicatorFiguresInput!) { reportIndicatorValue(facilityId: $facilityId, input: $input) { id } }`;
const CORRECT = `mutation($id: ID!, $input: IndicatorFiguresInput!, $reason: String!) { correctIndicatorValue(id: $id, input: $input, reason: $reason) { id } }`;
const MY_FACILITIES = '{ myFacilities { id code } }';
const VALUE = 'valuePercent numerator denominator status facilitiesInScope';
const BY_COMMUNE = `query($p: ID!, $asOf: LocalDate!) { Plan(id: $p) { targets { code current(asOf: $asOf) { ${VALUE} }
  byCommune(asOf: $asOf) { communeId commune { code } asOf ${VALUE} notApplicableReason } } } }`;
const HISTORY = `query($p: ID!, $from: LocalDate!, $to: LocalDate!, $points: Int) { Plan(id: $p) { targets { code
  history(from: $from, to: $to, points: $points) { day valuePercent numerator denominator } } } }`;

let server: TestServer;
let planId: string;
const tokens: Record<string, string> = {};
const reported: Record<string, string> = {};
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

const figures = (periodEnd: string, digital: boolean, cashless: boolean, health = false) => ({
  periodStart: periodEnd.slice(0, 8) + '01',
  periodEnd,
  digitalPlatforms: digital ? [health ? 'E_PRESCRIPTION' : 'SCHOOL_MANAGEMENT'] : [],
  cashlessChannels: cashless ? ['BANK_TRANSFER_QR'] : [],
  cashlessTransactions: cashless ? 30 : 0,
  totalTransactions: 100,
  cashlessAmount: cashless ? 3_000_000 : 0,
  totalAmount: 10_000_000,
});

async function report(user: string, code: string, input: ReturnType<typeof figures>) {
  const mine = await server.gql(MY_FACILITIES, {}, tokens[user]);
  const facility = mine.data!.myFacilities.find((f: any) => f.code === code);
  const res = await server.gql(REPORT, { facilityId: facility.id, input }, tokens[user]);
  expect(res.errors, code).toBeUndefined();
  reported[`${code}@${input.periodEnd}`] = res.data!.reportIndicatorValue.id;
}

async function targets(asOf: string) {
  const res = await server.gql(BY_COMMUNE, { p: planId, asOf }, tokens.phochutich);
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.Plan.targets.map((t: any) => [t.code, t]));
}
const commune = (target: any, code: string) => target.byCommune.find((c: any) => c.commune.code === code);

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['xa-habac', 'xa-habinh', 'phochutich']) tokens[user] = await server.login(user);
  [{ id: planId }] = await sql(`select id from plan where code = 'HT-CDS-TTKDTM-2022'`);
  await sql('delete from indicator_value');
  // Hà Bắc: in March one school of three on a platform and taking cashless payment, the station neither;
  // by September two schools on a platform and all three taking cashless payment.
  await report('xa-habac', 'MN-XA-HABAC', figures('2022-03-31', true, true));
  await report('xa-habac', 'TH-XA-HABAC', figures('2022-03-31', false, false));
  await report('xa-habac', 'THCS-XA-HABAC', figures('2022-03-31', false, false));
  await report('xa-habac', 'TYT-XA-HABAC', figures('2022-03-31', false, false, true));
  await report('xa-habac', 'TH-XA-HABAC', figures('2022-09-30', true, true));
  await report('xa-habac', 'THCS-XA-HABAC', figures('2022-09-30', false, true));
  // Hà Bình: all three schools on a platform and taking cashless payment from March.
  for (const code of ['MN-XA-HABINH', 'TH-XA-HABINH', 'THCS-XA-HABINH']) await report('xa-habinh', code, figures('2022-03-31', true, true));
}, 120_000);
afterAll(() => server?.close());

describe('a target per commune', () => {
  it('gives each commune its own figures; communes without figures have none', async () => {
    const t = await targets('2022-07-02');
    // T1: schools on a digital platform, at least 50%.
    expect(commune(t.T1, 'XA-HABAC')).toMatchObject({ asOf: '2022-07-02', numerator: 1, denominator: 3, facilitiesInScope: 3, status: 'ON_TRACK' });
    expect(commune(t.T1, 'XA-HABAC').valuePercent).toBeCloseTo(100 / 3, 9);
    expect(commune(t.T1, 'XA-HABINH')).toMatchObject({ numerator: 3, denominator: 3, valuePercent: 100, status: 'MET' });
    expect(commune(t.T1, 'XA-HACHAU')).toMatchObject({ numerator: null, denominator: null, valuePercent: null, facilitiesInScope: 3, status: 'NO_DATA' });
    // The district is the sum of its communes.
    expect(t.T1.current).toMatchObject({ numerator: 4, denominator: 6, status: 'MET' });
    // T5.1 counts transactions: 30 of 100 at each school that takes cashless payment.
    expect(commune(t['T5.1'], 'XA-HABAC')).toMatchObject({ numerator: 30, denominator: 300, valuePercent: 10 });
    // Every commune is listed, once, for every target.
    const communes = t.T1.byCommune.map((c: any) => c.commune.code);
    expect(new Set(communes).size).toBe(communes.length);
    expect(communes).toEqual(expect.arrayContaining(['TT-HATRUNG', 'XA-HABAC', 'XA-HABINH', 'XA-HACHAU']));
    for (const target of Object.values(t) as any[]) expect(target.byCommune.map((c: any) => c.commune.code).sort()).toEqual([...communes].sort());
  });

  it('T5.2 (provincial hospitals) does not apply in any commune, with its reason', async () => {
    const t = await targets('2022-07-02');
    expect(t['T5.2'].current.status).toBe('NOT_APPLICABLE');
    for (const c of t['T5.2'].byCommune) {
      expect(c, c.commune.code).toMatchObject({ status: 'NOT_APPLICABLE', facilitiesInScope: 0, valuePercent: null });
      expect(c.notApplicableReason).toBeTruthy();
    }
  });

  it('follows a change of figures, and a correction replaces what it corrects', async () => {
    const before = await targets('2022-09-29');
    const after = await targets('2022-10-01');
    expect(commune(before.T1, 'XA-HABAC')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(commune(after.T1, 'XA-HABAC')).toMatchObject({ numerator: 2, denominator: 3, status: 'MET' });
    expect(commune(after.T3, 'XA-HABAC')).toMatchObject({ numerator: 3, denominator: 3, status: 'MET' });

    // Only the commune may correct its figures; the correction then counts instead of the original.
    const id = reported['TH-XA-HABAC@2022-09-30'];
    const input = figures('2022-09-30', false, true);
    const refused = await server.gql(CORRECT, { id, input, reason: 'Nhập nhầm' }, tokens['xa-habinh']);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const corrected = await server.gql(CORRECT, { id, input, reason: 'Trường chưa dùng nền tảng số' }, tokens['xa-habac']);
    expect(corrected.errors).toBeUndefined();
    const now = await targets('2022-10-01');
    expect(commune(now.T1, 'XA-HABAC')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(now.T1.current).toMatchObject({ numerator: 4, denominator: 6 });
    // Put back, so the other tests see the figures described above.
    const back = await server.gql(CORRECT, { id: corrected.data!.correctIndicatorValue.id, input: figures('2022-09-30', true, true), reason: 'Trả lại số liệu đúng' }, tokens['xa-habac']);
    expect(back.errors).toBeUndefined();
  });

  it('judges the status against the time elapsed before the deadline, NOT_MET only after it', async () => {
    // T3: schools taking cashless payment, 100% by 31/12/2022; the plan runs from 01/01/2022.
    // 2022-07-02: half the time gone, 4 of 6 schools (2/3 of the way): on track.
    expect((await targets('2022-07-02')).T3.current).toMatchObject({ numerator: 4, denominator: 6, status: 'ON_TRACK' });
    // 2022-09-29: three quarters of the time gone (271 of 364 days), still 4 of 6: at risk.
    const late = await targets('2022-09-29');
    expect(late.T3.current).toMatchObject({ numerator: 4, denominator: 6, status: 'AT_RISK' });
    expect(commune(late.T3, 'XA-HABAC')).toMatchObject({ numerator: 1, denominator: 3, status: 'AT_RISK' });
    // T2: health facilities on a digital platform; Hà Bắc's station is not: at risk, then not met.
    expect(commune(late.T2, 'XA-HABAC')).toMatchObject({ numerator: 0, denominator: 1, status: 'AT_RISK' });
    const after = await targets('2023-01-01');
    expect(commune(after.T2, 'XA-HABAC')).toMatchObject({ numerator: 0, denominator: 1, status: 'NOT_MET' });
    expect(after.T2.current.status).toBe('NOT_MET');
    expect(after.T3.current.status).toBe('MET');
  });
});

describe('a target over time', () => {
  it('gives evenly spaced points, each equal to the value on its day', async () => {
    const res = await server.gql(HISTORY, { p: planId, from: '2022-03-30', to: '2022-09-30', points: 5 }, tokens.phochutich);
    expect(res.errors).toBeUndefined();
    const t1 = res.data!.Plan.targets.find((t: any) => t.code === 'T1').history;
    expect(t1).toEqual([
      { day: '2022-03-30', valuePercent: null, numerator: null, denominator: null },
      { day: '2022-05-15', valuePercent: (100 * 4) / 6, numerator: 4, denominator: 6 },
      { day: '2022-06-30', valuePercent: (100 * 4) / 6, numerator: 4, denominator: 6 },
      { day: '2022-08-15', valuePercent: (100 * 4) / 6, numerator: 4, denominator: 6 },
      { day: '2022-09-30', valuePercent: (100 * 5) / 6, numerator: 5, denominator: 6 },
    ]);
    for (const target of res.data!.Plan.targets) {
      expect(target.history, target.code).toHaveLength(5);
      for (const point of [target.history[1], target.history[4]]) {
        const current = (await targets(point.day))[target.code].current;
        expect({ numerator: point.numerator, denominator: point.denominator }, `${target.code} ${point.day}`).toEqual({
          numerator: current.numerator,
          denominator: current.denominator,
        });
      }
    }
    const defaults = await server.gql(HISTORY, { p: planId, from: '2022-01-01', to: '2022-12-31' }, tokens.phochutich);
    expect(defaults.data!.Plan.targets[0].history).toHaveLength(12);
  });

  it('refuses too many points or a reversed range, naming the argument', async () => {
    const many = await server.gql(HISTORY, { p: planId, from: '2022-01-01', to: '2022-12-31', points: 61 }, tokens.phochutich);
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'points' });
    const reversed = await server.gql(HISTORY, { p: planId, from: '2022-12-31', to: '2022-01-01' }, tokens.phochutich);
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('costs the same statements for every target and commune, however many communes there are', async () => {
    const q = `query($p: ID!) { Plan(id: $p) { targets { code current(asOf: "2022-10-01") { status }
      byCommune(asOf: "2022-10-01") { commune { code name } status numerator }
      history(from: "2022-01-01", to: "2022-12-31", points: 60) { day numerator } } } }`;
    const small = await server.countQueries(() => server.gql(q, { p: planId }, tokens.phochutich));
    expect(small.result.errors).toBeUndefined();
    await sql(
      `with units as (
         insert into unit (id, created_at, updated_at, code, name, kind)
         select gen_random_uuid(), now(), now(), 'QC-' || i, 'Xã thử ' || i, 'COMMUNE' from generate_series(1, 50) i returning id, code),
       facilities as (
         insert into facility (id, created_at, updated_at, code, name, commune_id, sector, level, is_demo)
         select gen_random_uuid(), now(), now(), 'TH-' || u.code, 'Trường ' || u.code, u.id, 'EDUCATION', 'PRIMARY', false from units u returning id)
       insert into indicator_value (id, created_at, updated_at, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless)
       select gen_random_uuid(), now(), now(), f.id, '2022-06-30', true, '{}', true from facilities f`,
    );
    const large = await server.countQueries(() => server.gql(q, { p: planId }, tokens.phochutich));
    expect(large.result.errors).toBeUndefined();
    const t1 = large.result.data!.Plan.targets.find((t: any) => t.code === 'T1');
    expect(t1.byCommune.length).toBeGreaterThanOrEqual(small.result.data!.Plan.targets[0].byCommune.length + 50);
    expect(t1.history).toHaveLength(60);
    expect(large.count).toBe(small.count);
    // the plan, its targets, the current values, the per-commune values, their communes, the history
    expect(large.count).toBeLessThanOrEqual(7);
  });
});
