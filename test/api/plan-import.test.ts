import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseText } from '../../server/modules/plan-import/text.js';
import { PNG_1PX, gqlUpload } from '../helpers/evidence.js';
import { launchChromium, planDocuments, printPdf, scannedPdf } from '../helpers/plan-import.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';

/**
 * A new plan from its document, through the API: the text (pasted, or a .txt, .docx or PDF file) is
 * read into a draft whose bodies are matched to the unit registry, a leader reviews and edits it, and
 * activation makes the plan with its tasks, targets, assignments and report duties, all or nothing.
 */

const SEED_DIR = path.resolve(import.meta.dirname, '../../server/db/seed');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/plans');
const SOURCE = readFileSync(path.join(SEED_DIR, 'ke-hoach-ha-trung-2022.txt'), 'utf8');
const TEXT = normaliseText(SOURCE);

const SPAN = 'span { start end }';
const DRAFT = `id version state sourceName sourceFormat sourceText createdAt createdByName updatedAt activatedPlanId activatedAt
  header { code number title issuingBody issueDate issuePlaceAndDate signerName signerTitle periodStart periodEnd parentPlanId parentReference assumption ${SPAN} }
  targets { key code title sector metric comparator thresholdPercent deadline facilityLevels note notApplicableReason ${SPAN} }
  tasks { key number title description dueDate assumption ${SPAN} }
  bodies { key name unitId matchedBy allCommunes createUnit unitCode unitKind leads coordinates leadAssumption ${SPAN} }
  obligations { key reporterKey throughKey recipientKey period dueBefore subject ${SPAN} }
  unplaced { key text reason dismissed ${SPAN} }
  problems { path message }`;

const IMPORT = `mutation($text: String, $file: Upload) { importPlan(text: $text, file: $file) { ${DRAFT} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $header: DraftPlanHeaderInput!, $targets: [DraftTargetInput!]!, $tasks: [DraftTaskInput!]!,
  $bodies: [DraftBodyInput!]!, $obligations: [DraftObligationInput!]!, $dismissedUnplaced: [ID!]) {
  updatePlanDraft(id: $id, version: $version, header: $header, targets: $targets, tasks: $tasks, bodies: $bodies, obligations: $obligations,
    dismissedUnplaced: $dismissedUnplaced) { ${DRAFT} } }`;
const ACTIVATE = 'mutation($id: ID!, $version: Int!) { activatePlanDraft(id: $id, version: $version) { id code status parentId } }';
const DISCARD = 'mutation($id: ID!, $version: Int!) { discardPlanDraft(id: $id, version: $version) { id version state } }';
const GET = `query($id: ID!) { PlanDraft(id: $id) { ${DRAFT} } }`;

type Draft = Record<string, any>;

let server: TestServer;
let browser: Browser;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};
let parentPlanId: string;
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  // phochutich is the leader, vhtt a coordinator, gddt an office's officer.
  for (const user of ['admin', 'phochutich', 'vhtt', 'gddt']) tokens[user] = await server.login(user);
  for (const u of (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, tokens.admin)).data!.allUnits) units[u.code] = u.id;
  const plans = (await server.gql('{ allPlans(perPage: 50) { id code } }', {}, tokens.admin)).data!.allPlans;
  parentPlanId = plans.find((p: any) => p.code === 'TH-97-KH-UBND-2022').id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const importText = (text: string, token = tokens.phochutich) => server.gql<{ importPlan: Draft }>(IMPORT, { text }, token);
const importFile = (name: string, content: Buffer | string, token = tokens.phochutich) =>
  gqlUpload<{ importPlan: Draft }>(server, IMPORT, { text: null, file: null }, { 'variables.file': { name, content } }, token);

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The draft as the edit form sends it back: every part, without what only the server writes. */
function edit(draft: Draft, change: (input: Record<string, any>) => void = () => {}) {
  const { span: _s, ...header } = draft.header;
  const input: Record<string, any> = {
    id: draft.id,
    version: draft.version,
    header,
    targets: draft.targets.map(({ span: _, ...t }: any) => t),
    tasks: draft.tasks.map(({ span: _, ...t }: any) => t),
    bodies: draft.bodies.map(({ span: _, matchedBy: _m, ...b }: any) => b),
    obligations: draft.obligations.map(({ span: _, ...o }: any) => o),
    dismissedUnplaced: draft.unplaced.filter((u: any) => u.dismissed).map((u: any) => u.key),
  };
  change(input);
  return input;
}

const bodyNamed = (input: Record<string, any>, start: string) => {
  const found = input.bodies.find((b: any) => b.name.startsWith(start));
  if (!found) throw new Error(`no body ${start}`);
  return found;
};

/**
 * What the transcription decided where the text is silent (the seed's corrections file), as a reviewer
 * enters it: the communes' tasks, the centre's, the bank's, the aggregating office's report dates.
 */
function review(draft: Draft, code: string) {
  return edit(draft, (input) => {
    input.header.code = code;
    Object.assign(bodyNamed(input, 'UBND các xã'), { leads: ['1.1', '1.2', '2.1', '2.2', '4', '5'], coordinates: ['1.1', '1.2', '2.1', '2.2', '3'] });
    bodyNamed(input, 'Trung tâm').coordinates = ['3'];
    bodyNamed(input, 'Ngân hàng').coordinates = ['1.2', '2.2', '6'];
    bodyNamed(input, 'các doanh nghiệp').coordinates = ['6'];
    const vhtt = bodyNamed(input, 'Phòng Văn hóa').key;
    for (const recipient of [bodyNamed(input, 'Chủ tịch').key, bodyNamed(input, 'Sở Thông tin').key]) {
      for (const [period, dueBefore, label] of [['SIX_MONTH', '2022-06-30', '6 tháng'], ['ANNUAL', '2022-12-20', 'năm']]) {
        input.obligations.push({
          reporterKey: vhtt, recipientKey: recipient, throughKey: null, period, dueBefore,
          subject: `Tổng hợp báo cáo ${label} kết quả của các cơ quan, đơn vị`,
        });
      }
    }
    input.dismissedUnplaced = draft.unplaced.map((u: any) => u.key);
  });
}

async function counts() {
  const [row] = await sql(`select (select count(*) from plan_draft)::int drafts, (select count(*) from plan)::int plans,
    (select count(*) from unit)::int units, (select count(*) from task)::int tasks, (select count(*) from assignment)::int assignments,
    (select count(*) from reporting_obligation)::int obligations`);
  return row;
}

describe('a plan’s text becomes a draft', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = ok(await importText(SOURCE)).importPlan;
  });

  it('keeps the normalised text, who imported it, and proposes a code of its own', () => {
    expect(draft).toMatchObject({ state: 'DRAFT', version: 1, sourceFormat: 'TEXT', sourceName: null, sourceText: TEXT, createdByName: 'Hoàng Văn Long' });
    expect(draft.header).toMatchObject({
      code: 'HT-KH-2022',
      number: null,
      title: 'Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục và bệnh viện, cơ sở y tế trên địa bàn huyện Hà Trung',
      issuingBody: 'Ủy ban nhân dân huyện Hà Trung',
      issuePlaceAndDate: 'Hà Trung, tháng 4 năm 2022',
      signerName: 'Hoàng Văn Long',
      signerTitle: 'KT. Chủ tịch — Phó Chủ tịch',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
  });

  it('finds the provincial plan 97/KH-UBND of 04/04/2022 it carries out among the plans already there', () => {
    expect(draft.header.parentPlanId).toBe(parentPlanId);
    expect(draft.header.parentReference).toBe('Kế hoạch số 97/KH-UBND ngày 04/04/2022 của Ủy ban nhân dân tỉnh Thanh Hóa');
  });

  it('reads the ten tasks, due at the plan’s end since the text sets no date, saying so', () => {
    expect(draft.tasks.map((t: any) => t.number)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '4', '5', '6']);
    expect(draft.tasks[1].title).toBe('Hỗ trợ, thúc đẩy chuyển đổi số trong trường học, cơ sở giáo dục');
    for (const task of draft.tasks) {
      expect(task.dueDate).toBe('2022-12-31');
      expect(task.assumption).toContain('31/12/2022');
      // Each task points at the words it was read from.
      expect(TEXT.slice(task.span.start, task.span.end).replace(/\s+/g, ' ')).toContain(task.title.slice(0, 30));
    }
  });

  it('reads the targets with their sectors, thresholds and comparators', () => {
    expect(draft.targets.map((t: any) => [t.code, t.sector, t.metric, t.comparator, t.thresholdPercent, t.deadline])).toEqual([
      ['T1', 'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31'],
      ['T2', 'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, '2022-12-31'],
      ['T3', 'EDUCATION', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, '2022-12-31'],
      ['T4', 'HEALTH', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, '2022-12-31'],
      ['T5', 'EDUCATION', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31'],
      ['T6', 'HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, '2022-12-31'],
    ]);
    expect(draft.targets[5].facilityLevels).toEqual(['PROVINCIAL_HOSPITAL']);
  });

  it('matches the bodies to the seeded units by name and abbreviation; the communes are every commune; an unknown body is a unit to create', () => {
    const bodies = draft.bodies.map((b: any) => [b.name, b.unitId, b.matchedBy, b.allCommunes, b.createUnit]);
    expect(bodies).toEqual([
      ['Phòng Giáo dục và Đào tạo', units['PHONG-GDDT'], 'NAME', false, false],
      ['Văn phòng HĐND và UBND huyện', units['VP-HDND-UBND'], 'ABBREVIATION', false, false],
      ['Phòng Văn hóa và Thông tin', units['PHONG-VHTT'], 'NAME', false, false],
      ['UBND các xã, thị trấn', null, 'ALL_COMMUNES', true, false],
      ['Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', units['TT-VHTTTDL'], 'NAME', false, false],
      ['các doanh nghiệp Viễn thông trên địa bàn huyện', null, null, false, true],
      ['Ngân hàng nông nghiệp và phát triển nông thôn chi nhánh huyện Hà Trung', units['AGRIBANK-HT'], 'NAME', false, false],
      // Reports go to "Chủ tịch UBND huyện": the issuer's own unit.
      ['Chủ tịch UBND huyện', units['UBND-HUYEN'], 'ABBREVIATION', false, false],
      ['Sở Thông tin và Truyền thông', units['SO-TTTT'], 'ABBREVIATION', false, false],
    ]);
    expect(draft.bodies[5]).toMatchObject({ unitCode: 'DN-VT', unitKind: 'ENTERPRISE' });
    // Part V names "mục 1", which part III splits: the lead falls on its sub-tasks.
    expect(draft.bodies[0].leads).toEqual(['1.1', '1.2', '3', '4']);
    expect(draft.bodies[1].leads).toEqual(['2.1', '2.2', '3', '5']);
    expect(draft.bodies[2].leads).toEqual(['6']);
  });

  it('spells out the offices’ reports through the Culture and Information Office, and keeps what it could not place', () => {
    const name = (key: string | null) => draft.bodies.find((b: any) => b.key === key)?.name ?? null;
    expect(draft.obligations.map((o: any) => [name(o.reporterKey), name(o.recipientKey), name(o.throughKey), o.period, o.dueBefore, o.subject])).toEqual([
      ['Phòng Giáo dục và Đào tạo', 'Chủ tịch UBND huyện', 'Phòng Văn hóa và Thông tin', 'SIX_MONTH', '2022-06-30', 'Báo cáo 6 tháng kết quả triển khai thực hiện Kế hoạch'],
      ['Phòng Giáo dục và Đào tạo', 'Chủ tịch UBND huyện', 'Phòng Văn hóa và Thông tin', 'ANNUAL', '2022-12-20', 'Báo cáo năm kết quả triển khai thực hiện Kế hoạch'],
      ['Văn phòng HĐND và UBND huyện', 'Chủ tịch UBND huyện', 'Phòng Văn hóa và Thông tin', 'SIX_MONTH', '2022-06-30', 'Báo cáo 6 tháng kết quả triển khai thực hiện Kế hoạch'],
      ['Văn phòng HĐND và UBND huyện', 'Chủ tịch UBND huyện', 'Phòng Văn hóa và Thông tin', 'ANNUAL', '2022-12-20', 'Báo cáo năm kết quả triển khai thực hiện Kế hoạch'],
    ]);
    // The communes' and the bank's tasks, and the aggregated report's date, are not in the text.
    expect(draft.unplaced.map((u: any) => u.reason)).toEqual([
      expect.stringMatching(/^UBND các xã, thị trấn được giao chủ trì nhưng văn bản không nêu nhiệm vụ nào/),
      expect.stringMatching(/^UBND các xã, thị trấn được giao phối hợp/),
      expect.stringMatching(/^Ngân hàng nông nghiệp .* được giao phối hợp/),
      expect.stringMatching(/^Báo cáo của Phòng Văn hóa và Thông tin không nêu hạn/),
    ]);
    for (const u of draft.unplaced) expect(TEXT.slice(u.span.start, u.span.end).replace(/\s+/g, ' ').trim()).toBe(u.text);
    expect(draft.problems.map((p: any) => p.path)).toEqual(['unplaced[0]', 'unplaced[1]', 'unplaced[2]', 'unplaced[3]']);
  });

  it('a .docx and a PDF of the plan give the same draft as its text', async () => {
    const documents = planDocuments(TEXT);
    const same = (d: Draft) => {
      const { id: _i, createdAt: _c, updatedAt: _u, sourceName: _n, sourceFormat: _f, header, ...rest } = d;
      return { ...rest, header: { ...header, code: undefined } };
    };
    const docx = ok(await importFile('ke-hoach.docx', await documents.docx())).importPlan;
    expect(docx).toMatchObject({ sourceFormat: 'DOCX', sourceName: 'ke-hoach.docx' });
    expect(same(docx)).toEqual(same(draft));
    const pdf = ok(await importFile('ke-hoach.pdf', await printPdf(browser, documents.html()))).importPlan;
    expect(pdf).toMatchObject({ sourceFormat: 'PDF', sourceName: 'ke-hoach.pdf' });
    expect(same(pdf)).toEqual(same(draft));
    // Drafts waiting for review each propose a code of their own.
    expect(new Set([draft.header.code, docx.header.code, pdf.header.code]).size).toBe(3);
  }, 60_000);

  it('a .txt file gives the same draft as the pasted text', async () => {
    const file = ok(await importFile('ke-hoach.txt', SOURCE)).importPlan;
    expect(file).toMatchObject({ sourceFormat: 'TXT', sourceName: 'ke-hoach.txt', sourceText: TEXT });
    expect(file.tasks).toEqual(draft.tasks);
    expect(file.bodies).toEqual(draft.bodies);
  });

  it('lists the drafts with everything they hold in as many SQL statements for one draft as for four', async () => {
    const q = `query($n: Int) { allPlanDrafts(perPage: $n, sortField: "createdAt", sortOrder: "ASC") { ${DRAFT} } }`;
    const one = await server.countQueries(() => server.gql(q, { n: 1 }, tokens.admin));
    const four = await server.countQueries(() => server.gql(q, { n: 4 }, tokens.admin));
    expect(ok(four.result).allPlanDrafts).toHaveLength(4);
    expect(ok(one.result).allPlanDrafts[0].sourceText).toBe(TEXT);
    expect(four.count).toBe(one.count);
  });

  it('lists the drafts for the admin, newest first, searchable without marks', async () => {
    const res = ok(await server.gql(
      `query { allPlanDrafts(filter: { q: "ha trung", state: DRAFT }, perPage: 50, sortField: "createdAt", sortOrder: "DESC") { id code title state createdAt problems { path } }
        _allPlanDraftsMeta(filter: { state: DRAFT }) { count } }`, {}, tokens.admin,
    ));
    expect(res.allPlanDrafts.length).toBeGreaterThanOrEqual(4);
    expect(res._allPlanDraftsMeta.count).toBe(res.allPlanDrafts.length);
    expect(res.allPlanDrafts.every((d: any) => d.state === 'DRAFT' && d.problems.length === 4)).toBe(true);
    const created = res.allPlanDrafts.map((d: any) => d.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(res.allPlanDrafts.at(-1).id).toBe(draft.id);
  });
});

describe('a reviewed draft becomes a running plan', () => {
  let draft: Draft;
  let plan: { id: string; code: string; status: string; parentId: string };

  beforeAll(async () => {
    draft = ok(await importText(SOURCE)).importPlan;
  });

  it('an edit replaces the content, keeps where each item was read, and bumps the version', async () => {
    const input = review(draft, 'HT-CDS-2022-NHAP');
    input.tasks[1].title = 'Hỗ trợ chuyển đổi số trong trường học';
    const saved = ok(await server.gql(UPDATE, input, tokens.phochutich)).updatePlanDraft;
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.tasks[1]).toMatchObject({ title: 'Hỗ trợ chuyển đổi số trong trường học', span: draft.tasks[1].span });
    expect(bodyNamed(saved, 'UBND các xã').matchedBy).toBe('ALL_COMMUNES');
    expect(saved.obligations).toHaveLength(8);
    expect(saved.obligations.slice(4).every((o: any) => o.key && o.span === null)).toBe(true);
    expect(saved.unplaced.every((u: any) => u.dismissed)).toBe(true);
    expect(saved.problems).toEqual([]);
    draft = saved;
  });

  it('refuses an edit at a version already replaced (CONFLICT), and content that is wrong in itself, listing what', async () => {
    const stale = await server.gql(UPDATE, { ...edit(draft), version: draft.version - 1 }, tokens.phochutich);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: draft.version });
    const wrong = await server.gql(UPDATE, edit(draft, (input) => {
      input.tasks.push({ number: '1.1', title: 'Trùng số' });
      input.bodies[0].leads = ['9'];
      input.bodies[1].unitId = '00000000-0000-4000-8000-000000000000';
      input.obligations[0].recipientKey = 'khong-co';
      input.header.periodEnd = '2021-12-31';
    }), tokens.phochutich);
    expect(wrong.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].message).toMatch(/^Bản nháp chưa lưu được: \d+ điều cần sửa\./);
    expect(wrong.errors![0].extensions!.problems.map((p: any) => p.path)).toEqual(expect.arrayContaining([
      'header.periodEnd', 'tasks[10].number', 'bodies[0].leads', 'bodies[1].unitId', 'obligations[0].recipientKey',
    ]));
    const thresholds = await server.gql(UPDATE, edit(draft, (input) => {
      input.targets[0].thresholdPercent = 120;
    }), tokens.phochutich);
    expect(thresholds.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(ok(await server.gql(GET, { id: draft.id }, tokens.phochutich)).PlanDraft.version).toBe(draft.version);
  });

  it('activates into the plan with its tasks, targets, assignments, report duties and the new unit', async () => {
    const before = await counts();
    const stale = await server.gql(ACTIVATE, { id: draft.id, version: draft.version - 1 }, tokens.phochutich);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');

    plan = ok(await server.gql(ACTIVATE, { id: draft.id, version: draft.version }, tokens.phochutich)).activatePlanDraft;
    expect(plan).toMatchObject({ code: 'HT-CDS-2022-NHAP', status: 'ACTIVE', parentId: parentPlanId });

    const read = ok(await server.gql(
      `query($id: ID!, $d: ID!) { Plan(id: $id) { title sourceText tasks { number subtasks { number title dueDate } } targets { code thresholdPercent } }
        PlanDraft(id: $d) { state activatedPlanId activatedAt problems { path } } }`,
      { id: plan.id, d: draft.id }, tokens.phochutich,
    ));
    expect(read.Plan.sourceText).toBe(TEXT);
    expect(read.Plan.tasks.map((t: any) => [t.number, t.subtasks.map((s: any) => s.number)])).toEqual([
      ['1', ['1.1', '1.2']], ['2', ['2.1', '2.2']], ['3', []], ['4', []], ['5', []], ['6', []],
    ]);
    expect(read.Plan.tasks[0].subtasks[0]).toMatchObject({ title: 'Hỗ trợ chuyển đổi số trong trường học', dueDate: '2022-12-31' });
    expect(read.Plan.targets.map((t: any) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(read.PlanDraft).toMatchObject({ state: 'ACTIVATED', activatedPlanId: plan.id, problems: [] });
    expect(read.PlanDraft.activatedAt).toBeTruthy();

    const [unit] = await sql(`select u.code, u.name, u.kind, p.code parent from unit u left join unit p on p.id = u.parent_id where u.code = 'DN-VT'`);
    expect(unit).toEqual({ code: 'DN-VT', name: 'các doanh nghiệp Viễn thông trên địa bàn huyện', kind: 'ENTERPRISE', parent: null });

    // The seeded plan's 236 assignments, but one new unit where the transcription named three telecoms.
    const after = await counts();
    expect(after.assignments - before.assignments).toBe(234);
    expect(after.obligations - before.obligations).toBe(8);
    expect(after.units - before.units).toBe(1);
    const own = await sql(`select count(*)::int n from assignment where plan_id = ? and scope = 'OWN_FACILITIES'`, [plan.id]);
    expect(own[0].n).toBe(120);
    const reports = await sql(`select count(*)::int n from unit_report where plan_id = ?`, [plan.id]);
    // The offices' four reports go up through the Culture and Information Office; its own go straight.
    expect(reports[0].n).toBe(4);
  });

  it('the new plan shows in planProgress, unit by unit', async () => {
    const res = ok(await server.gql(
      'query($p: ID!) { planProgress(planId: $p) { overall { total } byUnit { unit { code } figures { total } } byTask { task { number } figures { total } } } }',
      { p: plan.id }, tokens.phochutich,
    )).planProgress;
    expect(res.overall.total).toBe(234);
    const byUnit = Object.fromEntries(res.byUnit.map((u: any) => [u.unit.code, u.figures.total]));
    expect(byUnit['XA-HABAC']).toBe(11);
    expect(byUnit['DN-VT']).toBe(1);
    expect(Object.fromEntries(res.byTask.map((t: any) => [t.task.number, t.figures.total]))['1.2']).toBe(42);
  });

  it('an activated draft changes no more', async () => {
    const [current] = await sql(`select version from plan_draft where id = ?`, [draft.id]);
    for (const res of [
      await server.gql(ACTIVATE, { id: draft.id, version: current.version }, tokens.phochutich),
      await server.gql(UPDATE, { ...edit(draft), version: current.version }, tokens.phochutich),
      await server.gql(DISCARD, { id: draft.id, version: current.version }, tokens.phochutich),
    ]) {
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_ACTIVATED' });
    }
  });
});

describe('a body the registry does not know', () => {
  it('is proposed as a new unit, which activation creates under the district', async () => {
    const variation = SOURCE.replace('5. Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', '5. Trung tâm Chuyển đổi số huyện');
    expect(variation).not.toBe(SOURCE);
    const draft = ok(await importText(variation, tokens.admin)).importPlan;
    const centre = bodyNamed(draft, 'Trung tâm');
    expect(centre).toMatchObject({ name: 'Trung tâm Chuyển đổi số huyện', unitId: null, createUnit: true, unitCode: 'TT-CDS', unitKind: 'CENTRE' });

    const input = review(draft, 'HT-CDS-2022-BIEN-THE');
    // The telecoms are the three companies of the registry, not a new unit.
    const telecoms = bodyNamed(input, 'các doanh nghiệp');
    Object.assign(telecoms, { unitId: units['VT-VIETTEL'], createUnit: false });
    input.bodies.push({ ...telecoms, key: 'moi-vnpt', unitId: units['VT-VNPT'] });
    const saved = ok(await server.gql(UPDATE, input, tokens.admin)).updatePlanDraft;
    expect(saved.problems).toEqual([]);
    expect(saved.bodies.map((b: any) => b.matchedBy)).toContain('MANUAL');
    expect(saved.bodies.at(-1).key).toBe('moi-vnpt');

    const plan = ok(await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin)).activatePlanDraft;
    const [unit] = await sql(`select u.name, u.kind, p.code parent from unit u left join unit p on p.id = u.parent_id where u.code = 'TT-CDS'`);
    expect(unit).toEqual({ name: 'Trung tâm Chuyển đổi số huyện', kind: 'CENTRE', parent: 'UBND-HUYEN' });
    const assigned = await sql(
      `select u.code, t.number, a.role from assignment a join unit u on u.id = a.unit_id join task t on t.id = a.task_id
       where a.plan_id = ? and (u.code = 'TT-CDS' or u.code like 'VT-%') order by 1, 2`, [plan.id],
    );
    expect(assigned).toEqual([
      { code: 'TT-CDS', number: '3', role: 'COORDINATE' },
      { code: 'VT-VIETTEL', number: '6', role: 'COORDINATE' },
      { code: 'VT-VNPT', number: '6', role: 'COORDINATE' },
    ]);
  });
});

describe('activation is all or nothing', () => {
  it('a failure at the last step (a report duty refused by the database) leaves no plan, no unit, no row, and the draft as it was', async () => {
    const draft = ok(await importText(SOURCE, tokens.admin)).importPlan;
    const input = review(draft, 'HT-CDS-2022-LOI');
    input.obligations.at(-1).subject = 'Báo cáo bị từ chối';
    const saved = ok(await server.gql(UPDATE, input, tokens.admin)).updatePlanDraft;
    expect(saved.problems).toEqual([]);
    // The last rows written are the report duties: this one is refused as a check constraint would refuse it.
    await sql(`create function refuse_test_obligation() returns trigger language plpgsql as $$
      begin if new.subject = 'Báo cáo bị từ chối' then raise exception 'refused' using errcode = 'check_violation'; end if; return new; end $$`);
    await sql(`create trigger refuse_test_obligation before insert on reporting_obligation for each row execute function refuse_test_obligation()`);
    try {
      const before = await counts();
      const res = await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.data?.activatePlanDraft ?? null).toBeNull();
      expect(await counts()).toEqual(before);
      expect(await sql(`select 1 from plan where code = 'HT-CDS-2022-LOI'`)).toEqual([]);
      expect(await sql(`select 1 from unit where code = 'DN-VT-2'`)).toEqual([]);
      const after = ok(await server.gql(GET, { id: saved.id }, tokens.admin)).PlanDraft;
      expect(after).toMatchObject({ state: 'DRAFT', version: saved.version, activatedPlanId: null });
    } finally {
      await sql('drop trigger refuse_test_obligation on reporting_obligation; drop function refuse_test_obligation()');
    }
    // With the cause gone the same draft activates.
    const plan = ok(await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin)).activatePlanDraft;
    expect(plan.code).toBe('HT-CDS-2022-LOI');
  });

  it('activated twice at once, a draft makes one plan; two drafts under one code make one plan between them', async () => {
    const ready = async (code: string) => ok(await server.gql(UPDATE, review(ok(await importText(SOURCE, tokens.admin)).importPlan, code), tokens.admin)).updatePlanDraft;
    const one = await ready('HT-CDS-2022-DONG-THOI');
    const twice = await Promise.all([1, 2].map(() => server.gql(ACTIVATE, { id: one.id, version: one.version }, tokens.admin)));
    expect(twice.filter((r) => r.data?.activatePlanDraft)).toHaveLength(1);
    expect(twice.find((r) => r.errors)!.errors![0].extensions!.code).toBe('CONFLICT');

    const [a, b] = [await ready('HT-CDS-2022-TRUNG-MA'), await ready('HT-CDS-2022-TRUNG-MA')];
    const both = await Promise.all([a, b].map((d) => server.gql(ACTIVATE, { id: d.id, version: d.version }, tokens.admin)));
    expect(both.filter((r) => r.data?.activatePlanDraft)).toHaveLength(1);
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(both.find((r) => r.errors)!.errors![0].extensions!.code);
    for (const code of ['HT-CDS-2022-DONG-THOI', 'HT-CDS-2022-TRUNG-MA']) {
      const [row] = await sql(`select count(distinct p.id)::int plans, count(a.id)::int assignments from plan p join assignment a on a.plan_id = p.id where p.code = ?`, [code]);
      expect(row, code).toEqual({ plans: 1, assignments: 234 });
    }
  });

  it('a draft with problems is refused with each of them, and nothing is made', async () => {
    const draft = ok(await importText(SOURCE, tokens.admin)).importPlan;
    const before = await counts();
    const res = await server.gql(ACTIVATE, { id: draft.id, version: draft.version }, tokens.admin);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DRAFT_HAS_PROBLEMS' });
    expect(res.errors![0].message).toMatch(/^Bản nháp chưa kích hoạt được: 4 điều cần sửa\./);
    expect(res.errors![0].extensions!.problems).toEqual(draft.problems);
    expect(await counts()).toEqual(before);
  });

  it('a plan code already in use blocks activation until it is changed', async () => {
    const draft = ok(await importText(SOURCE, tokens.admin)).importPlan;
    const saved = ok(await server.gql(UPDATE, review(draft, 'HT-CDS-TTKDTM-2022'), tokens.admin)).updatePlanDraft;
    expect(saved.problems).toEqual([{ path: 'header.code', message: 'Mã kế hoạch HT-CDS-TTKDTM-2022 đã có: hãy chọn mã khác.' }]);
    const res = await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin);
    expect(res.errors![0].extensions!.reason).toBe('DRAFT_HAS_PROBLEMS');
  });
});

describe('discarding a draft', () => {
  it('keeps it, marked discarded; a stale version is a CONFLICT', async () => {
    const draft = ok(await importText(SOURCE)).importPlan;
    const stale = await server.gql(DISCARD, { id: draft.id, version: draft.version + 1 }, tokens.phochutich);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const discarded = ok(await server.gql(DISCARD, { id: draft.id, version: draft.version }, tokens.phochutich)).discardPlanDraft;
    expect(discarded).toMatchObject({ state: 'DISCARDED', version: draft.version + 1 });
    const again = await server.gql(ACTIVATE, { id: draft.id, version: discarded.version }, tokens.phochutich);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_DISCARDED' });
    expect(ok(await server.gql(GET, { id: draft.id }, tokens.phochutich)).PlanDraft.problems).toEqual([]);
  });
});

describe('what is not a plan is refused, in Vietnamese, and nothing is stored', () => {
  const refused = async (res: GraphQLResponse, reason: string, message: RegExp) => {
    expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(res.errors![0].message).toMatch(message);
    expect(res.data?.importPlan ?? null).toBeNull();
  };

  it('an empty file, a decision, a news item, a picture, a text too long, text and a file at once', async () => {
    const before = await counts();
    await refused(await importFile('trong.txt', Buffer.alloc(0)), 'EMPTY_DOCUMENT', /^Tài liệu không có chữ nào/);
    await refused(await importText('  \n\n '), 'EMPTY_DOCUMENT', /^Tài liệu không có chữ nào/);
    await refused(await importFile('quyet-dinh.txt', readFileSync(path.join(FIXTURES, 'quyet-dinh-khen-thuong.txt'))), 'NOT_A_PLAN', /^Văn bản là quyết định, không phải kế hoạch/);
    await refused(await importText(readFileSync(path.join(FIXTURES, 'tin-tuc.txt'), 'utf8')), 'NOT_A_PLAN', /không trình bày theo thể thức kế hoạch/);
    await refused(await importFile('anh.txt', PNG_1PX), 'UNSUPPORTED_FORMAT', /^Chỉ nhận văn bản \.txt \(UTF-8\), \.docx hoặc \.pdf/);
    const long = await importText(`${SOURCE}\n${'Phụ lục. '.repeat(25_000)}`);
    await refused(long, 'TEXT_TOO_LONG', /^Văn bản dài quá 200\.000 ký tự: hãy tải riêng phần kế hoạch\.$/);
    expect(long.errors![0].extensions!.argument).toBe('text');
    const both = await gqlUpload(server, IMPORT, { text: SOURCE, file: null }, { 'variables.file': { name: 'ke-hoach.txt', content: SOURCE } }, tokens.phochutich);
    await refused(both, 'ONE_SOURCE_REQUIRED', /một trong hai/);
    await refused(await server.gql(IMPORT, {}, tokens.phochutich), 'ONE_SOURCE_REQUIRED', /một trong hai/);
    expect(await counts()).toEqual(before);
  });

  it('a 50 MB file: FILE_TOO_LARGE', async () => {
    const before = await counts();
    const big = Buffer.alloc(50 * 1024 * 1024, 'Kế hoạch '.repeat(1));
    await refused(await importFile('ke-hoach-lon.txt', big), 'FILE_TOO_LARGE', /^Tệp vượt quá dung lượng cho phép \(tối đa 20 MB\)/);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('a scanned PDF without a text layer: PDF_NO_TEXT_LAYER, saying what to do instead', async () => {
    const before = await counts();
    const scan = await scannedPdf(browser, planDocuments(TEXT).body.slice(0, 12));
    await refused(await importFile('ban-quet.pdf', scan), 'PDF_NO_TEXT_LAYER', /^Tệp PDF không có lớp văn bản \(có thể là bản quét\): hãy tải bản PDF có chữ hoặc dán văn bản/);
    expect(await counts()).toEqual(before);
  }, 60_000);
});

describe('who may import plans', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = ok(await importText(SOURCE, tokens.admin)).importPlan;
  });

  it('an officer and a coordinator are FORBIDDEN on every mutation and read; signed out, UNAUTHENTICATED; nothing changes', async () => {
    const before = await counts();
    const attempts = (token?: string) => [
      server.gql(IMPORT, { text: SOURCE }, token),
      gqlUpload(server, IMPORT, { text: null, file: null }, { 'variables.file': { name: 'ke-hoach.txt', content: SOURCE } }, token),
      server.gql(UPDATE, edit(draft), token),
      server.gql(ACTIVATE, { id: draft.id, version: draft.version }, token),
      server.gql(DISCARD, { id: draft.id, version: draft.version }, token),
      server.gql(GET, { id: draft.id }, token),
      server.gql('{ allPlanDrafts { id } }', {}, token),
      server.gql('{ _allPlanDraftsMeta { count } }', {}, token),
      server.gql('{ planDrafts(first: 5) { totalCount } }', {}, token),
    ];
    for (const [who, token, expected] of [['gddt', tokens.gddt, 'FORBIDDEN'], ['vhtt', tokens.vhtt, 'FORBIDDEN'], ['anonymous', undefined, 'UNAUTHENTICATED']] as const) {
      for (const res of await Promise.all(attempts(token))) {
        expect(res.errors?.[0]?.extensions?.code, `${who}: ${JSON.stringify(res.errors ?? res.data)}`).toBe(expected);
        expect(Object.values(res.data ?? {}).every((v) => v === null), who).toBe(true);
      }
    }
    expect(await counts()).toEqual(before);
    expect(ok(await server.gql(GET, { id: draft.id }, tokens.admin)).PlanDraft.version).toBe(draft.version);
  });
});
