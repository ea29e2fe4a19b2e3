import type { Permission } from '../../auth/policy.js';
import { AssignmentStatus as S } from './assignment.entity.js';
import { AssignmentAction as A } from './status-change.entity.js';

/** History entries that record work on an assignment without moving it. */
const NOT_TRANSITIONS: ReadonlySet<A> = new Set([A.UPDATE_PROGRESS, A.ATTACH_EVIDENCE, A.REMOVE_EVIDENCE, A.URGE, A.EDIT, A.REASSIGN]);

export type TransitionAction = Exclude<A, A.UPDATE_PROGRESS | A.ATTACH_EVIDENCE | A.REMOVE_EVIDENCE | A.URGE | A.EDIT | A.REASSIGN>;

interface TransitionRule {
  from: readonly S[];
  to: S;
  permission: Permission;
  /** Returning, blocking and cancelling must say why: the unit has to know what to fix. */
  commentRequired: boolean;
}

/**
 * The assignment workflow. A returned assignment goes back to IN_PROGRESS and so counts as not done;
 * DONE and CANCELLED are final.
 */
export const TRANSITIONS: Readonly<Record<TransitionAction, TransitionRule>> = {
  [A.START]: { from: [S.NOT_STARTED], to: S.IN_PROGRESS, permission: 'assignment:work', commentRequired: false },
  [A.SUBMIT]: { from: [S.IN_PROGRESS], to: S.SUBMITTED, permission: 'assignment:work', commentRequired: false },
  [A.BLOCK]: { from: [S.IN_PROGRESS], to: S.BLOCKED, permission: 'assignment:work', commentRequired: true },
  [A.UNBLOCK]: { from: [S.BLOCKED], to: S.IN_PROGRESS, permission: 'assignment:work', commentRequired: false },
  [A.VERIFY]: { from: [S.SUBMITTED], to: S.DONE, permission: 'assignment:review', commentRequired: false },
  [A.RETURN]: { from: [S.SUBMITTED], to: S.IN_PROGRESS, permission: 'assignment:review', commentRequired: true },
  [A.CANCEL]: {
    from: [S.NOT_STARTED, S.IN_PROGRESS, S.SUBMITTED, S.BLOCKED],
    to: S.CANCELLED,
    permission: 'assignment:cancel',
    commentRequired: true,
  },
};

export const FINAL_STATUSES: ReadonlySet<S> = new Set([S.DONE, S.CANCELLED]);

/** Progress may be recorded while the unit is working on it. */
export const PROGRESS_EDITABLE: ReadonlySet<S> = new Set([S.IN_PROGRESS, S.BLOCKED]);

export function isTransitionAction(action: A): action is TransitionAction {
  return !NOT_TRANSITIONS.has(action);
}

export function transitionFrom(status: S, action: TransitionAction): S | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}
