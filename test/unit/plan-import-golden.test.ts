import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyKey } from '../../server/modules/plan-import/bodies.js';
import { blueprintOf } from '../../server/modules/plan-import/blueprint.js';
import { parseCorrections, type PlanCorrections } from '../../server/modules/plan-import/corrections.js';
import { parsePlan } from '../../server/modules/plan-import/parser.js';
import { fold } from '../../server/modules/plan-import/text.js';
import { transcribedDraft } from '../../server/modules/plan-import/transcription.js';
import type { ParsedPlan } from '../../server/modules/plan-import/types.js';
import type { PlanSeed } from '../../server/db/seed/seeder.js';
import { expectSpansHold } from '../helpers/plan-import.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../server/db/seed');
const read = (name: string) => readFileSync(path.join(SEED_DIR, name), 'utf8');

/** The registry the plan is matched against; units are named by their codes here, ids in the database. */
const seed = JSON.parse(read('ha-trung-2022.json')) as PlanSeed;
const registry = seed.units.map((u) => ({ ...u, id: u.code }));
const COMMUNES = registry.filter((u) => u.kind === 'COMMUNE' || u.kind === 'TOWNSHIP').map((u) => u.code);
const corrections: PlanCorrections = parseCorrections(JSON.parse(read('ha-trung-2022.corrections.json')));
const SOURCE = read(corrections.plan.sourceTextFile!);

const TITLE = 'Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục và bệnh viện, cơ sở y tế';
/** Part III as the seeded plan holds it: numbers and titles. */
const TASKS: Array<[string, string]> = [
  ['1', 'Hỗ trợ chuyển đổi số, thúc đẩy thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục'],
  ['1.1', 'Hỗ trợ, thúc đẩy chuyển đổi số trong trường học, cơ sở giáo dục'],
  ['1.2', 'Thúc đẩy thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục'],
  ['2', 'Hỗ trợ chuyển đổi số, thúc đẩy thanh toán không dùng tiền mặt trong bệnh viện và cơ sở y tế'],
  ['2.1', 'Hỗ trợ, thúc đẩy chuyển đổi số trong bệnh viện, cơ sở y tế'],
  ['2.2', 'Thúc đẩy thanh toán không dùng tiền mặt trong bệnh viện, cơ sở y tế'],
  ['3', 'Tăng cường thông tin, tuyên truyền về chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục và các bệnh viện, cơ sở y tế'],
  ['4', 'Công tác đào tạo, tập huấn, phổ biến kiến thức, kỹ năng về chuyển đổi số, thanh toán không dùng tiền mặt trong trường học, cơ sở giáo dục'],
  ['5', 'Công tác đào tạo, tập huấn, phổ biến kiến thức, kỹ năng về chuyển đổi số, thanh toán không dùng tiền mặt trong bệnh viện, cơ sở y tế'],
  ['6', 'Bảo đảm an toàn, bảo mật trong chuyển đổi số, thanh toán không dùng tiền mặt'],
];
/** Part II's five targets, the fifth in its school and hospital parts: code, sector, metric, comparator, threshold, levels. */
const TARGETS = [
  ['T1', 'EDUCATION', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, null],
  ['T2', 'HEALTH', 'FACILITIES_USING_DIGITAL_PLATFORM', 'AT_LEAST', 50, null],
  ['T3', 'EDUCATION', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, null],
  ['T4', 'HEALTH', 'FACILITIES_ACCEPTING_CASHLESS', 'AT_LEAST', 100, null],
  ['T5.1', 'EDUCATION', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, null],
  ['T5.2', 'HEALTH', 'CASHLESS_TRANSACTION_SHARE', 'MORE_THAN', 50, ['PROVINCIAL_HOSPITAL']],
];
const TARGET_TITLES = [
  '50% trường học, cơ sở giáo dục trên địa bàn tỉnh sử dụng nền tảng số để chuyển đổi số',
  '50% bệnh viện, cơ sở y tế trên địa bàn tỉnh sử dụng nền tảng số để chuyển đổi số',
  '100% trường học, cơ sở giáo dục trên địa bàn tỉnh sử dụng các phương thức thanh toán không dùng tiền mặt để thanh toán học phí và các giao dịch khác',
  '100% bệnh viện, cơ sở y tế trên địa bàn tỉnh sử dụng các phương thức thanh toán không dùng tiền mặt để thanh toán dịch vụ y tế và các giao dịch khác',
  'Số lượng các giao dịch thanh toán không dùng tiền mặt trong các trường học, cơ sở giáo dục trên địa bàn tỉnh đạt trên 50%',
  'Số lượng các giao dịch thanh toán không dùng tiền mặt trong các bệnh viện tuyến tỉnh trên địa bàn tỉnh đạt trên 50%',
];

describe('the Hà Trung plan read from its text', () => {
  let plan: ParsedPlan;
  beforeAll(() => {
    plan = parsePlan(SOURCE);
  });

  it('places every line of the document', () => {
    expect(plan.unplaced).toEqual([]);
  });

  it('reads the heading: issuer, the blank number, place and month, the title, the signer', () => {
    expect(plan.header.issuer?.name).toBe('Ủy ban nhân dân huyện Hà Trung');
    expect(plan.header.superior).toBeNull();
    expect(plan.header.number).toMatchObject({ number: null, symbol: 'KH-UBND' });
    expect(plan.header.placeAndDate).toMatchObject({ day: null, month: 4, year: 2022, date: null, display: 'Hà Trung, tháng 4 năm 2022' });
    expect(plan.title?.text).toBe(`${TITLE} trên địa bàn huyện Hà Trung`);
    expect(plan.signer).toMatchObject({ title: 'KT. Chủ tịch — Phó Chủ tịch', name: 'Hoàng Văn Long' });
    expect(plan.period).toMatchObject({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('finds the provincial plan it carries out', () => {
    expect(plan.bases).toHaveLength(1);
    expect(plan.bases[0].kind).toBe('THUC_HIEN');
    expect(plan.parentPlan).toMatchObject({
      type: 'Kế hoạch',
      number: '97/KH-UBND',
      date: '2022-04-04',
      title: `${TITLE} trên địa bàn tỉnh Thanh Hóa`,
      issuer: { asWritten: 'Chủ tịch UBND tỉnh', name: 'Ủy ban nhân dân tỉnh Thanh Hóa', localityInferred: true },
    });
  });

  it('reads the ten tasks of part III with their numbers, titles and descriptions', () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(TASKS.map(([n]) => n));
    for (const [i, task] of plan.tasks.entries()) {
      const [number, title] = TASKS[i];
      const corrected = corrections.tasks.titles?.[number];
      if (corrected) {
        // The transcription changed only the case of the text's wording ("Bệnh viện" mid-sentence).
        expect(corrected).toBe(title);
        expect(task.title).not.toBe(title);
        expect(task.title.toLocaleLowerCase('vi-VN')).toBe(title.toLocaleLowerCase('vi-VN'));
      } else expect(task.title).toBe(title);
      // Headings that group sub-tasks have no text of their own.
      expect(task.description === null, number).toBe(['1', '2'].includes(number));
      expect(task.parentNumber).toBe(task.number.includes('.') ? task.number.split('.')[0] : null);
    }
    expect(plan.tasks[1].description?.split('\n')).toEqual([
      expect.stringMatching(/^- Các trường học, cơ sở giáo dục lựa chọn, ứng dụng các giải pháp, nền tảng số phù hợp/),
      expect.stringMatching(/^- Ứng dụng công nghệ số, nền tảng số trong quản lý, giảng dạy và học tập; số hóa tài liệu/),
      '- Triển khai áp dụng nền tảng dạy, học, thi trực tuyến tại các cấp học, hình thành, phát triển giáo dục số.',
    ]);
  });

  it('reads the targets of part II, a sentence naming two shares giving two targets', () => {
    expect(plan.targets.map((t) => [t.sector, t.metric, t.comparator, t.thresholdPercent, t.dueDate, t.facilityLevels])).toEqual(
      TARGETS.map(([, sector, metric, comparator, threshold, levels]) => [sector, metric, comparator, threshold, '2022-12-31', levels]),
    );
    expect(plan.targets.map((t) => t.title)).toEqual(TARGET_TITLES);
    // Three "+" sentences under "Đến hết năm 2022:": T1–T5 of the plan, T5 in its school and hospital parts.
    expect(plan.targets.map((t) => t.statement)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(new Set(plan.targets.map((t) => t.dueDateSource))).toEqual(new Set(['HEADING']));
  });

  it('reads the bodies of part V as written, what they lead and with whom they coordinate', () => {
    expect(plan.bodies.map((b) => [b.ordinal, b.ref.name, b.requested])).toEqual([
      ['1', 'Phòng Giáo dục và Đào tạo', false],
      ['2', 'Văn phòng HĐND và UBND huyện', false],
      ['3', 'Phòng Văn hóa và Thông tin', false],
      ['4', 'UBND các xã, thị trấn', false],
      ['5', 'Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện', false],
      ['6', 'các doanh nghiệp Viễn thông trên địa bàn huyện', true],
      ['7', 'Ngân hàng nông nghiệp và phát triển nông thôn chi nhánh huyện Hà Trung', true],
    ]);
    const led = (i: number) => plan.bodies[i].leads.filter((l) => l.resolvedBy === 'NUMBERS').map((l) => l.taskNumbers);
    expect(led(0)).toEqual([['1', '3', '4']]);
    expect(led(1)).toEqual([['2', '3', '5']]);
    expect(led(2)).toEqual([['6']]);
    expect(plan.bodies[2].leads[0].with.map((b) => b.name)).toEqual(['các đơn vị liên quan']);
    expect(plan.bodies[3].ref.allCommunes).toBe(true);
    // The communes lead "the tasks at the schools and health facilities, by decentralisation": no numbers.
    expect(plan.bodies[3].leads.map((l) => l.resolvedBy)).toEqual(['NONE']);
    for (const i of [3, 6]) {
      expect(plan.bodies[i].coordinates.map((c) => c.with.map((b) => b.name))).toEqual([
        ['Phòng Giáo dục và Đào tạo', 'Văn phòng HĐND và UBND huyện', 'các đơn vị liên quan'],
      ]);
    }
  });

  it('reads the report dates and the reporting chain through the Culture and Information Office', () => {
    for (const i of [0, 1]) {
      const [report] = plan.bodies[i].reports;
      expect(report.recipients.map((r) => r.name)).toEqual(['Chủ tịch UBND huyện']);
      expect(report.through?.key).toBe(bodyKey('Phòng Văn hóa và Thông tin'));
      expect(report.subject).toBe('kết quả triển khai thực hiện Kế hoạch');
      expect(report.schedule.map(({ period, day, month }) => ({ period, day, month }))).toEqual([
        { period: 'SIX_MONTH', day: 30, month: 6 },
        { period: 'ANNUAL', day: 20, month: 12 },
      ]);
      expect(plan.bodies[i].period).toMatchObject({ start: '2022-01-01', end: '2022-12-31' });
    }
    const [aggregate] = plan.bodies[2].reports;
    expect(aggregate).toMatchObject({ aggregates: true, through: null, subject: 'kết quả của các cơ quan, đơn vị', schedule: [] });
    expect(aggregate.recipients.map((r) => r.name)).toEqual(['Chủ tịch UBND huyện', 'Sở Thông tin và Truyền thông']);
    expect(aggregate.recipients[1].level).toBe('PROVINCE');
  });

  it('reads the recipients and the filing note', () => {
    expect(plan.recipients.map((r) => [r.name, r.note])).toEqual([
      ['Thường trực HU, HĐND huyện', 'B/c'],
      ['Chủ tịch UBND huyện', 'báo cáo'],
      ['Sở TTTT', 'báo cáo'],
      ['UBND các xã, thị trấn', null],
      ['Các phòng thuộc UBND huyện', null],
      ['NHNN&PTNT chi nhánh huyện HT', null],
    ]);
    expect(plan.filing?.text).toBe('VT, VHTT');
    expect(bodyKey(plan.recipients[2].name)).toBe(bodyKey('Sở Thông tin và Truyền thông'));
  });

  it('keeps, for every item, the span of the text it was read from', () => {
    expectSpansHold(plan);
    expect(plan.text.slice(plan.tasks[3].titleSpan.start, plan.tasks[3].titleSpan.end)).toContain('\n');
    expect(fold(plan.text.slice(plan.bodies[6].ref.span.start, plan.bodies[6].ref.span.end))).toContain('ha trung');
  });
});

describe('the Hà Trung plan with its corrections', () => {
  const PARENT = { id: 'TH-97-KH-UBND-2022', number: '97/KH-UBND', issueDate: '2022-04-04' };
  const transcribe = (c: PlanCorrections = corrections) => transcribedDraft(parsePlan(SOURCE), c, registry, PARENT);
  const rows = (c: PlanCorrections = corrections) => {
    const { content } = transcribe(c);
    return blueprintOf(content, { unitOf: (key) => content.bodies.find((b) => b.key === key)?.unitId ?? null, communeIds: COMMUNES }, {
      status: 'CLOSED',
      sourceText: SOURCE,
    });
  };

  it('gives the seeded plan: its header, the parent 97/KH-UBND, the ten tasks due 31/12/2022 and the targets by their codes', () => {
    const { content, issues } = transcribe();
    expect(issues).toEqual([]);
    expect(content.header).toMatchObject({
      code: 'HT-CDS-TTKDTM-2022', number: null, title: `${TITLE} trên địa bàn huyện Hà Trung`, issuingBody: 'Ủy ban nhân dân huyện Hà Trung',
      issueDate: null, issuePlaceAndDate: 'Hà Trung, tháng 4 năm 2022', signerName: 'Hoàng Văn Long', signerTitle: 'KT. Chủ tịch — Phó Chủ tịch',
      periodStart: '2022-01-01', periodEnd: '2022-12-31', parentPlanId: PARENT.id, assumption: corrections.plan.assumption,
    });
    expect(content.tasks.map((t) => [t.number, t.title, t.dueDate, t.assumption])).toEqual(
      TASKS.map(([n, title]) => [n, title, '2022-12-31', corrections.tasks.assumption]),
    );
    expect(content.targets.map((t) => [t.code, t.sector, t.metric, t.comparator, t.thresholdPercent, t.facilityLevels])).toEqual(TARGETS);
    expect(content.targets[5].notApplicableReason).toMatch(/^Huyện Hà Trung không có bệnh viện tuyến tỉnh/);
    expect(content.targets.every((t) => t.note)).toBe(true);
    expect(content.unplaced).toEqual([]);
  });

  it('assigns part V: each office its tasks, every commune its part and its own facilities, the telecoms as three companies', () => {
    const { assignments } = rows();
    const of = (unit: string) => assignments.filter((a) => a.unitId === unit).map((a) => `${a.task} ${a.role} ${a.scope}`).sort();
    expect(of('PHONG-GDDT')).toEqual(['1.1 LEAD DISTRICT', '1.2 LEAD DISTRICT', '3 LEAD DISTRICT', '4 LEAD DISTRICT']);
    expect(of('VP-HDND-UBND')).toEqual(['2.1 LEAD DISTRICT', '2.2 LEAD DISTRICT', '3 LEAD DISTRICT', '5 LEAD DISTRICT']);
    expect(of('PHONG-VHTT')).toEqual(['6 LEAD DISTRICT']);
    expect(of('TT-VHTTTDL')).toEqual(['3 COORDINATE DISTRICT']);
    expect(of('AGRIBANK-HT')).toEqual(['1.2 COORDINATE DISTRICT', '2.2 COORDINATE DISTRICT', '6 COORDINATE DISTRICT']);
    for (const telecom of ['VT-VIETTEL', 'VT-VNPT', 'VT-MOBIFONE']) expect(of(telecom)).toEqual(['6 COORDINATE DISTRICT']);
    expect(COMMUNES).toHaveLength(20);
    for (const commune of COMMUNES) {
      expect(of(commune)).toEqual([
        '1.1 COORDINATE DISTRICT', '1.1 LEAD OWN_FACILITIES', '1.2 COORDINATE DISTRICT', '1.2 LEAD OWN_FACILITIES',
        '2.1 COORDINATE DISTRICT', '2.1 LEAD OWN_FACILITIES', '2.2 COORDINATE DISTRICT', '2.2 LEAD OWN_FACILITIES',
        '3 COORDINATE DISTRICT', '4 LEAD OWN_FACILITIES', '5 LEAD OWN_FACILITIES',
      ]);
    }
    expect(assignments.filter((a) => a.scope === 'DISTRICT')).toHaveLength(116);
    expect(assignments.filter((a) => a.scope === 'OWN_FACILITIES').every((a) => a.assumption === corrections.communeOwnFacilities.assumption)).toBe(true);
    expect(assignments).toHaveLength(236);
  });

  it('gives the report dates and the chain through the Culture and Information Office, which coordinates the plan', () => {
    const { obligations, coordinatorUnitId } = rows();
    expect(obligations.map((o) => [o.reporterId, o.recipientId, o.throughId, o.period, o.dueBefore, o.subject])).toEqual([
      ['PHONG-GDDT', 'UBND-HUYEN', 'PHONG-VHTT', 'SIX_MONTH', '2022-06-30', 'Báo cáo 6 tháng kết quả triển khai thực hiện Kế hoạch'],
      ['PHONG-GDDT', 'UBND-HUYEN', 'PHONG-VHTT', 'ANNUAL', '2022-12-20', 'Báo cáo năm kết quả triển khai thực hiện Kế hoạch'],
      ['VP-HDND-UBND', 'UBND-HUYEN', 'PHONG-VHTT', 'SIX_MONTH', '2022-06-30', 'Báo cáo 6 tháng kết quả triển khai thực hiện Kế hoạch'],
      ['VP-HDND-UBND', 'UBND-HUYEN', 'PHONG-VHTT', 'ANNUAL', '2022-12-20', 'Báo cáo năm kết quả triển khai thực hiện Kế hoạch'],
      ['PHONG-VHTT', 'UBND-HUYEN', null, 'SIX_MONTH', '2022-06-30', 'Tổng hợp báo cáo 6 tháng kết quả của các cơ quan, đơn vị'],
      ['PHONG-VHTT', 'UBND-HUYEN', null, 'ANNUAL', '2022-12-20', 'Tổng hợp báo cáo năm kết quả của các cơ quan, đơn vị'],
      ['PHONG-VHTT', 'SO-TTTT', null, 'SIX_MONTH', '2022-06-30', 'Tổng hợp báo cáo 6 tháng kết quả của các cơ quan, đơn vị'],
      ['PHONG-VHTT', 'SO-TTTT', null, 'ANNUAL', '2022-12-20', 'Tổng hợp báo cáo năm kết quả của các cơ quan, đơn vị'],
    ]);
    expect(coordinatorUnitId).toBe('PHONG-VHTT');
  });

  it('names what the corrections leave unresolved instead of leaving it out', () => {
    const withoutTelecoms = { ...corrections, bodies: corrections.bodies.filter((b) => !/Viễn thông/.test(b.name)) };
    expect(transcribe(withoutTelecoms).issues).toEqual(['Không khớp được "các doanh nghiệp Viễn thông trên địa bàn huyện" với đơn vị nào.']);
    expect(rows(withoutTelecoms).assignments.some((a) => a.unitId.startsWith('VT-'))).toBe(false);

    const fewerTargets = { ...corrections, targets: corrections.targets.slice(0, 5) };
    expect(transcribe(fewerTargets).issues).toEqual(['Văn bản có 6 mục tiêu, tệp hiệu chỉnh có 5.']);
    const withoutDates = { ...corrections, reports: [] };
    expect(transcribe(withoutDates).issues).toEqual([expect.stringMatching(/^Đoạn "Tổng hợp báo cáo kết quả của các cơ quan.*chưa được xử lý \(Báo cáo của Phòng Văn hóa và Thông tin không nêu hạn/)]);
    const otherParent = { ...corrections, parentPlan: { ...corrections.parentPlan, number: '98/KH-UBND' } };
    expect(transcribe(otherParent).issues).toEqual(['Kế hoạch cấp trên trong văn bản là 97/KH-UBND, tệp hiệu chỉnh nói 98/KH-UBND.']);
  });

  it('refuses a corrections file that is not well formed, saying where', () => {
    const broken = { ...JSON.parse(read('ha-trung-2022.corrections.json')), tasks: { dueDate: '31/12/2022' } };
    expect(() => parseCorrections(broken)).toThrow(/tasks\.dueDate/);
  });
});
