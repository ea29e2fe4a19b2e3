import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, gqlUpload } from '../helpers/evidence.js';
import { launchChromium, planDocuments, printPdf, scannedPdf } from '../helpers/plan-import.js';
import {
  ACTIVATE, DISCARD, DRAFT, type Draft, GET, IMPORT, SOURCE, TEXT, UPDATE, counts, edit, importFile as importFileAs, importText as importTextAs, ok,
} from '../helpers/plan-drafts.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';

/**
 * A new plan from its document, through the API: the text (pasted, or a .txt, .docx or PDF file) is
 * read into a draft whose bodies are matched to the unit registry; what is no plan, or no readable
 * file, is refused and nothing is stored; only ADMIN and the leadership import. Review and activation
 * are in plan-activation.test.ts.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/plans');

let server: TestServer;
let browser: Browser;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};
let parentPlanId: string;

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

const importText = (text: string, token = tokens.phochutich) => importTextAs(server, text, token);
const importFile = (name: string, content: Buffer | string, token = tokens.phochutich) => importFileAs(server, name, content, token);

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


describe('what is not a plan is refused, in Vietnamese, and nothing is stored', () => {
  const refused = async (res: GraphQLResponse, reason: string, message: RegExp) => {
    expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(res.errors![0].message).toMatch(message);
    expect(res.data?.importPlan ?? null).toBeNull();
  };

  it('an empty file, a decision, a news item, a picture, a text too long, text and a file at once', async () => {
    const before = await counts(server);
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
    expect(await counts(server)).toEqual(before);
  });

  it('a 50 MB file: FILE_TOO_LARGE', async () => {
    const before = await counts(server);
    const big = Buffer.alloc(50 * 1024 * 1024, 'Kế hoạch '.repeat(1));
    await refused(await importFile('ke-hoach-lon.txt', big), 'FILE_TOO_LARGE', /^Tệp vượt quá dung lượng cho phép \(tối đa 20 MB\)/);
    expect(await counts(server)).toEqual(before);
  }, 60_000);

  it('a scanned PDF without a text layer: PDF_NO_TEXT_LAYER, saying what to do instead', async () => {
    const before = await counts(server);
    const scan = await scannedPdf(browser, planDocuments(TEXT).body.slice(0, 12));
    await refused(await importFile('ban-quet.pdf', scan), 'PDF_NO_TEXT_LAYER', /^Tệp PDF không có lớp văn bản \(có thể là bản quét\): hãy tải bản PDF có chữ hoặc dán văn bản/);
    expect(await counts(server)).toEqual(before);
  }, 60_000);
});

describe('who may import plans', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = ok(await importText(SOURCE, tokens.admin)).importPlan;
  });

  it('an officer and a coordinator are FORBIDDEN on every mutation and read; signed out, UNAUTHENTICATED; nothing changes', async () => {
    const before = await counts(server);
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
    expect(await counts(server)).toEqual(before);
    expect(ok(await server.gql(GET, { id: draft.id }, tokens.admin)).PlanDraft.version).toBe(draft.version);
  });
});
