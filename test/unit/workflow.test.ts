import { describe, expect, it } from 'vitest';
import { can, type Viewer } from '../../server/auth/policy.js';
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
});
