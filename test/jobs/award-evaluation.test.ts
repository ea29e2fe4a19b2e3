import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { startTestServer, REDIS_URL, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { seedKnownHalfYear } from '../helpers/awards.js';
import { startWorkers, type Workers } from '../../jobs/worker.js';
import { JOBS, JobName, QueueName } from '../../jobs/registry.js';
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

  await seedKnownHalfYear(sql);
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

  it('the morning after a year ends, the schedule evaluates each plan that reports on that year', async () => {
    const ctx = { em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, queues: server.app.queues, log: silentLogger };
    expect(await JOBS[JobName.AWARD_PERIODS].handler(ctx, { day: '2023-03-15' })).toEqual({ evaluations: 0 });
    expect(await JOBS[JobName.AWARD_PERIODS].handler({ ...ctx, em: server.app.orm.em.fork() }, { day: '2023-01-01' })).toEqual({ evaluations: 1 });
    const [run] = await sql<{ id: string }>(`select id from award_evaluation where requested_by_id is null and period_end = '2022-12-31'`);
    const job = (await server.app.queues.deadlines.getJob(`award-evaluation-${run.id}`))!;
    expect(await job.waitUntilFinished(events, 60_000)).toMatchObject({ nominated: 0, updated: 0 });
    const [done] = await sql<{ state: string; qualified: number }>('select state, qualified from award_evaluation where id = ?', [run.id]);
    expect(done).toEqual({ state: 'DONE', qualified: 3 });
  });
});
