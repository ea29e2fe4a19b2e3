import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { QueueName } from '../../jobs/registry.js';
import { silentLogger } from '../../server/shared/logger.js';

const NOMINATION = `id version kind state source score rank achievement candidateName reason unit { code } facility { code }
  criteria { code passed detail weight } history { action fromState toState comment actorName }`;
const EVALUATE = `mutation($planId: ID!, $periodEnd: LocalDate!) { evaluateAwards(planId: $planId, periodEnd: $periodEnd) {
  id state evaluated qualified nominated updated withdrawn error } }`;
const EVALUATION = 'query($id: ID!) { awardEvaluation(id: $id) { id state evaluated qualified nominated updated withdrawn error } }';
const NOMINATIONS = `query($planId: ID!, $periodEnd: LocalDate) { awardNominations(planId: $planId, periodEnd: $periodEnd) { ${NOMINATION} } }`;
const CRITERIA = `mutation($planId: ID!, $version: Int!, $facilityEvidenceWeight: Int, $minScorePercent: Float) {
  updateAwardCriteria(planId: $planId, version: $version, facilityEvidenceWeight: $facilityEvidenceWeight, minScorePercent: $minScorePercent) {
    version isDefault facilityEvidenceWeight minScorePercent } }`;

let server: TestServer;
let workers: Workers;
let events: QueueEvents;
let planId: string;
let leader: string;
let vhtt: string;
let gddt: string;
let commune: string;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(text, params);

/** One facility's figures for the second half of 2022, written as a commune would have reported them. */
async function figures(code: string, asOf: string, v: { platforms: string[]; channels: string[]; cashless: number; total: number; focal: string | null }) {
  const [row] = await sql<{ id: string }>(
    `insert into indicator_value (id, created_at, updated_at, version, facility_id, as_of, uses_digital_platform, platforms, accepts_cashless,
                                  cashless_transactions, total_transactions, digital_platforms, cashless_channels, focal_person_name)
     select gen_random_uuid(), now(), now(), 1, f.id, ?::date, ?, '{}', ?, ?, ?, ?::digital_platform[], ?::cashless_channel[], ?
       from facility f where f.code = ? returning id`,
    [asOf, v.platforms.length > 0, v.channels.length > 0, v.cashless, v.total, `{${v.platforms.join(',')}}`, `{${v.channels.join(',')}}`, v.focal, code],
  );
  return row.id;
}

async function evaluated(token: string) {
  const asked = await server.gql(EVALUATE, { planId, periodEnd: '2022-12-31' }, token);
  expect(asked.errors).toBeUndefined();
  const job = (await server.app.queues.deadlines.getJob(`award-evaluation-${asked.data!.evaluateAwards.id}`))!;
  await job.waitUntilFinished(events, 60_000);
  return (await server.gql(EVALUATION, { id: asked.data!.evaluateAwards.id }, token)).data!.awardEvaluation;
}

async function nominations(token = leader) {
  const res = await server.gql(NOMINATIONS, { planId, periodEnd: '2022-12-31' }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.awardNominations as any[];
}

beforeAll(async () => {
  server = await startTestServer();
  workers = startWorkers({ orm: server.app.orm, config: server.config, logger: silentLogger });
  events = new QueueEvents(QueueName.DEADLINES, { connection: { url: REDIS_URL } as never, prefix: server.config.queuePrefix });
  await events.waitUntilReady();
  [leader, vhtt, gddt, commune] = await Promise.all(['phochutich', 'vhtt', 'gddt', 'xa-habac'].map((u) => server.login(u)));
  planId = await findPlanId(server, leader);

  // A known half-year: only these facilities reported, and only the Education Office did all its work on time.
  await sql('delete from indicator_value');
  const best = await figures('TH-XA-HABAC', '2022-12-20', { platforms: ['SCHOOL_MANAGEMENT', 'SCHOOL_PARENT_CONNECTION'], channels: ['BANK_TRANSFER_QR'], cashless: 60, total: 100, focal: 'Lê Thị Hoa' });
  await figures('MN-XA-HABAC', '2022-12-20', { platforms: ['SCHOOL_MANAGEMENT'], channels: ['E_WALLET'], cashless: 40, total: 100, focal: 'Trần Văn An' });
  await figures('TYT-XA-HABAC', '2022-12-20', { platforms: ['E_PRESCRIPTION'], channels: ['CARD'], cashless: 75, total: 100, focal: 'Ngô Thị Lan' });
  // Reported after the year ended: not a candidate for 2022.
  await figures('THCS-XA-HABAC', '2023-01-15', { platforms: ['SCHOOL_MANAGEMENT'], channels: ['CARD'], cashless: 90, total: 100, focal: 'Vũ Văn Nam' });
  await sql(
    `insert into evidence (id, created_at, updated_at, version, owner_kind, owner_id, unit_id, uploaded_at, original_name, size, content_type,
                           detected_extension, sha256, storage_key)
     select gen_random_uuid(), now(), now(), 1, 'INDICATOR_VALUE', ?, u.id, now(), 'bien-ban.pdf', 100, 'application/pdf', 'pdf', repeat('a', 64), 'evidence/' || gen_random_uuid()
       from unit u where u.code = 'XA-HABAC'`,
    [best],
  );
  await sql(
    `update assignment a set status = 'DONE', progress = 100, started_at = '2022-03-01T02:00:00Z', submitted_at = '2022-12-01T02:00:00Z',
            completed_at = '2022-12-05T02:00:00Z'
       from unit u where u.id = a.unit_id and u.code = 'PHONG-GDDT'`,
  );
  await sql(
    `update unit_report r set state = 'ACCEPTED', results = 'Đã triển khai.', submitted_at = '2022-12-15T02:00:00Z', reviewed_at = '2022-12-16T02:00:00Z'
       from reporting_obligation o, unit u
      where o.id = r.obligation_id and u.id = r.unit_id and u.code = 'PHONG-GDDT' and o.period = 'ANNUAL'`,
  );
}, 60_000);
afterAll(async () => {
  await events?.close();
  await workers?.close();
  await server?.close();
});

describe('award nominations from the plan’s own figures', () => {
  it('nominates the qualifying facilities and units only, ranked, with each criterion’s numbers', async () => {
    const run = await evaluated(vhtt);
    expect(run).toMatchObject({ state: 'DONE', nominated: 3, updated: 0, withdrawn: 0, qualified: 3, error: null });
    const [{ units }] = await sql<{ units: number }>(
      `select count(distinct unit_id)::int as units from assignment where plan_id = ? and status <> 'CANCELLED' and due_date > '2022-06-30' and due_date <= '2022-12-31'`,
      [planId],
    );
    // Three facilities reported for the half-year; every unit with work due in it was scored.
    expect(run.evaluated).toBe(3 + units);

    const list = await nominations();
    expect(list.map((n) => `${n.kind} ${n.facility?.code ?? n.unit.code} ${n.score} #${n.rank} ${n.state} ${n.source}`)).toEqual([
      'FACILITY TH-XA-HABAC 100 #1 PROPOSED AUTOMATIC',
      'FACILITY TYT-XA-HABAC 87.5 #2 PROPOSED AUTOMATIC',
      'UNIT PHONG-GDDT 100 #1 PROPOSED AUTOMATIC',
    ]);
    const station = list.find((n) => n.facility?.code === 'TYT-XA-HABAC');
    expect(station.criteria).toEqual([
      { code: 'PLATFORM', passed: true, detail: 'Dùng 1 nhóm nền tảng số kế hoạch nêu', weight: 2 },
      { code: 'CASHLESS', passed: true, detail: 'Có kênh thanh toán không dùng tiền mặt', weight: 2 },
      { code: 'CASHLESS_SHARE', passed: true, detail: '75,0% (ngưỡng 50%)', weight: 2 },
      { code: 'FOCAL_PERSON', passed: true, detail: 'Đã cử đầu mối', weight: 1 },
      { code: 'EVIDENCE', passed: false, detail: '0 tệp minh chứng kèm số liệu trong kỳ', weight: 1 },
    ]);
    expect(station.achievement).toBe('dùng 1 nhóm nền tảng số; chấp nhận thanh toán không dùng tiền mặt; 75,0% giao dịch không dùng tiền mặt; có đầu mối thanh toán không dùng tiền mặt');
    const gddtUnit = list.find((n) => n.unit.code === 'PHONG-GDDT' && n.kind === 'UNIT');
    expect(gddtUnit.criteria.map((c: any) => `${c.code} ${c.passed} ${c.detail}`)).toEqual([
      expect.stringMatching(/^ON_TIME true (\d+)\/\1 nhiệm vụ đến hạn trong kỳ hoàn thành đúng hạn$/),
      'REPORTS true 1/1 báo cáo gửi và được tiếp nhận đúng hạn',
      'ESCALATION true Không bị đôn đốc trong kỳ',
    ]);
    expect(gddtUnit.history.map((h: any) => `${h.action} ${h.toState}`)).toEqual(['PROPOSE PROPOSED']);
  });

  it('a rerun creates nothing new; the officers of a nominated commune see its own nominations only and cannot decide', async () => {
    const again = await evaluated(leader);
    expect(again).toMatchObject({ state: 'DONE', nominated: 0, updated: 0, withdrawn: 0, qualified: 3 });
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from award_nomination');
    expect(n).toBe(3);

    const own = await nominations(commune);
    expect(own.map((x) => x.facility.code)).toEqual(['TH-XA-HABAC', 'TYT-XA-HABAC']);
    expect(own[0].criteria.length).toBe(5);
    const mine = await nominations(gddt);
    expect(mine.map((x) => x.unit.code)).toEqual(['PHONG-GDDT']);
    for (const token of [gddt, commune]) {
      const res = await server.gql(EVALUATE, { planId, periodEnd: '2022-12-31' }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const unknownPeriod = await server.gql(EVALUATE, { planId, periodEnd: '2022-09-30' }, leader);
    expect(unknownPeriod.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SUCH_PERIOD' });
  });

  it('criteria edits change the next evaluation only, and never a decided nomination', async () => {
    const [best] = (await nominations()).filter((n) => n.facility?.code === 'TH-XA-HABAC');
    const rejected = await server.gql('mutation($id: ID!, $v: Int!) { rejectNomination(id: $id, version: $v, comment: "Chờ kỳ sau.") { state } }',
      { id: best.id, v: best.version }, leader);
    expect(rejected.data!.rejectNomination.state).toBe('REJECTED');

    // Only the leadership and ADMIN set criteria; a stale version is refused.
    expect((await server.gql(CRITERIA, { planId, version: 0, facilityEvidenceWeight: 0 }, vhtt)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await server.gql(CRITERIA, { planId, version: 0, minScorePercent: 120 }, leader);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minScorePercent' });
    const edited = await server.gql(CRITERIA, { planId, version: 0, facilityEvidenceWeight: 0, minScorePercent: 100 }, leader);
    expect(edited.data!.updateAwardCriteria).toMatchObject({ version: 1, isDefault: false, facilityEvidenceWeight: 0, minScorePercent: 100 });
    expect((await server.gql(CRITERIA, { planId, version: 0, minScorePercent: 90 }, leader)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });

    // Until the next evaluation nothing moves.
    expect((await nominations()).find((n) => n.facility?.code === 'TYT-XA-HABAC').score).toBe(87.5);
    const run = await evaluated(leader);
    // Only the station's score moves: the unit's criteria did not change and the rejected school is left alone.
    expect(run).toMatchObject({ nominated: 0, updated: 1, withdrawn: 0 });
    const after = await nominations();
    expect(after.map((n) => `${n.facility?.code ?? n.unit.code} ${n.score} ${n.state}`)).toEqual([
      'TYT-XA-HABAC 100 PROPOSED',
      'TH-XA-HABAC 100 REJECTED',
      'PHONG-GDDT 100 PROPOSED',
    ]);
    // The rejected one keeps its five criteria as decided; the station is re-scored on four.
    expect(after.find((n) => n.facility?.code === 'TH-XA-HABAC').criteria.length).toBe(5);
    expect(after.find((n) => n.facility?.code === 'TYT-XA-HABAC').criteria.length).toBe(4);
    expect(after.find((n) => n.facility?.code === 'TYT-XA-HABAC').history.map((h: any) => h.action)).toEqual(['PROPOSE', 'REEVALUATE']);
  });
});
