import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyKey } from '../../server/modules/plan-import/bodies.js';
import { applyCorrections, parseCorrections, type PlanCorrections } from '../../server/modules/plan-import/corrections.js';
import { parsePlan } from '../../server/modules/plan-import/parser.js';
import { fold } from '../../server/modules/plan-import/text.js';
import type { ParsedPlan } from '../../server/modules/plan-import/types.js';
import type { PlanSeed } from '../../server/db/seed/seeder.js';
import { expectSpansHold } from '../helpers/plan-import.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../server/db/seed');
const read = (name: string) => readFileSync(path.join(SEED_DIR, name), 'utf8');

/** The seed's data file, read as JSON: its enums are plain strings here. */
const seed = JSON.parse(read('ha-trung-2022.json')) as PlanSeed & { units: PlanSeed['units'] };
const corrections: PlanCorrections = parseCorrections(JSON.parse(read('ha-trung-2022.corrections.json')));

describe('the Hà Trung plan read from its text', () => {
  let plan: ParsedPlan;
  beforeAll(() => {
    plan = parsePlan(read(seed.plan.sourceTextFile!));
  });

  it('places every line of the document', () => {
    expect(plan.unplaced).toEqual([]);
  });

  it('reads the heading: issuer, the blank number, place and month, the title, the signer', () => {
    expect(plan.header.issuer?.name).toBe(seed.plan.issuingBody);
    expect(plan.header.superior).toBeNull();
    expect(plan.header.number).toMatchObject({ number: seed.plan.number, symbol: 'KH-UBND' });
    expect(plan.header.placeAndDate).toMatchObject({ day: null, month: 4, year: 2022, date: seed.plan.issueDate, display: seed.plan.issuePlaceAndDate });
    expect(plan.title?.text).toBe(seed.plan.title);
    expect(plan.signer).toMatchObject({ title: seed.plan.signerTitle, name: seed.plan.signerName });
    expect(plan.period).toMatchObject({ start: seed.plan.periodStart, end: seed.plan.periodEnd });
  });

  it('finds the provincial plan it carries out', () => {
    expect(plan.bases).toHaveLength(1);
    expect(plan.bases[0].kind).toBe('THUC_HIEN');
    expect(plan.parentPlan).toMatchObject({
      type: 'Kế hoạch',
      number: seed.parentPlan.number,
      date: seed.parentPlan.issueDate,
      title: seed.parentPlan.title,
      issuer: { asWritten: 'Chủ tịch UBND tỉnh', name: seed.parentPlan.issuingBody, localityInferred: true },
    });
  });

  it('reads the ten tasks of part III with their numbers, titles and descriptions', () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(seed.tasks.map((t) => t.number));
    for (const [i, task] of plan.tasks.entries()) {
      const expected = seed.tasks[i];
      const corrected = corrections.tasks.titles?.[task.number];
      if (corrected) {
        // The transcription changed only the case of the text's wording ("Bệnh viện" mid-sentence).
        expect(corrected).toBe(expected.title);
        expect(task.title).not.toBe(expected.title);
        expect(task.title.toLocaleLowerCase('vi-VN')).toBe(expected.title.toLocaleLowerCase('vi-VN'));
      } else expect(task.title).toBe(expected.title);
      expect(task.description).toBe(expected.description);
      expect(task.parentNumber).toBe(task.number.includes('.') ? task.number.split('.')[0] : null);
    }
  });

  it('reads the targets of part II, a sentence naming two shares giving two targets', () => {
    expect(plan.targets.map((t) => ({
      title: t.title, sector: t.sector, metric: t.metric, comparator: t.comparator,
      thresholdPercent: t.thresholdPercent, deadline: t.dueDate, facilityLevels: t.facilityLevels ?? undefined,
    }))).toEqual(seed.targets.map((t) => ({
      title: t.title, sector: t.sector, metric: t.metric, comparator: t.comparator,
      thresholdPercent: t.thresholdPercent, deadline: t.deadline, facilityLevels: t.facilityLevels,
    })));
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
    // Each LEAD of the seed is a task part V names (or one of its sub-tasks) for that office.
    const leadUnits = new Map([['PHONG-GDDT', 0], ['VP-HDND-UBND', 1], ['PHONG-VHTT', 2]]);
    for (const a of seed.assignments.filter((x) => x.role === 'LEAD')) {
      const named = led(leadUnits.get(a.unit)!).flat();
      expect(named.some((n) => a.task === n || a.task.startsWith(`${n}.`)), `${a.unit} chủ trì ${a.task}`).toBe(true);
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
  const applied = () => applyCorrections(parsePlan(read('ke-hoach-ha-trung-2022.txt')), corrections, seed.units);

  it('gives the plan parts of the seed’s data file', () => {
    const { seed: produced, issues } = applied();
    expect(issues).toEqual([]);
    // Round-tripped through JSON, as the data file is: no undefined fields.
    const json = JSON.parse(JSON.stringify(produced)) as typeof produced;
    expect(json.parentPlan).toEqual(seed.parentPlan);
    expect(json.plan).toEqual(seed.plan);
    expect(json.tasks).toEqual(seed.tasks);
    expect(json.targets).toEqual(seed.targets);
    expect(json.communeOwnFacilities).toEqual(seed.communeOwnFacilities);
    expect(json.reportingObligations).toEqual(seed.reportingObligations);
    const key = (a: { task: string; unit: string; role: string }) => `${a.task} ${a.unit} ${a.role}`;
    expect(json.assignments.map(key).sort()).toEqual(seed.assignments.map(key).sort());
    expect(json.assignments).toHaveLength(seed.assignments.length);
  });

  it('names what it cannot resolve instead of leaving it out', () => {
    const withoutTelecoms = { ...corrections, bodies: corrections.bodies.filter((b) => !/Viễn thông/.test(b.name)) };
    const { seed: produced, issues } = applyCorrections(parsePlan(read('ke-hoach-ha-trung-2022.txt')), withoutTelecoms, seed.units);
    expect(issues).toContain('Không khớp được "các doanh nghiệp Viễn thông trên địa bàn huyện" với đơn vị nào.');
    expect(issues).toContain('"các doanh nghiệp Viễn thông trên địa bàn huyện" không có nhiệm vụ chủ trì hay phối hợp nào được xác định.');
    expect(produced.assignments.some((a) => a.unit.startsWith('VT-'))).toBe(false);

    const fewerTargets = { ...corrections, targets: corrections.targets.slice(0, 5) };
    expect(applyCorrections(parsePlan(read('ke-hoach-ha-trung-2022.txt')), fewerTargets, seed.units).issues).toEqual([
      'Văn bản có 6 mục tiêu, tệp hiệu chỉnh có 5.',
    ]);
  });

  it('refuses a corrections file that is not well formed, saying where', () => {
    const broken = { ...JSON.parse(read('ha-trung-2022.corrections.json')), tasks: { dueDate: '31/12/2022' } };
    expect(() => parseCorrections(broken)).toThrow(/tasks\.dueDate/);
  });
});
