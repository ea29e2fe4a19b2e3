import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueprintOf } from '../../server/modules/plan-import/blueprint.js';
import { buildDraftContent, type DraftBuildContext } from '../../server/modules/plan-import/draft-build.js';
import type { DraftContent } from '../../server/modules/plan-import/draft-content.js';
import { applyDraftEdit, type DraftEdit } from '../../server/modules/plan-import/draft-edit.js';
import { type DraftFacts, draftProblems } from '../../server/modules/plan-import/draft-problems.js';
import { parsePlan } from '../../server/modules/plan-import/parser.js';
import { UnitMatcher, proposeUnitCode, unitKindOf } from '../../server/modules/plan-import/unit-match.js';
import type { PlanSeed } from '../../server/db/seed/seeder.js';

/** Drafts of plans other than the seeded one, against the Hà Trung registry: what a reviewer meets. */

const read = (...parts: string[]) => readFileSync(path.resolve(import.meta.dirname, '../..', ...parts), 'utf8');
const seed = JSON.parse(read('server/db/seed/ha-trung-2022.json')) as PlanSeed;
const registry = seed.units.map((u) => ({ ...u, id: u.code }));
const FACTS: DraftFacts = {
  existingUnitIds: new Set(registry.map((u) => u.id)),
  takenUnitCodes: new Set(),
  planCodeTaken: false,
  parentPlanExists: true,
  communeCount: 20,
};

function draftOf(fixture: string, context: Partial<DraftBuildContext> = {}): DraftContent {
  const parsed = parsePlan(read('test/fixtures/plans', fixture));
  return buildDraftContent(parsed, {
    matcher: new UnitMatcher(registry, parsed.header.issuer?.name ?? null),
    parentCandidates: [],
    takenPlanCodes: new Set(),
    takenUnitCodes: new Set(registry.map((u) => u.code)),
    currentYear: 2026,
    ...context,
  });
}

/** The draft as the edit form sends it back. */
const asEdit = (content: DraftContent): DraftEdit => ({
  header: content.header,
  targets: content.targets,
  tasks: content.tasks,
  bodies: content.bodies,
  obligations: content.obligations,
});

describe('the draft of a provincial plan over three years', () => {
  const draft = draftOf('tinh-lam-son-2023.txt');

  it('proposes its code from the place, the number and the year, another one when that is taken', () => {
    expect(draft.header.code).toBe('LS-125-KH-UBND-2023');
    expect(draftOf('tinh-lam-son-2023.txt', { takenPlanCodes: new Set(['LS-125-KH-UBND-2023']) }).header.code).toBe('LS-125-KH-UBND-2023-2');
  });

  it('cites the parent it could not find, and takes it when a plan has that number and date', () => {
    expect(draft.header).toMatchObject({ parentPlanId: null, parentReference: 'Kế hoạch số 30/KH-BYT ngày 02/03/2023 của Bộ Y tế' });
    const found = draftOf('tinh-lam-son-2023.txt', { parentCandidates: [{ id: 'p1', number: '30/KH-BYT', issueDate: '2023-03-02' }] });
    expect(found.header.parentPlanId).toBe('p1');
    const otherDate = draftOf('tinh-lam-son-2023.txt', { parentCandidates: [{ id: 'p1', number: '30/KH-BYT', issueDate: '2022-03-02' }] });
    expect(otherDate.header.parentPlanId).toBeNull();
  });

  it('proposes the departments it does not know as new units; "UBND tỉnh" is not the district’s committee; the districts as a group are left to the reviewer', () => {
    expect(draft.bodies.map((b) => [b.name, b.unitId, b.createUnit, b.unitCode, b.unitKind])).toEqual([
      ['Sở Giáo dục và Đào tạo', null, true, 'SO-GDDT', 'PROVINCIAL_DEPARTMENT'],
      ['Sở Y tế', null, true, 'SO-YT', 'PROVINCIAL_DEPARTMENT'],
      ['Sở Thông tin và Truyền thông', 'SO-TTTT', false, null, null],
      ['Ngân hàng Nhà nước chi nhánh tỉnh Lam Sơn', null, true, 'NH-NNLS', 'BANK'],
      ['UBND các huyện, thị xã, thành phố', null, false, null, null],
      ['Bảo hiểm xã hội tỉnh', null, true, 'PHONG-BHXH', 'OFFICE'],
      ['UBND tỉnh', null, true, 'UBND-T', 'LEADERSHIP'],
    ]);
    expect(draftProblems(draft, FACTS).filter((p) => p.path.startsWith('bodies'))).toEqual([
      { path: 'bodies[4].unitId', message: '"UBND các huyện, thị xã, thành phố" chưa khớp với đơn vị nào: chọn đơn vị trong danh mục, hoặc tạo đơn vị mới.', invalid: false },
    ]);
  });

  it('owes a report each year of the period', () => {
    const dues = draft.obligations.filter((o) => o.reporterKey === 'b1').map((o) => `${o.period} ${o.dueBefore}`);
    expect(dues).toEqual(['SIX_MONTH 2023-06-15', 'SIX_MONTH 2024-06-15', 'SIX_MONTH 2025-06-15', 'ANNUAL 2023-12-15', 'ANNUAL 2024-12-15', 'ANNUAL 2025-12-15']);
  });
});

describe('the draft of a district office’s plan for a school year', () => {
  const draft = draftOf('phong-gddt-binh-an-2023.txt');

  it('sends a report to "Trưởng phòng" to the issuing office itself, and keeps the monthly and one-off reports it cannot follow', () => {
    expect(draft.bodies.find((b) => b.name === 'Trưởng phòng')).toMatchObject({ unitId: 'PHONG-GDDT', createUnit: false });
    expect(draft.obligations).toEqual([]);
    expect(draft.unplaced.map((u) => [u.text, u.reason.split(':')[0]])).toEqual([
      ['trước ngày 31/5/2024', 'Kỳ báo cáo một lần chưa được theo dõi (chỉ báo cáo 6 tháng và năm)'],
      ['trước ngày 25 hằng tháng', 'Kỳ báo cáo hằng tháng chưa được theo dõi (chỉ báo cáo 6 tháng và năm)'],
    ]);
  });

  it('gives tasks the period’s end when the text sets no date, and the target it could not measure asks for its metric', () => {
    expect(draft.header).toMatchObject({ periodStart: '2023-09-01', periodEnd: '2024-05-31' });
    expect(new Set(draft.tasks.map((t) => t.dueDate))).toEqual(new Set(['2024-05-31']));
    expect(draftProblems(draft, FACTS).map((p) => p.path)).toEqual(['targets[1].metric', 'unplaced[0]', 'unplaced[1]']);
  });
});

describe('a reviewer’s edit', () => {
  const draft = draftOf('tinh-lam-son-2023.txt');

  it('keeps spans and how a body was matched by key; a unit the reviewer picks is theirs', () => {
    const edit = asEdit(draft);
    edit.bodies = edit.bodies.map((b) => (b.key === 'b7' ? { ...b, unitId: 'UBND-HUYEN', createUnit: true, unitCode: 'x' } : b));
    const after = applyDraftEdit(draft, edit);
    expect(after.tasks.map((t) => t.span)).toEqual(draft.tasks.map((t) => t.span));
    expect(after.bodies[2]).toMatchObject({ unitId: 'SO-TTTT', matchedBy: 'ABBREVIATION' });
    expect(after.bodies[6]).toMatchObject({ unitId: 'UBND-HUYEN', matchedBy: 'MANUAL', createUnit: false, unitCode: null });
  });

  it('gives new items and items sent twice keys of their own, and only dismisses what it names', () => {
    const edit = asEdit(draft);
    edit.tasks = [...edit.tasks, { number: '7', title: 'Nhiệm vụ mới' }, { ...edit.tasks[0], number: '8' }];
    edit.dismissedUnplaced = ['u2'];
    const after = applyDraftEdit(draft, edit);
    const keys = after.tasks.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.tasks.at(-2)).toMatchObject({ number: '7', title: 'Nhiệm vụ mới', span: null, description: null });
    expect(after.tasks.at(-1)).toMatchObject({ number: '8', span: null });
    expect(after.unplaced.map((u) => u.dismissed)).toEqual([false, true, false, false]);
  });

  it('tells content that is wrong in itself from a draft that is only unfinished', () => {
    const edit = asEdit(draft);
    edit.tasks = [...edit.tasks, { number: '1.1', title: 'Trùng' }, { number: '7.1', title: 'Không có nhiệm vụ cha' }, { number: 'a', title: 'Sai' }];
    edit.targets = edit.targets.map((t, i) => (i === 0 ? { ...t, thresholdPercent: 150, sector: null } : t));
    edit.bodies = edit.bodies.map((b, i) => (i === 0 ? { ...b, coordinates: ['1.1'] } : b));
    const problems = draftProblems(applyDraftEdit(draft, edit), FACTS);
    const invalid = problems.filter((p) => p.invalid).map((p) => p.path);
    expect(draft.tasks).toHaveLength(6);
    expect(invalid).toEqual(['tasks[6].number', 'tasks[7].number', 'tasks[8].number', 'targets[0].thresholdPercent', 'bodies[0].coordinates']);
    expect(problems.filter((p) => !p.invalid).map((p) => p.path)).toEqual(
      expect.arrayContaining(['targets[0].sector', 'bodies[4].unitId', 'unplaced[0]']),
    );
  });
});

describe('a draft’s rows', () => {
  it('give each commune the communes’ tasks, lead at their own facilities, and each unit a task once', () => {
    const content: DraftContent = {
      header: { ...draftOf('tinh-lam-son-2023.txt').header, parentPlanId: null },
      targets: [],
      tasks: [{ key: 't1', number: '1', title: 'Một', description: null, dueDate: '2023-12-31', assumption: null, span: null },
        { key: 't2', number: '1.1', title: 'Một một', description: null, dueDate: '2023-12-31', assumption: null, span: null }],
      bodies: [
        { key: 'b1', name: 'Phòng GD&ĐT', unitId: 'PHONG-GDDT', matchedBy: 'ABBREVIATION', allCommunes: false, createUnit: false, unitCode: null, unitKind: null, leads: ['1'], coordinates: [], leadAssumption: null, span: null },
        { key: 'b2', name: 'Phòng Giáo dục', unitId: 'PHONG-GDDT', matchedBy: 'NAME', allCommunes: false, createUnit: false, unitCode: null, unitKind: null, leads: [], coordinates: ['1.1'], leadAssumption: null, span: null },
        { key: 'b3', name: 'UBND các xã', unitId: null, matchedBy: 'ALL_COMMUNES', allCommunes: true, createUnit: false, unitCode: null, unitKind: null, leads: ['1.1'], coordinates: ['1'], leadAssumption: 'theo phân cấp', span: null },
      ],
      obligations: [],
      unplaced: [],
    };
    const rows = blueprintOf(content, { unitOf: (key) => content.bodies.find((b) => b.key === key)?.unitId ?? null, communeIds: ['XA-1', 'XA-2'] }, {
      status: 'ACTIVE', sourceText: null,
    });
    expect(rows.assignments.map((a) => `${a.task} ${a.unitId} ${a.role} ${a.scope} ${a.assumption}`)).toEqual([
      '1.1 PHONG-GDDT LEAD DISTRICT null',
      '1.1 XA-1 LEAD OWN_FACILITIES theo phân cấp',
      '1.1 XA-2 LEAD OWN_FACILITIES theo phân cấp',
      '1.1 XA-1 COORDINATE DISTRICT null',
      '1.1 XA-2 COORDINATE DISTRICT null',
    ]);
  });
});

describe('kinds and codes of new units', () => {
  it('reads the kind from the name and makes a code in the registry’s style, unique', () => {
    expect(['Trung tâm Chuyển đổi số huyện', 'Sở Tài chính', 'Xã Hà Bắc', 'Thị trấn Hà Trung', 'Bộ phận Kế toán', 'Bưu điện huyện', 'Công an huyện']
      .map((name) => [unitKindOf(name), proposeUnitCode(name, unitKindOf(name), new Set(['TT-CDS']))]))
      .toEqual([
        ['CENTRE', 'TT-CDS-2'], ['PROVINCIAL_DEPARTMENT', 'SO-TC'], ['COMMUNE', 'XA-HABAC'], ['TOWNSHIP', 'TT-HATRUNG'],
        ['OFFICE', 'PHONG-KT'], ['ENTERPRISE', 'DN-BD'], ['OFFICE', 'PHONG-CA'],
      ]);
  });
});
