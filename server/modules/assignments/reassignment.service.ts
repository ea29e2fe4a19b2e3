import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { DomainError, ErrorCode, badInput, conflict, notFound } from '../../shared/errors.js';
import { isId } from '../../shared/resource.service.js';
import type { EscalationService } from '../escalations/escalation.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { WebhookEventType } from '../webhooks/webhook.entity.js';
import { assignmentReassignedData, recordWebhookEvent } from '../webhooks/webhook.events.js';
import { Assignment } from './assignment.entity.js';
import { alreadyAssignedMessage, checkScopeUnit } from './assignment.rules.js';
import { checkVersion, recordHistory } from './history.js';
import { AssignmentAction } from './status-change.entity.js';
import { FINAL_STATUSES } from './workflow.js';

export const MAX_REASON = 2000;

/**
 * Moving work to another unit ("chuyển đơn vị thực hiện"): the leadership decides that another office
 * or commune should do it. The assignment keeps its id, its history and its evidence; the history says
 * who moved it from which unit to which and why, and from now on the new unit works on it and is chased
 * for it, while the old unit loses it.
 */
export class ReassignmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly escalations: Pick<EscalationService, 'settle'>,
    private readonly notifications?: Pick<NotificationService, 'reassigned' | 'flushed'>,
  ) {}

  async reassign(id: string, version: number, unitId: string, reason: string): Promise<Assignment> {
    authorize(this.viewer, 'assignment:reassign');
    const assignment = isId(id) ? await this.em.findOne(Assignment, { id }, { populate: ['unit'] }) : null;
    if (!assignment) throw notFound('phân công', id);
    const why = reason.trim();
    if (!why) throw badInput('Cần ghi rõ lý do chuyển đơn vị thực hiện.', { argument: 'reason' });
    if (why.length > MAX_REASON) throw badInput(`Lý do dài quá ${MAX_REASON} ký tự.`, { argument: 'reason' });
    checkVersion(assignment, version);
    if (FINAL_STATUSES.has(assignment.status)) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Phân công đã ${assignment.status === 'DONE' ? 'hoàn thành' : 'bị hủy'}: không chuyển sang đơn vị khác được.`,
        { reason: 'INVALID_TRANSITION', status: assignment.status },
      );
    }
    const target = isId(unitId) ? await this.em.findOne(Unit, { id: unitId }) : null;
    if (!target) throw badInput(`unitId: không tìm thấy đơn vị (${unitId}).`, { argument: 'unitId' });
    const source = assignment.unit;
    if (target.id === source.id) throw badInput(`${target.name} đang là đơn vị thực hiện phân công này.`, { argument: 'unitId' });
    checkScopeUnit(assignment.scope, target);
    if (await this.em.count(Assignment, { task: assignment.task, unit: target, scope: assignment.scope })) {
      const task = await this.em.findOneOrFail(Task, assignment.task.id);
      throw conflict(alreadyAssignedMessage(assignment.scope, target.name, task.number), { reason: 'ALREADY_ASSIGNED', unitId: target.id });
    }

    assignment.unit = target;
    const change = recordHistory(this.em, this.viewer, assignment, {
      action: AssignmentAction.REASSIGN,
      from: assignment.status,
      comment: why,
      changes: [{ field: 'unit', from: source.name, to: target.name, fromId: source.id, toId: target.id }],
    });
    // The old unit's ladder ends here; the sweep starts the new unit's from its own first step.
    await this.escalations.settle(assignment);
    await this.notifications?.reassigned(assignment, change, source, target);
    await recordWebhookEvent(this.em, WebhookEventType.ASSIGNMENT_REASSIGNED, assignmentReassignedData(this.em, assignment, source, why));
    // The UPDATE carries "where version = ?", and (task, unit, scope) is unique: a racing write fails as CONFLICT.
    await this.em.flush();
    await this.notifications?.flushed();
    return assignment;
  }
}
