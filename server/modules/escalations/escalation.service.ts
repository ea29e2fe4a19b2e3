import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput, notFound } from '../../shared/errors.js';
import { leanMapped, type Lean } from '../../shared/lean.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { isId, type ResourceOperations } from '../../shared/resource.service.js';
import type { Assignment } from '../assignments/assignment.entity.js';
import { Escalation, EscalationState } from './escalation.entity.js';
import type { EscalationFilter } from './escalation.inputs.js';
import { isSettled } from './escalation.rules.js';

export const ESCALATION_SORTABLE = ['raisedAt', 'level', 'basis'];
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** The ladder's record: raised by the deadline sweep, settled by the sweep or at once by the workflow; read-only here. */
export class EscalationService implements ResourceOperations<Escalation, Lean<Escalation>> {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /**
   * Marks the assignment's open escalations that its new state settles: they are written by the caller's
   * flush, in the same transaction as the submission, verification or new due date that settled them.
   */
  async settle(assignment: Assignment): Promise<void> {
    const open = await this.em.find(Escalation, { assignment, state: EscalationState.OPEN });
    const now = new Date();
    for (const escalation of open) {
      if (!isSettled(escalation, assignment)) continue;
      escalation.state = EscalationState.RESOLVED;
      escalation.resolvedAt = now;
    }
  }

  async list(filterArg: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<Escalation>>> {
    authorize(this.viewer, 'plan:read');
    const filter = (filterArg ?? {}) as EscalationFilter;
    const field = sortField ?? 'raisedAt';
    if (!ESCALATION_SORTABLE.includes(field)) {
      throw badInput(`Không sắp xếp được theo "${field}". Chọn một trong: ${ESCALATION_SORTABLE.join(', ')}.`, { argument: 'sortField' });
    }
    // Newest first unless asked otherwise: the history of chasing is read backwards.
    const dir = (direction ?? (sortField ? OrderDirection.ASC : OrderDirection.DESC)) === OrderDirection.DESC ? 'desc' : 'asc';
    const id = (value: string) => (isId(value) ? value : NO_ROW);
    const qb = this.em.createQueryBuilder(Escalation, 'e');
    if (filter.ids) qb.andWhere({ id: { $in: filter.ids.map(id) } });
    if (filter.planId) qb.andWhere({ plan: id(filter.planId) });
    if (filter.unitId) qb.andWhere({ unit: id(filter.unitId) });
    if (filter.assignmentId) qb.andWhere({ assignment: id(filter.assignmentId) });
    if (filter.state) qb.andWhere({ state: filter.state });
    if (filter.kind) qb.andWhere({ kind: filter.kind });
    if (filter.level?.length) qb.andWhere({ level: { $in: filter.level } });
    qb.orderBy([{ [field]: dir }, { id: dir }] as never).limit(window.limit).offset(window.offset);
    const [rows, total] = await Promise.all([qb.clone().execute('all', true), qb.getCount()]);
    return { items: leanMapped(this.em, Escalation, rows), total };
  }

  async get(id: string): Promise<Lean<Escalation>> {
    const page = await this.list({ ids: [id] }, undefined, undefined, { limit: 1, offset: 0 });
    if (!page.items.length) throw notFound('lần đôn đốc', id);
    return page.items[0];
  }

  async create(): Promise<Escalation> {
    throw badInput('Đôn đốc do hệ thống tự tạo theo hạn.');
  }

  async update(): Promise<Escalation> {
    throw badInput('Lần đôn đốc không sửa được.');
  }

  async delete(): Promise<Escalation> {
    throw badInput('Lần đôn đốc không xóa được.');
  }
}
