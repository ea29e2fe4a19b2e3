import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { authorize, can, type Viewer } from '../../auth/policy.js';
import { today } from '../../shared/dates.js';
import { DomainError, ErrorCode, badInput, conflict, notFound } from '../../shared/errors.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { isId, type ResourceOperations } from '../../shared/resource.service.js';
import { leanMapped, leanRows, type Lean } from '../../shared/lean.js';
import { anyContains, searchText } from '../../shared/search.js';
import type { Loaders } from '../../loaders.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { EscalationService } from '../escalations/escalation.service.js';
import { assertEvidenceForSubmit } from '../evidence/evidence.rules.js';
import { Task } from '../tasks/task.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Assignment, AssignmentScope } from './assignment.entity.js';
import type { AssignmentFilter } from './assignment.inputs.js';
import { alreadyAssignedMessage, checkScopeRole, checkScopeUnit } from './assignment.rules.js';
import { deadlineClassCondition } from './deadline.sql.js';
import { diffFields, fieldValues } from './field-change.js';
import { checkVersion, recordHistory, type HistoryEntry } from './history.js';
import { AssignmentAction, StatusChange } from './status-change.entity.js';
import { PROGRESS_EDITABLE, TRANSITIONS, isTransitionAction, transitionFrom } from './workflow.js';
import { WebhookEventType } from '../webhooks/webhook.entity.js';
import { assignmentStatusChangedData, recordWebhookEvent } from '../webhooks/webhook.events.js';

export const ASSIGNMENT_SORTABLE = ['dueDate', 'status', 'progress', 'role', 'updatedAt', 'task', 'unit'];

const NO_ROW = '00000000-0000-0000-0000-000000000000';

const ORDER_COLUMNS: Record<string, string> = {
  dueDate: 'a.dueDate',
  status: 'a.status',
  progress: 'a.progress',
  role: 'a.role',
  updatedAt: 'a.updatedAt',
  task: 't.position',
  unit: 'u.code',
};

/**
 * One assignment's task and unit ride along with its row, so reading it is one statement. Pages do not:
 * fifty copies of the same unit and tasks cost more than one batched query for each.
 */
const WITH_TASK_AND_UNIT = 'to_jsonb(t) as task_row, to_jsonb(u) as unit_row';

type RowWithRelated = Record<string, unknown> & { task_row?: object; unit_row?: object };

export class AssignmentService implements ResourceOperations<Assignment, Lean<Assignment>> {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: Pick<Loaders, 'task' | 'unit'>,
    private readonly notifications?: Pick<NotificationService, 'transitioned' | 'flushed'>,
    private readonly escalations: EscalationService = new EscalationService(em, viewer),
  ) {}

  /** Hands the joined task and unit rows to the request's loaders and returns the assignments alone. */
  private primed(rows: RowWithRelated[]): Lean<Assignment>[] {
    for (const row of rows) {
      if (row.task_row) {
        const [task] = leanRows(this.em, Task, [row.task_row]);
        this.loaders.task.prime(task.id, task);
      }
      if (row.unit_row) {
        const [unit] = leanRows(this.em, Unit, [row.unit_row]);
        this.loaders.unit.prime(unit.id, unit);
      }
      delete row.task_row;
      delete row.unit_row;
    }
    return leanRows(this.em, Assignment, rows);
  }

  private applyFilter(qb: QueryBuilder<Assignment, 'a'>, filter: AssignmentFilter = {}) {
    const id = (value: string) => (isId(value) ? value : NO_ROW);
    if (filter.ids) qb.andWhere({ id: { $in: filter.ids.map(id) } });
    if (filter.planId) qb.andWhere({ plan: id(filter.planId) });
    if (filter.unitId) qb.andWhere({ unit: id(filter.unitId) });
    if (filter.taskId) qb.andWhere({ $or: [{ task: id(filter.taskId) }, { task: { parent: id(filter.taskId) } }] });
    if (filter.status?.length) qb.andWhere({ status: { $in: filter.status } });
    if (filter.role) qb.andWhere({ role: filter.role });
    if (filter.scope) qb.andWhere({ scope: filter.scope });
    if (filter.dueBefore) qb.andWhere({ dueDate: { $lte: filter.dueBefore } });
    if (filter.dueAfter) qb.andWhere({ dueDate: { $gte: filter.dueAfter } });
    const text = searchText(filter.q);
    if (text) {
      // The matching tasks and units first, each through its own trigram index, then their assignments
      // through the task and unit indexes. Across the join instead, every assignment's task title and
      // unit name would be unaccented; with `in (select …)` the two subqueries only become hashed
      // filters over a scan of every assignment.
      const tasks = anyContains(['title'], text);
      const units = anyContains(['name', 'code'], text);
      qb.andWhere(
        `(a.task_id = any(array(select id from task where ${tasks.sql} or number = ?)) or a.unit_id = any(array(select id from unit where ${units.sql})))`,
        [...tasks.params, text, ...units.params],
      );
    }
    if (filter.deadlineClass) {
      const { sql, params } = deadlineClassCondition('a', filter.deadlineClass, filter.asOf ?? today());
      qb.andWhere(sql, params);
    }
  }

  /** The filtered, ordered window of assignments, read-authorised; callers choose whether to count. */
  private query(filterArg: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window) {
    authorize(this.viewer, 'plan:read');
    const filter = filterArg as AssignmentFilter | undefined;
    const field = sortField ?? 'task';
    const column = ORDER_COLUMNS[field];
    if (!column) {
      throw badInput(`Không sắp xếp được theo "${field}". Chọn một trong: ${ASSIGNMENT_SORTABLE.join(', ')}.`, { argument: 'sortField' });
    }
    const dir = direction === OrderDirection.DESC ? 'desc' : 'asc';
    const qb = this.em.createQueryBuilder(Assignment, 'a').leftJoin('a.task', 't').leftJoin('a.unit', 'u');
    this.applyFilter(qb, filter);
    return qb.orderBy([{ [column]: dir }, { 'u.code': 'asc' }, { 'a.id': 'asc' }] as never).limit(window.limit).offset(window.offset);
  }

  /** Lists are only displayed: plain rows, and the count in its own statement without the sort. */
  async list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<Assignment>>> {
    const qb = this.query(filter, sortField, direction, window);
    const [rows, total] = await Promise.all([qb.clone().execute('all', true), qb.getCount()]);
    return { items: leanMapped(this.em, Assignment, rows), total };
  }

  /** One window without the count, for reading a whole list page by page (exports). */
  async page(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Lean<Assignment>[]> {
    return leanMapped(this.em, Assignment, await this.query(filter, sortField, direction, window).execute('all', true));
  }

  /** One assignment to display: a plain row. */
  async get(id: string): Promise<Lean<Assignment>> {
    authorize(this.viewer, 'plan:read');
    const rows = isId(id)
      ? await this.em.getConnection().execute(
          `select a.*, ${WITH_TASK_AND_UNIT} from assignment a join task t on t.id = a.task_id join unit u on u.id = a.unit_id where a.id = ?`,
          [id],
        )
      : [];
    if (!rows.length) throw notFound('phân công', id);
    return this.primed(rows as RowWithRelated[])[0];
  }

  /** The managed entity, for writes: versioned, tracked, flushed with its history. */
  private async entity(id: string): Promise<Assignment> {
    authorize(this.viewer, 'plan:read');
    const assignment = isId(id) ? await this.em.findOne(Assignment, { id }) : null;
    if (!assignment) throw notFound('phân công', id);
    return assignment;
  }

  /** The plan's most recent changes, newest first: the dashboard's activity feed. */
  async latestChanges(planId: string, first: number): Promise<Lean<StatusChange>[]> {
    authorize(this.viewer, 'plan:read');
    if (!isId(planId)) return [];
    const rows = await this.em.getConnection().execute(
      'select * from status_change where plan_id = ? order by at desc, id desc limit ?',
      [planId, first],
    );
    return leanRows(this.em, StatusChange, rows);
  }

  /** The actions this viewer may take on the assignment now: what the admin shows as buttons. */
  allowedActions(assignment: Lean<Assignment>): AssignmentAction[] {
    const actions = (Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>).filter(
      (action) =>
        transitionFrom(assignment.status, action) !== null &&
        can(this.viewer, TRANSITIONS[action].permission, { unitId: assignment.unit.id }),
    );
    const mayReportProgress =
      PROGRESS_EDITABLE.has(assignment.status) && can(this.viewer, 'assignment:work', { unitId: assignment.unit.id });
    return mayReportProgress ? [...actions, AssignmentAction.UPDATE_PROGRESS] : actions;
  }

  private record(assignment: Assignment, entry: HistoryEntry) {
    return recordHistory(this.em, this.viewer, assignment, entry);
  }

  async transition(id: string, action: AssignmentAction, version: number, comment?: string | null): Promise<Assignment> {
    if (!isTransitionAction(action)) {
      throw badInput('Thao tác này không phải chuyển trạng thái: tiến độ dùng updateAssignment, minh chứng dùng attachEvidence/removeEvidence.', {
        argument: 'action',
      });
    }
    const assignment = await this.entity(id);
    const rule = TRANSITIONS[action];
    authorize(this.viewer, rule.permission, { unitId: assignment.unit.id });
    checkVersion(assignment, version);
    const to = transitionFrom(assignment.status, action);
    if (!to) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Không thể ${action} khi phân công đang ở trạng thái ${assignment.status}.`,
        { reason: 'INVALID_TRANSITION', status: assignment.status, allowedActions: this.allowedActions(assignment) },
      );
    }
    const text = comment?.trim() || null;
    if (rule.commentRequired && !text) {
      throw badInput('Cần ghi rõ lý do (ý kiến) cho thao tác này.', { argument: 'comment' });
    }
    if (action === AssignmentAction.SUBMIT) await assertEvidenceForSubmit(this.em, assignment);

    const from = assignment.status;
    const before = fieldValues(assignment);
    const now = new Date();
    assignment.status = to;
    switch (action) {
      case AssignmentAction.START:
        assignment.startedAt ??= now;
        break;
      case AssignmentAction.SUBMIT:
        assignment.submittedAt = now;
        break;
      case AssignmentAction.VERIFY:
        assignment.completedAt = now;
        assignment.progress = 100;
        break;
      case AssignmentAction.RETURN:
        assignment.submittedAt = null;
        break;
      case AssignmentAction.BLOCK:
        assignment.blockedReason = text;
        break;
      case AssignmentAction.UNBLOCK:
        assignment.blockedReason = null;
        break;
    }
    const change = this.record(assignment, { action, from, comment: text, changes: diffFields(before, fieldValues(assignment)) });
    await this.notifications?.transitioned(assignment, action, change);
    await recordWebhookEvent(this.em, WebhookEventType.ASSIGNMENT_STATUS_CHANGED, assignmentStatusChangedData(this.em, assignment, { action, fromStatus: from, comment: text }));
    await this.escalations.settle(assignment);
    // The UPDATE carries "where version = ?": a write racing this one makes it fail as CONFLICT.
    await this.em.flush();
    await this.notifications?.flushed();
    return assignment;
  }

  async update(id: string, version: number, input: Record<string, unknown>): Promise<Assignment> {
    const data = input as {
      progress?: number | null; note?: string | null; dueDate?: string | null; role?: Assignment['role'] | null;
      assumption?: string | null; reason?: string | null;
    };
    const assignment = await this.entity(id);
    const text = (value: string | null | undefined) => value?.trim() || null;
    // react-admin sends the whole record back: only what differs counts as a change.
    const changed = {
      progress: data.progress != null && data.progress !== assignment.progress,
      note: data.note !== undefined && text(data.note) !== (assignment.note ?? null),
      dueDate: data.dueDate != null && data.dueDate !== assignment.dueDate,
      role: data.role != null && data.role !== assignment.role,
      assumption: data.assumption !== undefined && text(data.assumption) !== (assignment.assumption ?? null),
    };
    const reportsProgress = changed.progress || changed.note;
    const editsPlanning = changed.dueDate || changed.role || changed.assumption;

    if (reportsProgress) authorize(this.viewer, 'assignment:work', { unitId: assignment.unit.id });
    if (editsPlanning) authorize(this.viewer, 'catalogue:manage');
    if (!reportsProgress && !editsPlanning) authorize(this.viewer, 'plan:read');
    checkVersion(assignment, version);
    if (reportsProgress && !PROGRESS_EDITABLE.has(assignment.status)) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Chỉ cập nhật tiến độ khi phân công đang thực hiện hoặc vướng mắc (hiện: ${assignment.status}).`,
        { reason: 'INVALID_TRANSITION', status: assignment.status },
      );
    }
    // A deadline or a role moved without a word leaves the unit guessing why: the history must say.
    const reason = text(data.reason);
    if (editsPlanning && !reason) {
      throw badInput('Cần ghi rõ lý do thay đổi (hạn, vai trò hoặc giả định của phân công).', { argument: 'reason' });
    }
    if (changed.role) checkScopeRole(assignment.scope, data.role!);
    if (!reportsProgress && !editsPlanning) return assignment;

    const before = fieldValues(assignment);
    if (changed.progress) assignment.progress = data.progress!;
    if (changed.note) assignment.note = text(data.note);
    if (changed.dueDate) assignment.dueDate = data.dueDate!;
    if (changed.role) assignment.role = data.role!;
    if (changed.assumption) assignment.assumption = text(data.assumption);
    const after = fieldValues(assignment);
    const from = assignment.status;
    if (reportsProgress) {
      this.record(assignment, { action: AssignmentAction.UPDATE_PROGRESS, from, comment: assignment.note, changes: diffFields(before, after, ['progress', 'note']) });
    }
    if (editsPlanning) {
      this.record(assignment, { action: AssignmentAction.EDIT, from, comment: reason, changes: diffFields(before, after, ['dueDate', 'role', 'assumption']) });
    }
    await this.escalations.settle(assignment);
    await this.em.flush();
    return assignment;
  }

  async create(input: Record<string, unknown>): Promise<Assignment> {
    const data = input as { taskId: string; unitId: string; role: Assignment['role']; scope?: AssignmentScope; assumption?: string; dueDate?: string };
    authorize(this.viewer, 'catalogue:manage');
    const task = isId(data.taskId) ? await this.em.findOne(Task, { id: data.taskId }) : null;
    if (!task) throw badInput(`taskId: không tìm thấy (${data.taskId}).`, { argument: 'taskId' });
    const unit = isId(data.unitId) ? await this.em.findOne(Unit, { id: data.unitId }) : null;
    if (!unit) throw badInput(`unitId: không tìm thấy (${data.unitId}).`, { argument: 'unitId' });
    const dueDate = data.dueDate ?? task.dueDate;
    if (!dueDate) throw badInput('Nhiệm vụ chưa có hạn: cần nhập hạn cho phân công.', { argument: 'dueDate' });
    const scope = data.scope ?? AssignmentScope.DISTRICT;
    checkScopeRole(scope, data.role);
    checkScopeUnit(scope, unit);
    if (await this.em.count(Assignment, { task, unit, scope })) {
      throw conflict(alreadyAssignedMessage(scope, unit.name, task.number));
    }
    const assignment = this.em.create(Assignment, {
      plan: task.plan,
      task,
      unit,
      role: data.role,
      scope,
      assumption: data.assumption?.trim() || null,
      dueDate,
    });
    await this.em.flush();
    return assignment;
  }

  /** Work with a history is cancelled, never deleted: the record of what happened must stay. */
  async delete(id: string): Promise<Assignment> {
    authorize(this.viewer, 'catalogue:manage');
    const assignment = await this.entity(id);
    if (await this.em.count(StatusChange, { assignment })) {
      throw conflict('Phân công đã có lịch sử thực hiện: hãy hủy (CANCEL) thay vì xóa.');
    }
    const snapshot = Object.assign(Object.create(Assignment.prototype), assignment) as Assignment;
    await this.em.remove(assignment).flush();
    return snapshot;
  }
}
