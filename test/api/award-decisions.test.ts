import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId as findPlanId } from '../helpers/queries.js';
import { seedKnownHalfYear } from '../helpers/awards.js';
import { evaluateAwards } from '../../server/modules/awards/award-evaluation.run.js';
import { compilePendingReport } from '../../server/modules/reports/compiled-report.compile.js';
import { silentLogger } from '../../server/shared/logger.js';

const NOMINATION = `id version kind state source score achievement candidateName reason decisionComment decidedByName decisionId
  canDecide canWithdraw decision { number decisionDate }
  unit { code } facility { code } history { action fromState toState comment actorName }`;
const NOMINATIONS = `query($planId: ID!) { awardNominations(planId: $planId, periodEnd: "2022-12-31") { ${NOMINATION} } }`;
const APPROVE = `mutation($planId: ID!, $items: [NominationVersion!]!, $number: String!, $date: LocalDate!) {
  approveNominations(planId: $planId, periodEnd: "2022-12-31", items: $items, decisionNumber: $number, decisionDate: $date, comment: "Xứng đáng") {
    id number decisionDate fileName byteSize downloadUrl } }`;
const REJECT = `mutation($id: ID!, $v: Int!, $c: String!) { rejectNomination(id: $id, version: $v, comment: $c) { ${NOMINATION} } }`;
const WITHDRAW = `mutation($id: ID!, $v: Int!, $r: String!) { withdrawNomination(id: $id, version: $v, reason: $r) { ${NOMINATION} } }`;
const PROPOSE = `mutation($planId: ID!, $unitId: ID, $facilityId: ID, $reason: String!) {
  proposeNomination(planId: $planId, periodEnd: "2022-12-31", unitId: $unitId, facilityId: $facilityId, reason: $reason) { ${NOMINATION} } }`;
const HONOURS = `query($planId: ID) { honourList(planId: $planId) { periodEnd periodLabel kind name communeName achievement decisionNumber decisionDate } }`;

let server: TestServer;
let planId: string;
let leader: string;
let vhtt: string;
let gddt: string;
let commune: string;
let admin: string;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  server.app.orm.em.fork().getConnection().execute<T[]>(text, params);
const nominations = async (token = leader) => (await server.gql(NOMINATIONS, { planId }, token)).data!.awardNominations as any[];
const byCode = (list: any[], code: string) => list.find((n) => (n.facility?.code ?? n.unit.code) === code);

beforeAll(async () => {
  server = await startTestServer();
  [leader, vhtt, gddt, commune, admin] = await Promise.all(['phochutich', 'vhtt', 'gddt', 'xa-habac', 'admin'].map((u) => server.login(u)));
  planId = await findPlanId(server, leader);
  await seedKnownHalfYear(sql);
  await evaluateAwards(server.app.orm.em.fork(), planId, '2022-12-31');
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('the leader decides the nominations; the office reviews them', () => {
  it('only the leader decides: an officer, the nominated unit, the coordinating office and ADMIN are FORBIDDEN', async () => {
    const school = byCode(await nominations(), 'TH-XA-HABAC');
    expect(school).toMatchObject({ canDecide: true, canWithdraw: false });
    expect(byCode(await nominations(vhtt), 'TH-XA-HABAC')).toMatchObject({ canDecide: false, canWithdraw: true });
    for (const token of [gddt, commune, vhtt, admin, undefined]) {
      const approve = await server.gql(APPROVE, { planId, items: [{ id: school.id, version: school.version }], number: '1', date: '2023-01-10' }, token);
      expect(approve.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      const reject = await server.gql(REJECT, { id: school.id, v: school.version, c: 'Không' }, token);
      expect(reject.errors![0].extensions!.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    // The office and the nominated may not withdraw or add on the leader's behalf either way round.
    for (const token of [leader, gddt, commune]) {
      const res = await server.gql(WITHDRAW, { id: school.id, v: school.version, r: 'Trùng' }, token);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(byCode(await nominations(), 'TH-XA-HABAC')).toMatchObject({ state: 'PROPOSED', version: school.version });
  });

  it('the office adds a unit with its reason and withdraws a proposal with its reason', async () => {
    const [vp] = await sql<{ id: string }>(`select id from unit where code = 'VP-HDND-UBND'`);
    const noReason = await server.gql(PROPOSE, { planId, unitId: vp.id, reason: ' ' }, vhtt);
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const added = await server.gql(PROPOSE, { planId, unitId: vp.id, reason: 'Triển khai cổng thanh toán trực tuyến sớm nhất huyện.' }, vhtt);
    expect(added.errors).toBeUndefined();
    expect(added.data!.proposeNomination).toMatchObject({
      kind: 'UNIT', state: 'PROPOSED', source: 'MANUAL', score: null, reason: 'Triển khai cổng thanh toán trực tuyến sớm nhất huyện.',
      history: [{ action: 'PROPOSE', toState: 'PROPOSED', actorName: 'Cán bộ Phòng Văn hóa và Thông tin' }],
    });
    const twice = await server.gql(PROPOSE, { planId, unitId: vp.id, reason: 'Lần nữa' }, vhtt);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_NOMINATED', existingId: added.data!.proposeNomination.id });

    const mn = await sql<{ id: string }>(`select id from facility where code = 'MN-XA-HABAC'`);
    const proposedFacility = await server.gql(PROPOSE, { planId, facilityId: mn[0].id, reason: 'Điển hình về kết nối phụ huynh.' }, vhtt);
    const withdrawn = await server.gql(WITHDRAW, { id: proposedFacility.data!.proposeNomination.id, v: proposedFacility.data!.proposeNomination.version, r: 'Chưa đủ minh chứng.' }, vhtt);
    expect(withdrawn.data!.withdrawNomination).toMatchObject({ state: 'WITHDRAWN', reason: 'Chưa đủ minh chứng.' });
  });

  it('the leader approves a batch with the decision’s number and date, and the draft decision names them', async () => {
    const list = await nominations();
    const chosen = ['TH-XA-HABAC', 'PHONG-GDDT'].map((code) => byCode(list, code));
    const stale = await server.gql(APPROVE, { planId, items: chosen.map((n) => ({ id: n.id, version: n.version - 1 })), number: '125/QĐ-UBND', date: '2023-01-10' }, leader);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');

    const approved = await server.gql(APPROVE, { planId, items: chosen.map((n) => ({ id: n.id, version: n.version })), number: '125/QĐ-UBND', date: '2023-01-10' }, leader);
    expect(approved.errors).toBeUndefined();
    const decision = approved.data!.approveNominations;
    expect(decision).toMatchObject({ number: '125/QĐ-UBND', decisionDate: '2023-01-10', downloadUrl: `/award-decisions/${decision.id}/download` });

    const after = await nominations();
    for (const code of ['TH-XA-HABAC', 'PHONG-GDDT']) {
      expect(byCode(after, code)).toMatchObject({ state: 'APPROVED', decisionId: decision.id, decidedByName: 'Hoàng Văn Long', decisionComment: 'Xứng đáng' });
    }
    expect(byCode(after, 'PHONG-GDDT').history.map((h: any) => `${h.action} ${h.toState} ${h.comment}`)).toEqual([
      'PROPOSE PROPOSED Đề nghị tự động từ số liệu',
      'APPROVE APPROVED Quyết định 125/QĐ-UBND ngày 10/01/2023: Xứng đáng',
    ]);
    // A decided nomination is not decided twice.
    const again = await server.gql(REJECT, { id: byCode(after, 'TH-XA-HABAC').id, v: byCode(after, 'TH-XA-HABAC').version, c: 'Đổi ý' }, leader);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', state: 'APPROVED' });

    const file = await fetch(`${server.url}${decision.downloadUrl}`, { headers: { authorization: `Bearer ${leader}` } });
    expect(file.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await file.arrayBuffer()) });
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('125/QĐ-UBND');
    expect(text).toContain('Trường Tiểu học Hà Bắc');
    expect(text).toContain('Phòng Giáo dục và Đào tạo');
    expect(text).toContain('60,0% giao dịch không dùng tiền mặt');
    expect((await fetch(`${server.url}${decision.downloadUrl}`, { headers: { authorization: `Bearer ${commune}` } })).status).toBe(403);
  });

  it('the leader rejects with a comment; the nominated commune reads its own nominations and why', async () => {
    const station = byCode(await nominations(), 'TYT-XA-HABAC');
    const noComment = await server.gql(REJECT, { id: station.id, v: station.version, c: '' }, leader);
    expect(noComment.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'comment' });
    const rejected = await server.gql(REJECT, { id: station.id, v: station.version, c: 'Chưa có minh chứng.' }, leader);
    expect(rejected.data!.rejectNomination).toMatchObject({ state: 'REJECTED', decisionComment: 'Chưa có minh chứng.' });

    const own = await nominations(commune);
    expect(own.map((n) => `${n.facility.code} ${n.state}`).sort()).toEqual(['MN-XA-HABAC WITHDRAWN', 'TH-XA-HABAC APPROVED', 'TYT-XA-HABAC REJECTED']);
    // The commune reads the decision's number and date on its own nomination, and may decide nothing.
    expect(byCode(own, 'TH-XA-HABAC').decision).toEqual({ number: '125/QĐ-UBND', decisionDate: '2023-01-10' });
    expect(own.every((n) => !n.canDecide && !n.canWithdraw)).toBe(true);
    const list = await server.gql('query($planId: ID!) { awardDecisions(planId: $planId, periodEnd: "2022-12-31") { number } }', { planId }, leader);
    expect(list.data!.awardDecisions).toEqual([{ number: '125/QĐ-UBND' }]);
    const other = await server.gql('query($id: ID!) { awardNomination(id: $id) { id } }', { id: byCode(await nominations(), 'PHONG-GDDT').id }, commune);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('the honour list shows the approved entries only, to anyone, without signing in', async () => {
    const res = await server.gql(HONOURS, { planId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.honourList).toEqual([
      {
        periodEnd: '2022-12-31', periodLabel: 'năm 2022', kind: 'FACILITY', name: 'Trường Tiểu học Hà Bắc', communeName: 'Xã Hà Bắc',
        achievement: 'Dùng 2 nhóm nền tảng số; chấp nhận thanh toán không dùng tiền mặt; 60,0% giao dịch không dùng tiền mặt; có đầu mối thanh toán không dùng tiền mặt; có minh chứng số liệu',
        decisionNumber: '125/QĐ-UBND', decisionDate: '2023-01-10',
      },
      {
        periodEnd: '2022-12-31', periodLabel: 'năm 2022', kind: 'UNIT', name: 'Phòng Giáo dục và Đào tạo', communeName: null,
        achievement: expect.stringMatching(/^Hoàn thành đúng hạn \d+\/\d+ nhiệm vụ đến hạn trong kỳ; gửi báo cáo đúng hạn; không bị đôn đốc$/),
        decisionNumber: '125/QĐ-UBND', decisionDate: '2023-01-10',
      },
    ]);
    // Nothing personal: no focal person's name appears anywhere in the public answer.
    expect(JSON.stringify(res.data)).not.toContain('Lê Thị Hoa');
  });

  it('the year’s compiled district report carries the honour list as decided when it was compiled', async () => {
    const asked = await server.gql(
      'mutation($planId: ID!) { compileReport(planId: $planId, period: ANNUAL, dueBefore: "2022-12-20") { id } }', { planId }, vhtt,
    );
    const id = asked.data!.compileReport.id;
    await compilePendingReport({ em: server.app.orm.em.fork(), config: server.config, redis: server.app.redis, log: silentLogger }, id);
    const file = await fetch(`${server.url}/compiled-reports/${id}/report.docx`, { headers: { authorization: `Bearer ${vhtt}` } });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await file.arrayBuffer()) });
    expect(text).toContain('Đánh giá, khen thưởng, vinh danh');
    expect(text).toContain('Trường Tiểu học Hà Bắc');
    // The rejected station is not honoured.
    expect(text).not.toContain('Trạm Y tế Hà Bắc');
  });
});
