import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queues } from '../../../jobs/queues.js';
import type { AppConfig } from '../../config.js';
import { actingUserId, authorize, can, requireViewer, type Viewer } from '../../auth/policy.js';
import { isValidDay } from '../../shared/dates.js';
import { upperFirst } from '../../shared/text.js';
import { DomainError, ErrorCode, badInput, conflict, notFound } from '../../shared/errors.js';
import { leanRows, type Lean } from '../../shared/lean.js';
import { isId } from '../../shared/resource.service.js';
import { evidenceStore, storeBytes } from '../evidence/storage/index.js';
import { Facility } from '../facilities/facility.entity.js';
import { DOCX_TYPE } from '../letters/letter.render.js';
import { Plan } from '../plans/plan.entity.js';
import { periodLabel } from '../reports/report-workflow.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import type { AwardDecisionContent, HonouredEntry } from './award-decision.content.js';
import { criteriaProblems, type CriteriaValues } from './award-criteria.js';
import { awardPeriods, criteriaOf } from './award-evaluation.run.js';
import {
  AwardCriteria, AwardDecision, AwardEvaluation, AwardNomination, AwardNominationEvent, NominationAction, NominationKind, NominationSource,
  NominationState,
} from './award.entity.js';

export const MAX_NOMINATIONS = 500;

/** The criteria as the API shows them: the plan's row, or the defaults at version 0 until it has one. */
export type CriteriaView = CriteriaValues & { id: string; version: number; planId: string; isDefault: boolean };

export interface HonourRow {
  planId: string;
  planTitle: string;
  periodEnd: string;
  periodLabel: string;
  kind: NominationKind;
  name: string;
  communeName: string | null;
  achievement: string;
  decisionNumber: string | null;
  decisionDate: string | null;
}

/**
 * Award nominations (part III.3): criteria kept per plan, an evaluation job that proposes, the
 * coordinating office's review (add, withdraw), the leader's decision, and the public honour list.
 */
export class AwardService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: AppConfig,
    private readonly queues?: Pick<Queues, 'evaluateAwards'>,
  ) {}

  private async plan(planId: string): Promise<Plan> {
    const plan = isId(planId) ? await this.em.findOne(Plan, { id: planId }) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    return plan;
  }

  async criteria(planId: string): Promise<CriteriaView> {
    authorize(this.viewer, 'plan:read');
    const plan = await this.plan(planId);
    const row = await this.em.findOne(AwardCriteria, { plan });
    return { ...(await criteriaOf(this.em, plan.id)), id: row?.id ?? plan.id, version: row?.version ?? 0, planId: plan.id, isDefault: !row };
  }

  /** A LEADER or ADMIN sets the criteria; version 0 writes the plan's first row over the defaults. */
  async updateCriteria(planId: string, version: number, changes: Partial<CriteriaValues>): Promise<CriteriaView> {
    authorize(this.viewer, 'award:configure');
    const plan = await this.plan(planId);
    let row = await this.em.findOne(AwardCriteria, { plan });
    const current = row?.version ?? 0;
    if (current !== version) {
      throw conflict(`Tiêu chí đã được người khác cập nhật (phiên bản hiện tại ${current}, bạn gửi ${version}). Hãy tải lại.`, { currentVersion: current });
    }
    const values = { ...(await criteriaOf(this.em, plan.id)), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null)) };
    const problems = criteriaProblems(values);
    if (problems.length) throw badInput(problems[0].message, { argument: problems[0].argument, problems });
    if (row) Object.assign(row, values);
    else row = this.em.create(AwardCriteria, { plan, ...values });
    await this.em.flush();
    return this.criteria(plan.id);
  }

  /** The periods a plan is evaluated for: its reporting periods. */
  async periods(planId: string) {
    authorize(this.viewer, 'plan:read');
    const plan = await this.plan(planId);
    return (await awardPeriods(this.em, plan.id)).map((p) => ({ ...p, planId: plan.id, label: periodLabel(p.period, p.end) }));
  }

  /** On demand: records the run and hands it to the job, which fills in what it found. */
  async evaluate(planId: string, periodEnd: string): Promise<AwardEvaluation> {
    const viewer = authorize(this.viewer, 'award:evaluate');
    const plan = await this.plan(planId);
    if (!isValidDay(periodEnd) || !(await awardPeriods(this.em, plan.id)).some((p) => p.end === periodEnd)) {
      throw badInput(`Kế hoạch không có kỳ đánh giá kết thúc ngày ${periodEnd}.`, { argument: 'periodEnd', reason: 'NO_SUCH_PERIOD' });
    }
    const userId = actingUserId(viewer);
    const run = this.em.create(AwardEvaluation, { plan, periodEnd, requestedBy: userId ? this.em.getReference(User, userId) : null });
    await this.em.flush();
    // A queue that is down loses nothing but this run: the row says so and the leader asks again.
    try {
      await this.queues?.evaluateAwards({ planId: plan.id, periodEnd, evaluationId: run.id });
    } catch {
      run.state = 'FAILED' as AwardEvaluation['state'];
      run.error = 'Hàng đợi công việc tạm thời không sẵn sàng; hãy thử lại sau ít phút.';
      await this.em.flush();
    }
    return run;
  }

  async evaluation(id: string): Promise<AwardEvaluation> {
    authorize(this.viewer, 'plan:read');
    const run = isId(id) ? await this.em.findOne(AwardEvaluation, { id }) : null;
    if (!run) throw notFound('lần đánh giá', id);
    return run;
  }

  async evaluations(planId: string): Promise<AwardEvaluation[]> {
    authorize(this.viewer, 'plan:read');
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    return this.em.find(AwardEvaluation, { plan: planId }, { orderBy: { createdAt: 'desc' }, limit: 20 });
  }

  /** Nominations of a plan (and period), best first; a unit sees only its own (its facilities' for a commune). */
  async nominations(planId: string, periodEnd?: string | null, state?: NominationState | null): Promise<Array<Lean<AwardNomination>>> {
    const viewer = requireViewer(this.viewer);
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    if (periodEnd && !isValidDay(periodEnd)) throw badInput(`Ngày không hợp lệ: ${periodEnd}.`, { argument: 'periodEnd' });
    const seesAll = can(viewer, 'award:read');
    if (!seesAll) authorize(viewer, 'award:read', { unitId: viewer.unitId });
    const rows = await this.em.getConnection().execute<object[]>(
      `select * from award_nomination
        where plan_id = ? and (?::date is null or period_end = ?::date) and (?::nomination_state is null or state = ?::nomination_state)
          and (? or unit_id = ?)
        order by period_end desc, kind, state, rank nulls last, created_at
        limit ${MAX_NOMINATIONS}`,
      [planId, periodEnd ?? null, periodEnd ?? null, state ?? null, state ?? null, seesAll, viewer.unitId],
    );
    return leanRows(this.em, AwardNomination, rows);
  }

  async nomination(id: string): Promise<AwardNomination> {
    requireViewer(this.viewer);
    const nomination = isId(id) ? await this.em.findOne(AwardNomination, { id }) : null;
    if (!nomination) throw notFound('đề nghị khen thưởng', id);
    authorize(this.viewer, 'award:read', { unitId: nomination.unit.id });
    return nomination;
  }

  /** The coordinating office adds a candidate the figures missed, with its reason. */
  async propose(planId: string, periodEnd: string, candidate: { facilityId?: string | null; unitId?: string | null }, reason: string): Promise<AwardNomination> {
    const viewer = authorize(this.viewer, 'award:propose');
    const plan = await this.plan(planId);
    if (!reason?.trim()) throw badInput('Hãy ghi lý do đề nghị.', { argument: 'reason' });
    const period = (await awardPeriods(this.em, plan.id)).find((p) => p.end === periodEnd);
    if (!period) throw badInput(`Kế hoạch không có kỳ đánh giá kết thúc ngày ${periodEnd}.`, { argument: 'periodEnd', reason: 'NO_SUCH_PERIOD' });
    if (!!candidate.facilityId === !!candidate.unitId) throw badInput('Chọn một cơ sở hoặc một đơn vị.', { argument: 'facilityId' });
    let facility: Facility | null = null;
    let unit: Unit | null = null;
    if (candidate.facilityId) {
      facility = isId(candidate.facilityId) ? await this.em.findOne(Facility, { id: candidate.facilityId }) : null;
      if (!facility) throw notFound('cơ sở', candidate.facilityId);
      unit = this.em.getReference(Unit, facility.commune.id) as Unit;
    } else {
      unit = isId(candidate.unitId) ? await this.em.findOne(Unit, { id: candidate.unitId! }) : null;
      if (!unit) throw notFound('đơn vị', candidate.unitId!);
    }
    const key = facility?.id ?? unit!.id;
    const existing = await this.em.findOne(AwardNomination, { plan, periodEnd, candidateKey: key });
    if (existing) {
      throw conflict('Đã có đề nghị cho cơ sở, đơn vị này trong kỳ.', { reason: 'ALREADY_NOMINATED', existingId: existing.id, state: existing.state });
    }
    const userId = actingUserId(viewer);
    const nomination = this.em.create(AwardNomination, {
      plan, period: period.period, periodEnd, kind: facility ? NominationKind.FACILITY : NominationKind.UNIT, facility, unit: unit!,
      candidateKey: key, source: NominationSource.MANUAL, achievement: reason.trim(), reason: reason.trim(), score: null, rank: null,
    });
    this.event(nomination, NominationAction.PROPOSE, null, NominationState.PROPOSED, userId, reason.trim());
    await this.em.flush();
    return nomination;
  }

  /** The coordinating office withdraws a proposal still waiting on the leader, with its reason. */
  async withdraw(id: string, version: number, reason: string): Promise<AwardNomination> {
    const viewer = authorize(this.viewer, 'award:propose');
    if (!reason?.trim()) throw badInput('Hãy ghi lý do rút đề nghị.', { argument: 'reason' });
    const nomination = await this.forDecision(id, version);
    nomination.state = NominationState.WITHDRAWN;
    nomination.reason = reason.trim();
    this.event(nomination, NominationAction.WITHDRAW, NominationState.PROPOSED, NominationState.WITHDRAWN, actingUserId(viewer), reason.trim());
    await this.em.flush();
    return nomination;
  }

  async reject(id: string, version: number, comment: string): Promise<AwardNomination> {
    const viewer = authorize(this.viewer, 'award:decide');
    if (!comment?.trim()) throw badInput('Hãy ghi lý do không duyệt.', { argument: 'comment' });
    const nomination = await this.forDecision(id, version);
    const userId = actingUserId(viewer);
    Object.assign(nomination, {
      state: NominationState.REJECTED, decidedAt: new Date(), decidedBy: userId ? this.em.getReference(User, userId) : null, decisionComment: comment.trim(),
    });
    this.event(nomination, NominationAction.REJECT, NominationState.PROPOSED, NominationState.REJECTED, userId, comment.trim());
    await this.em.flush();
    return nomination;
  }

  /**
   * The leader approves a batch of one plan's period with the decision's number and date; the draft
   * decision is written as DOCX in the same step, from the approved entries.
   */
  async approve(
    planId: string, periodEnd: string, items: Array<{ id: string; version: number }>, decisionNumber: string, decisionDate: string,
    comment?: string | null,
  ): Promise<AwardDecision> {
    const viewer = authorize(this.viewer, 'award:decide');
    const plan = await this.plan(planId);
    if (!items.length) throw badInput('Chọn ít nhất một đề nghị để duyệt.', { argument: 'items' });
    if (!isValidDay(decisionDate)) throw badInput(`Ngày quyết định không hợp lệ: ${decisionDate}.`, { argument: 'decisionDate' });
    const number = decisionNumber.trim();
    if (number.length > 80) throw badInput('Số quyết định tối đa 80 ký tự.', { argument: 'decisionNumber' });
    const nominations: AwardNomination[] = [];
    for (const item of items) {
      const nomination = await this.forDecision(item.id, item.version);
      if (nomination.plan.id !== plan.id || nomination.periodEnd !== periodEnd) {
        throw badInput('Các đề nghị phải cùng kế hoạch và kỳ.', { argument: 'items', id: item.id });
      }
      nominations.push(nomination);
    }
    const userId = actingUserId(viewer);
    const decision = this.em.create(AwardDecision, {
      plan, periodEnd, number, decisionDate, approvedBy: userId ? this.em.getReference(User, userId) : null,
    });
    const at = new Date();
    for (const nomination of nominations) {
      Object.assign(nomination, {
        state: NominationState.APPROVED, decidedAt: at, decidedBy: decision.approvedBy, decisionComment: comment?.trim() || null, decision,
      });
      this.event(nomination, NominationAction.APPROVE, NominationState.PROPOSED, NominationState.APPROVED, userId,
        `Quyết định ${number || '(chưa vào số)'} ngày ${decisionDate.split('-').reverse().join('/')}${comment?.trim() ? `: ${comment.trim()}` : ''}`);
    }
    const bytes = await this.decisionDocx(plan, decision, nominations);
    const key = `decisions/${decision.id}`;
    await storeBytes(await evidenceStore(this.config), key, bytes, DOCX_TYPE);
    Object.assign(decision, {
      storageKey: key, byteSize: bytes.length,
      fileName: `Quyet-dinh-khen-thuong-${periodEnd}-${createHash('sha256').update(decision.id).digest('hex').slice(0, 6)}.docx`,
    });
    await this.em.flush();
    return decision;
  }

  private async decisionDocx(plan: Plan, decision: AwardDecision, nominations: AwardNomination[]): Promise<Buffer> {
    const names = await this.candidateNames(nominations);
    const honoured: HonouredEntry[] = [...nominations]
      .sort((a, b) => (a.kind === b.kind ? (a.rank ?? 1e9) - (b.rank ?? 1e9) : a.kind === NominationKind.FACILITY ? -1 : 1))
      .map((n) => ({ kind: n.kind, ...names.get(n.id)!, achievement: upperFirst(n.achievement), score: n.score ?? 0 }));
    const period = (await awardPeriods(this.em, plan.id)).find((p) => p.end === decision.periodEnd)!;
    const content: AwardDecisionContent = {
      plan: {
        code: plan.code, number: plan.number ?? null, title: plan.title, issuingBody: plan.issuingBody, issueDate: plan.issueDate ?? null,
        issuePlaceAndDate: plan.issuePlaceAndDate ?? null, signerName: plan.signerName ?? null, signerTitle: plan.signerTitle ?? null,
      },
      decisionNumber: decision.number,
      decisionDate: decision.decisionDate,
      periodLabel: periodLabel(period.period, period.end),
      periodEnd: decision.periodEnd,
      honoured,
    };
    const { awardDecisionDocx } = await import('./award-decision.docx.js');
    return awardDecisionDocx(content);
  }

  /** Facility or unit name and commune for each nomination, in one statement. */
  private async candidateNames(nominations: Array<Pick<AwardNomination, 'id' | 'candidateKey'>>): Promise<Map<string, { name: string; communeName: string | null }>> {
    const rows = await this.em.getConnection().execute<Array<{ id: string; name: string; commune_name: string | null }>>(
      `select n.id, coalesce(f.name, u.name) as name, case when n.facility_id is not null then u.name end as commune_name
         from award_nomination n left join facility f on f.id = n.facility_id join unit u on u.id = n.unit_id
        where n.id = any(?::uuid[])`,
      [`{${nominations.map((n) => n.id).join(',')}}`],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, communeName: r.commune_name }]));
  }

  async decisions(planId: string, periodEnd?: string | null): Promise<AwardDecision[]> {
    authorize(this.viewer, 'award:read');
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    if (periodEnd && !isValidDay(periodEnd)) throw badInput(`Ngày không hợp lệ: ${periodEnd}.`, { argument: 'periodEnd' });
    return this.em.find(AwardDecision, { plan: planId, ...(periodEnd ? { periodEnd } : {}) }, { orderBy: { decisionDate: 'desc', createdAt: 'desc' }, limit: 200 });
  }

  async decision(id: string): Promise<AwardDecision> {
    authorize(this.viewer, 'award:read');
    const decision = isId(id) ? await this.em.findOne(AwardDecision, { id }) : null;
    if (!decision) throw notFound('quyết định khen thưởng', id);
    return decision;
  }

  /** The honour list: approved entries only, with nothing personal; open to anyone, signed in or not. */
  async honourList(planId?: string | null, periodEnd?: string | null): Promise<HonourRow[]> {
    if (planId && !isId(planId)) return [];
    if (periodEnd && !isValidDay(periodEnd)) throw badInput(`Ngày không hợp lệ: ${periodEnd}.`, { argument: 'periodEnd' });
    const rows = await this.em.getConnection().execute<Array<HonourRow & { period: 'SIX_MONTH' | 'ANNUAL' }>>(
      `select n.plan_id as "planId", p.title as "planTitle", to_char(n.period_end, 'YYYY-MM-DD') as "periodEnd", n.period, n.kind,
              coalesce(f.name, u.name) as name, case when n.facility_id is not null then u.name end as "communeName", n.achievement,
              d.number as "decisionNumber", to_char(d.decision_date, 'YYYY-MM-DD') as "decisionDate"
         from award_nomination n
         join plan p on p.id = n.plan_id
         join unit u on u.id = n.unit_id
         left join facility f on f.id = n.facility_id
         left join award_decision d on d.id = n.decision_id
        where n.state = 'APPROVED' and (?::uuid is null or n.plan_id = ?::uuid) and (?::date is null or n.period_end = ?::date)
        order by n.period_end desc, p.title, n.kind, n.rank nulls last, name
        limit ${MAX_NOMINATIONS}`,
      [planId ?? null, planId ?? null, periodEnd ?? null, periodEnd ?? null],
    );
    return rows.map(({ period, ...row }) => ({ ...row, achievement: upperFirst(row.achievement), periodLabel: periodLabel(period, row.periodEnd) }));
  }

  /** Loads a nomination the leader or the office acts on: exists, same version, still waiting. */
  private async forDecision(id: string, version: number): Promise<AwardNomination> {
    const nomination = isId(id) ? await this.em.findOne(AwardNomination, { id }) : null;
    if (!nomination) throw notFound('đề nghị khen thưởng', id);
    if (nomination.version !== version) {
      throw conflict(`Đề nghị đã được cập nhật (phiên bản hiện tại ${nomination.version}, bạn gửi ${version}). Hãy tải lại.`, {
        currentVersion: nomination.version, id,
      });
    }
    if (nomination.state !== NominationState.PROPOSED) {
      throw new DomainError(ErrorCode.CONFLICT, 'Đề nghị đã được quyết định hoặc đã rút.', { state: nomination.state, id });
    }
    return nomination;
  }

  private event(nomination: AwardNomination, action: NominationAction, from: NominationState | null, to: NominationState, userId: string | null, comment: string | null) {
    this.em.create(AwardNominationEvent, {
      nomination, action, fromState: from, toState: to, actor: userId ? this.em.getReference(User, userId) : null, comment, at: new Date(),
    });
  }
}
