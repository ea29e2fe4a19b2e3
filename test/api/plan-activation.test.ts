import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVATE, DISCARD, type Draft, GET, SOURCE, TEXT, UPDATE, bodyNamed, counts, edit, importText as importTextAs, ok, review,
} from '../helpers/plan-drafts.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * A draft a leader reviews becomes a running plan: edits are versioned and checked, activation makes
 * the units, the plan, its tasks, targets, assignments and report duties in one transaction, or nothing.
 */

let server: TestServer;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};
let parentPlanId: string;
const sql = <T = any>(text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  server = await startTestServer();
  for (const user of ['admin', 'phochutich']) tokens[user] = await server.login(user);
  for (const u of (await server.gql('{ allUnits(perPage: 100) { id code } }', {}, tokens.admin)).data!.allUnits) units[u.code] = u.id;
  const plans = (await server.gql('{ allPlans(perPage: 50) { id code } }', {}, tokens.admin)).data!.allPlans;
  parentPlanId = plans.find((p: any) => p.code === 'TH-97-KH-UBND-2022').id;
});
afterAll(() => server?.close());

const importText = (text: string, token = tokens.phochutich) => importTextAs(server, text, token);

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
    const before = await counts(server);
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
    const after = await counts(server);
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
    Object.assign(bodyNamed(input, 'Trung tâm'), { unitId: null, createUnit: true, unitCode: 'TT-THU-LOI', unitKind: 'CENTRE' });
    input.obligations.at(-1).subject = 'Báo cáo bị từ chối';
    const saved = ok(await server.gql(UPDATE, input, tokens.admin)).updatePlanDraft;
    expect(saved.problems).toEqual([]);
    // The last rows written are the report duties: this one is refused as a check constraint would refuse it.
    await sql(`create function refuse_test_obligation() returns trigger language plpgsql as $$
      begin if new.subject = 'Báo cáo bị từ chối' then raise exception 'refused' using errcode = 'check_violation'; end if; return new; end $$`);
    await sql(`create trigger refuse_test_obligation before insert on reporting_obligation for each row execute function refuse_test_obligation()`);
    try {
      const before = await counts(server);
      const res = await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.data?.activatePlanDraft ?? null).toBeNull();
      expect(await counts(server)).toEqual(before);
      expect(await sql(`select 1 from plan where code = 'HT-CDS-2022-LOI'`)).toEqual([]);
      expect(await sql(`select 1 from unit where code = 'TT-THU-LOI'`)).toEqual([]);
      const after = ok(await server.gql(GET, { id: saved.id }, tokens.admin)).PlanDraft;
      expect(after).toMatchObject({ state: 'DRAFT', version: saved.version, activatedPlanId: null });
    } finally {
      await sql('drop trigger refuse_test_obligation on reporting_obligation; drop function refuse_test_obligation()');
    }
    // With the cause gone the same draft activates.
    const plan = ok(await server.gql(ACTIVATE, { id: saved.id, version: saved.version }, tokens.admin)).activatePlanDraft;
    expect(plan.code).toBe('HT-CDS-2022-LOI');
    expect(await sql(`select 1 from unit where code = 'TT-THU-LOI'`)).toHaveLength(1);
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
    const before = await counts(server);
    const res = await server.gql(ACTIVATE, { id: draft.id, version: draft.version }, tokens.admin);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DRAFT_HAS_PROBLEMS' });
    expect(res.errors![0].message).toMatch(/^Bản nháp chưa kích hoạt được: 4 điều cần sửa\./);
    expect(res.errors![0].extensions!.problems).toEqual(draft.problems);
    expect(await counts(server)).toEqual(before);
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
