import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queues } from '../../../jobs/queues.js';
import { actingUserId, authorize, can, requireViewer, type Viewer } from '../../auth/policy.js';
import { today } from '../../shared/dates.js';
import { badInput, notFound } from '../../shared/errors.js';
import { isId } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import { lateAssignments } from './late-work.js';
import { shortDate } from './letter-text.js';
import { UrgingLetter } from './urging-letter.entity.js';

export const MAX_LETTERS = 200;

/** Urging letters as the API offers them: who may ask for one, who may read which. */
export class UrgingLetterService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    /** Absent where no queue is wired (scripts): the minute sweep then writes the letter. */
    private readonly queues?: Pick<Queues, 'renderLetter'>,
  ) {}

  /**
   * A LEADER or COORDINATOR asks for a letter to a unit about its late work in a plan. The letter is
   * written by a job; here it is only recorded, PENDING, and its job enqueued.
   */
  async urge(planId: string, unitId: string): Promise<UrgingLetter> {
    const viewer = authorize(this.viewer, 'escalation:urge');
    const plan = isId(planId) ? await this.em.findOne(Plan, { id: planId }) : null;
    if (!plan) throw notFound('kế hoạch', planId);
    const unit = isId(unitId) ? await this.em.findOne(Unit, { id: unitId }) : null;
    if (!unit) throw notFound('đơn vị', unitId);
    const day = today();
    const late = await lateAssignments(this.em, plan.id, unit.id, day);
    if (!late.length) {
      throw badInput(`${unit.name} không có nhiệm vụ nào chậm hạn trong kế hoạch này tại ngày ${shortDate(day)}: không cần đôn đốc.`, {
        reason: 'NO_LATE_WORK',
      });
    }
    const userId = actingUserId(viewer);
    const letter = this.em.create(UrgingLetter, {
      plan,
      unit,
      requestedBy: userId ? this.em.getReference(User, userId) : null,
      automatic: false,
      day,
      // What the letter will name as of now; the job fixes the list when it writes the document.
      assignmentIds: late.map((row) => row.id),
      assignmentCount: late.length,
      dedupeKey: `req:${randomUUID()}`,
    });
    await this.em.flush();
    // A queue that is down loses nothing: the letter stays PENDING and the minute sweep writes it.
    await this.queues?.renderLetter(letter.id).catch(() => undefined);
    return letter;
  }

  /** One letter, for whoever may read it; unknown and refused are told apart (404 / 403). */
  async get(id: string): Promise<UrgingLetter> {
    requireViewer(this.viewer);
    const letter = isId(id) ? await this.em.findOne(UrgingLetter, { id }) : null;
    if (!letter) throw notFound('văn bản đôn đốc', id);
    authorize(this.viewer, 'letter:read', { unitId: letter.unit.id });
    return letter;
  }

  /**
   * A plan's letters, newest first. The leadership, the coordinating office and ADMIN see every unit's;
   * anyone else only their own unit's, and asking for another unit's is refused.
   */
  async list(planId: string, unitId?: string | null, first = 50): Promise<UrgingLetter[]> {
    const viewer = requireViewer(this.viewer);
    // Asked without a unit, the policy answers for every unit at once.
    const seesAll = can(viewer, 'letter:read');
    const unit = unitId ?? (seesAll ? undefined : viewer.unitId);
    if (unit) authorize(viewer, 'letter:read', { unitId: unit });
    if (first < 1 || first > MAX_LETTERS) throw badInput(`first phải từ 1 đến ${MAX_LETTERS}.`, { argument: 'first' });
    if (!isId(planId)) throw notFound('kế hoạch', planId);
    if (unit && !isId(unit)) return [];
    return this.em.find(
      UrgingLetter,
      { plan: planId, ...(unit ? { unit } : {}) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first },
    );
  }
}
