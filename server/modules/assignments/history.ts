import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken } from '../../auth/api-token.entity.js';
import { actingTokenId, actingUserId, type Viewer } from '../../auth/policy.js';
import { conflict } from '../../shared/errors.js';
import { User } from '../users/user.entity.js';
import type { Assignment, AssignmentStatus } from './assignment.entity.js';
import type { FieldChange } from './field-change.js';
import { StatusChange, type AssignmentAction } from './status-change.entity.js';

/**
 * Who a history entry names: the signed-in user, or the integrator's API token (a token is no account,
 * so it never stands in the user column); neither when the product acts by itself.
 */
export function historyActor(em: EntityManager, viewer: Viewer | null): Pick<StatusChange, 'actor' | 'actorToken'> {
  const userId = viewer ? actingUserId(viewer) : null;
  const tokenId = viewer ? actingTokenId(viewer) : null;
  return {
    actor: userId ? em.getReference(User, userId) : null,
    actorToken: tokenId ? em.getReference(ApiToken, tokenId) : null,
  };
}

export interface HistoryEntry {
  action: AssignmentAction;
  /** The status before the write; the entry's toStatus and progress are the assignment's after it. */
  from: AssignmentStatus;
  comment?: string | null;
  changes?: FieldChange[];
  at?: Date;
}

/** Adds one entry to the assignment's history, written by the caller's flush with the change it records. */
export function recordHistory(em: EntityManager, viewer: Viewer | null, assignment: Assignment, entry: HistoryEntry): StatusChange {
  return em.create(StatusChange, {
    assignment,
    plan: assignment.plan,
    ...historyActor(em, viewer),
    action: entry.action,
    fromStatus: entry.from,
    toStatus: assignment.status,
    progress: assignment.progress,
    comment: entry.comment ?? null,
    changes: entry.changes ?? [],
    at: entry.at ?? new Date(),
  });
}

/** The write answers the version the client read: anything newer means someone else changed it meanwhile. */
export function checkVersion(assignment: Assignment, version: number): void {
  if (assignment.version !== version) {
    throw conflict(
      `Phân công đã được người khác cập nhật (phiên bản hiện tại ${assignment.version}, bạn gửi ${version}). Hãy tải lại rồi thử lại.`,
      { currentVersion: assignment.version },
    );
  }
}
