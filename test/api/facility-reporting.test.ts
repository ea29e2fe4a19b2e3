import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createToken } from '../security/helpers.js';

const FIGURES = `id facilityId asOf periodStart periodEnd usesDigitalPlatform digitalPlatforms acceptsCashless cashlessChannels
  cashlessTransactions totalTransactions cashlessAmount totalAmount focalPersonName focalPersonPhone reason supersedesId
  supersededById isCurrent reportedByName`;
const REPORT = `mutation($facilityId: ID!, $input: IndicatorFiguresInput!) { reportIndicatorValue(facilityId: $facilityId, input: $input) { ${FIGURES} } }`;
const CORRECT = `mutation($id: ID!, $input: IndicatorFiguresInput!, $reason: String!) {
  correctIndicatorValue(id: $id, input: $input, reason: $reason) { ${FIGURES} } }`;
const MY_FACILITIES = '{ myFacilities { id code sector commune { code } } }';
const HISTORY = `query($id: ID!) { Facility(id: $id) { indicatorValues { ${FIGURES} } } }`;
const TARGETS = `query($asOf: LocalDate!) { allPlans(perPage: 10) { targets { code sector metric current(asOf: $asOf) { valuePercent facilitiesCounted } } } }`;

/** A school's half-year, 2023: after the seeded demo figures, so it is the latest a target sees. */
const input = (overrides: Record<string, unknown> = {}) => ({
  periodStart: '2023-01-01',
  periodEnd: '2023-06-30',
  digitalPlatforms: [],
  cashlessChannels: ['BANK_TRANSFER_QR', 'E_WALLET'],
  cashlessTransactions: 120,
  totalTransactions: 400,
  cashlessAmount: 6_000_000_000,
  totalAmount: 20_000_000_000,
  focalPersonName: 'Lê Thị Hoa',
  focalPersonPhone: '0912 345 678',
  ...overrides,
});

let server: TestServer;
let habac: string;
let habinh: string;
let school: { id: string; code: string };
let station: { id: string; code: string };
let otherCommuneSchool: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  habac = await server.login('xa-habac');
  habinh = await server.login('xa-habinh');
  const mine = await server.gql(MY_FACILITIES, {}, habac);
  expect(mine.errors).toBeUndefined();
  school = mine.data!.myFacilities.find((f: any) => f.code === 'MN-XA-HABAC');
  station = mine.data!.myFacilities.find((f: any) => f.code === 'TYT-XA-HABAC');
  const theirs = await server.gql(MY_FACILITIES, {}, habinh);
  otherCommuneSchool = theirs.data!.myFacilities.find((f: any) => f.code === 'MN-XA-HABINH');
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('facility figures entered by the commune', () => {
  it('a commune officer lists only their own commune’s facilities', async () => {
    const mine = await server.gql(MY_FACILITIES, {}, habac);
    const codes = mine.data!.myFacilities.map((f: any) => f.code);
    expect(codes.sort()).toEqual(['MN-XA-HABAC', 'TH-XA-HABAC', 'THCS-XA-HABAC', 'TYT-XA-HABAC']);
    expect(mine.data!.myFacilities.every((f: any) => f.commune.code === 'XA-HABAC')).toBe(true);
  });

  it('a commune officer reports a school’s half-year; the booleans are derived and the amounts are big', async () => {
    const res = await server.gql(REPORT, { facilityId: school.id, input: input({ digitalPlatforms: ['SCHOOL_MANAGEMENT'] }) }, habac);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportIndicatorValue).toMatchObject({
      asOf: '2023-06-30', periodStart: '2023-01-01', usesDigitalPlatform: true, digitalPlatforms: ['SCHOOL_MANAGEMENT'],
      acceptsCashless: true, cashlessChannels: ['BANK_TRANSFER_QR', 'E_WALLET'], cashlessAmount: 6_000_000_000, totalAmount: 20_000_000_000,
      focalPersonName: 'Lê Thị Hoa', focalPersonPhone: '0912 345 678', reason: null, supersedesId: null, isCurrent: true,
      reportedByName: 'Cán bộ Xã Hà Bắc',
    });
    const again = await server.gql(REPORT, { facilityId: school.id, input: input() }, habac);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.periodEnd', existingId: res.data!.reportIndicatorValue.id });
  });

  it('refuses figures that contradict themselves, naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ cashlessTransactions: 401 }, 'input.cashlessTransactions'],
      [{ cashlessAmount: 20_000_000_001 }, 'input.cashlessAmount'],
      [{ periodStart: '2023-07-01' }, 'input.periodEnd'],
      [{ periodStart: '2999-01-01', periodEnd: '2999-06-30' }, 'input.periodEnd'],
      [{ digitalPlatforms: ['TELEMEDICINE'] }, 'input.digitalPlatforms'],
    ];
    for (const [overrides, argument] of cases) {
      const res = await server.gql(REPORT, { facilityId: school.id, input: input({ periodEnd: '2023-03-31', ...overrides }) }, habac);
      expect(res.errors?.[0].extensions, JSON.stringify(overrides)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    // A health station takes the health categories, not the school ones.
    const health = await server.gql(REPORT, { facilityId: station.id, input: input({ digitalPlatforms: ['SCHOOL_MANAGEMENT'] }) }, habac);
    expect(health.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.digitalPlatforms' });
    const ok = await server.gql(REPORT, { facilityId: station.id, input: input({ digitalPlatforms: ['E_PRESCRIPTION', 'VACCINATION_MANAGEMENT'] }) }, habac);
    expect(ok.errors).toBeUndefined();
    const unknown = await server.gql(REPORT, { facilityId: school.id, input: input({ cashlessChannels: ['CASH'] }) }, habac);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nobody else may report a commune’s facility', async () => {
    const admin = await server.login('admin');
    const office = await server.login('gddt');
    const leader = await server.login('phochutich');
    const readToken = await createToken(server, admin, 'XA-HABAC', 'READ');
    const figures = { facilityId: otherCommuneSchool.id, input: input() };
    expect((await server.gql(REPORT, figures, habac)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of [office, leader, readToken.secret]) {
      expect((await server.gql(REPORT, { facilityId: school.id, input: input({ periodEnd: '2023-05-31' }) }, who)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(REPORT, { facilityId: school.id, input: input() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(MY_FACILITIES, {}, readToken.secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(MY_FACILITIES, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // ADMIN may report any commune's facility.
    const byAdmin = await server.gql(REPORT, figures, admin);
    expect(byAdmin.errors).toBeUndefined();
    // And only the facility's own commune may correct it.
    const id = byAdmin.data!.reportIndicatorValue.id;
    for (const who of [habac, office, readToken.secret]) {
      expect((await server.gql(CORRECT, { id, input: input(), reason: 'Sai số liệu' }, who)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(CORRECT, { id, input: input(), reason: 'Sai số liệu' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(CORRECT, { id, input: input({ totalTransactions: 500 }), reason: 'Sai tổng số' }, habinh)).errors).toBeUndefined();
  });

  it('a correction is a new row with its reason; the target counts it and the history keeps the old one', async () => {
    const original = await server.gql(REPORT, { facilityId: school.id, input: input({ periodEnd: '2023-09-30', periodStart: '2023-07-01' }) }, habac);
    expect(original.errors).toBeUndefined();
    const first = original.data!.reportIndicatorValue;
    const digitalTarget = async () => {
      const res = await server.gql(TARGETS, { asOf: '2023-09-30' }, habac);
      expect(res.errors).toBeUndefined();
      return res.data!.allPlans.flatMap((p: any) => p.targets)
        .find((t: any) => t.sector === 'EDUCATION' && t.metric === 'FACILITIES_USING_DIGITAL_PLATFORM').current;
    };
    const before = await digitalTarget();

    const noReason = await server.gql(CORRECT, { id: first.id, input: input({ periodEnd: '2023-09-30', periodStart: '2023-07-01' }), reason: '  ' }, habac);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const otherDay = await server.gql(CORRECT, { id: first.id, input: input(), reason: 'Nhầm kỳ' }, habac);
    expect(otherDay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.periodEnd' });

    const corrected = await server.gql(
      CORRECT,
      { id: first.id, input: input({ periodEnd: '2023-09-30', periodStart: '2023-07-01', digitalPlatforms: ['SCHOOL_PARENT_CONNECTION'] }), reason: 'Trường đã dùng sổ liên lạc điện tử' },
      habac,
    );
    expect(corrected.errors).toBeUndefined();
    const second = corrected.data!.correctIndicatorValue;
    expect(second).toMatchObject({ supersedesId: first.id, reason: 'Trường đã dùng sổ liên lạc điện tử', isCurrent: true, asOf: '2023-09-30' });
    expect(second.id).not.toBe(first.id);

    const after = await digitalTarget();
    expect(after.facilitiesCounted).toBe(before.facilitiesCounted);
    expect(after.valuePercent - before.valuePercent).toBeCloseTo(100 / before.facilitiesCounted, 9);

    const history = await server.gql(HISTORY, { id: school.id }, habac);
    expect(history.errors).toBeUndefined();
    const rows = history.data!.Facility.indicatorValues;
    expect(rows.slice(0, 2).map((r: any) => r.id)).toEqual([second.id, first.id]);
    expect(rows[1]).toMatchObject({ isCurrent: false, supersededById: second.id, digitalPlatforms: [], usesDigitalPlatform: false });
    expect(rows[0].reportedByName).toBe('Cán bộ Xã Hà Bắc');

    // Only the newest row of a day may be corrected: the chain never forks.
    const stale = await server.gql(CORRECT, { id: first.id, input: input({ periodEnd: '2023-09-30', periodStart: '2023-07-01' }), reason: 'Lần nữa' }, habac);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', latestId: second.id });
  });

  it('figures are never edited or deleted in place', async () => {
    const admin = await server.login('admin');
    const res = await server.gql('mutation($id: ID!) { deleteIndicatorValue(id: $id) { id } }', { id: school.id }, admin);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('indicator values in lists', () => {
  it('the generic list and connection serve the categories, channels and amounts', async () => {
    const res = await server.gql(
      `query($f: IndicatorValueFilter) { allIndicatorValues(filter: $f, perPage: 50) { asOf digitalPlatforms cashlessChannels cashlessAmount reason }
        indicatorValues(first: 50, filter: $f) { edges { node { digitalPlatforms cashlessChannels totalAmount } } } }`,
      { f: { facilityId: school.id } },
      habac,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.allIndicatorValues.length).toBeGreaterThanOrEqual(3);
    expect(res.data!.allIndicatorValues.every((v: any) => Array.isArray(v.digitalPlatforms) && Array.isArray(v.cashlessChannels))).toBe(true);
    expect(res.data!.allIndicatorValues.find((v: any) => v.asOf === '2023-06-30')).toMatchObject({ cashlessAmount: 6_000_000_000 });
  });
});
