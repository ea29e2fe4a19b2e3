import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Viewer } from '../../auth/policy.js';
import { badInput } from '../../shared/errors.js';
import { OrderDirection } from '../../shared/pagination.js';
import { ResourceService, type ResourceSpec } from '../../shared/resource.service.js';
import { taskPosition } from './task-number.js';
import { Task } from './task.entity.js';

export const TASK_SPEC: ResourceSpec = {
  label: 'nhiệm vụ',
  searchFields: ['title', 'number'],
  sortable: ['position', 'number', 'title', 'dueDate'],
  defaultSort: ['position', OrderDirection.ASC],
  writePermission: 'catalogue:manage',
};

export class TaskService extends ResourceService<Task> {
  constructor(em: EntityManager, viewer: Viewer | null) {
    super(em, viewer, Task, TASK_SPEC);
  }

  /** A sub-task's number must extend its parent's ("1.2" under "1"), as the document numbers them. */
  override async create(data: Record<string, unknown>): Promise<Task> {
    // Who may write comes first: the checks below would tell a stranger which tasks exist.
    authorize(this.viewer, TASK_SPEC.writePermission);
    const number = String(data.number);
    const parentNumber = number.includes('.') ? number.split('.')[0] : null;
    if (data.parentId) {
      const parent = await this.em.findOne(Task, { id: String(data.parentId) });
      if (!parent || parent.number !== parentNumber || parent.plan.id !== data.planId) {
        throw badInput(`Nhiệm vụ ${number} phải thuộc nhiệm vụ ${parentNumber ?? '(cấp cao nhất)'} của cùng kế hoạch.`, {
          argument: 'parentId',
        });
      }
    } else if (parentNumber) {
      throw badInput(`Nhiệm vụ ${number} cần nhiệm vụ cha ${parentNumber}.`, { argument: 'parentId' });
    }
    return super.create({ ...data, position: taskPosition(number) });
  }
}
