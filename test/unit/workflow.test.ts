import { describe, expect, it } from 'vitest';
import { can, mayEver, type Viewer } from '../../server/auth/policy.js';
import { ApiTokenScope } from '../../server/auth/api-token.entity.js';
import { AssignmentStatus as S } from '../../server/modules/assignments/assignment.entity.js';
import { AssignmentAction as A } from '../../server/modules/assignments/status-change.entity.js';
import { transitionFrom } from '../../server/modules/assignments/workflow.js';
import { Role } from '../../server/modules/users/user.entity.js';

const viewer = (role: Role, unitId = 'u1'): Viewer => ({ id: 'x', username: 'x', role, unitId });

describe('the transition matrix', () => {
  it('allows exactly the moves of the workflow', () => {
    const allowed = Object.values(S).flatMap((from) =>
      [A.START, A.SUBMIT, A.BLOCK, A.UNBLOCK, A.VERIFY, A.RETURN, A.CANCEL].flatMap((action) => {
        const to = transitionFrom(from, action as never);
        return to ? [`${from} -${action}-> ${to}`] : [];
      }),
    );
    expect(allowed.sort()).toEqual(
      [
        'NOT_STARTED -START-> IN_PROGRESS',
        'IN_PROGRESS -SUBMIT-> SUBMITTED',
        'IN_PROGRESS -BLOCK-> BLOCKED',
        'BLOCKED -UNBLOCK-> IN_PROGRESS',
        'SUBMITTED -VERIFY-> DONE',
        'SUBMITTED -RETURN-> IN_PROGRESS',
        'NOT_STARTED -CANCEL-> CANCELLED',
        'IN_PROGRESS -CANCEL-> CANCELLED',
        'SUBMITTED -CANCEL-> CANCELLED',
        'BLOCKED -CANCEL-> CANCELLED',
      ].sort(),
    );
  });

  it('gives work to the own unit, review to COORDINATOR and LEADER but never on their own unit, cancel to LEADER and ADMIN', () => {
    const own = { unitId: 'u1' };
    const other = { unitId: 'u2' };
    expect(can(viewer(Role.OFFICER), 'assignment:work', own)).toBe(true);
    expect(can(viewer(Role.OFFICER), 'assignment:work', other)).toBe(false);
    expect(can(viewer(Role.UNIT_HEAD), 'assignment:work', own)).toBe(true);
    expect(can(viewer(Role.VIEWER), 'assignment:work', own)).toBe(false);
    expect(can(viewer(Role.OFFICER), 'assignment:review', other)).toBe(false);
    expect(can(viewer(Role.COORDINATOR), 'assignment:review', other)).toBe(true);
    expect(can(viewer(Role.COORDINATOR), 'assignment:review', own)).toBe(false);
    expect(can(viewer(Role.LEADER), 'assignment:review', other)).toBe(true);
    expect(can(viewer(Role.ADMIN), 'assignment:review', other)).toBe(false);
    expect(can(viewer(Role.LEADER), 'assignment:cancel', other)).toBe(true);
    expect(can(viewer(Role.ADMIN), 'assignment:cancel', other)).toBe(true);
    expect(can(viewer(Role.COORDINATOR), 'assignment:cancel', other)).toBe(false);
    expect(can(null, 'plan:read')).toBe(false);
  });

  it('a coarse gate asks only whether the role (and a token’s scope) ever holds the permission, for any unit', () => {
    // An officer may work, though only on their own unit's assignments: the gate lets them through to that check.
    expect(mayEver(viewer(Role.OFFICER), 'assignment:work')).toBe(true);
    expect(can(viewer(Role.OFFICER), 'assignment:work')).toBe(false);
    expect(mayEver(viewer(Role.COORDINATOR), 'assignment:review')).toBe(true);
    expect(mayEver(viewer(Role.OFFICER), 'catalogue:manage')).toBe(false);
    expect(mayEver(viewer(Role.VIEWER), 'assignment:work')).toBe(false);
    expect(mayEver(null, 'plan:read')).toBe(false);
    // A token never goes past its scope, whatever its role: READ_WRITE acts as an officer but never reports figures.
    const token = (scope: ApiTokenScope): Viewer => ({ ...viewer(Role.OFFICER), token: { id: 't', scope } });
    expect(mayEver(token(ApiTokenScope.READ_WRITE), 'assignment:work')).toBe(true);
    expect(mayEver(token(ApiTokenScope.READ_WRITE), 'facility:report')).toBe(false);
    expect(mayEver(token(ApiTokenScope.READ), 'assignment:work')).toBe(false);
  });
});
