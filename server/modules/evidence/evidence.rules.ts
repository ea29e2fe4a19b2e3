import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../shared/errors.js';
import { AssignmentStatus } from '../assignments/assignment.entity.js';
import type { Assignment } from '../assignments/assignment.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Evidence, EvidenceOwnerKind } from './evidence.entity.js';

/** Evidence is attached and removed while the unit works: not before it starts, not once it is submitted. */
export const EVIDENCE_EDITABLE: ReadonlySet<AssignmentStatus> = new Set([AssignmentStatus.IN_PROGRESS, AssignmentStatus.BLOCKED]);

export function visibleEvidenceOf(em: EntityManager, assignment: Assignment): Promise<number> {
  return em.count(Evidence, { ownerKind: EvidenceOwnerKind.ASSIGNMENT, ownerId: assignment.id, hiddenAt: null });
}

/** Work is submitted with its proof: at least one visible piece of evidence, unless the task waives it. */
export async function assertEvidenceForSubmit(em: EntityManager, assignment: Assignment): Promise<void> {
  const task = await em.findOneOrFail(Task, { id: assignment.task.id });
  if (!task.requiresEvidence) return;
  if ((await visibleEvidenceOf(em, assignment)) > 0) return;
  throw new DomainError(
    ErrorCode.BAD_USER_INPUT,
    'Cần đính kèm ít nhất một minh chứng (biên bản, báo cáo, ảnh chụp…) trước khi gửi kết quả.',
    { reason: 'EVIDENCE_REQUIRED' },
  );
}
