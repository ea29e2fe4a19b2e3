import { forbidden, unauthenticated } from '../shared/errors.js';
import { Role } from '../modules/users/user.entity.js';

/** Who is asking: the signed-in user reduced to what authorisation needs. */
export interface Viewer {
  id: string;
  username: string;
  role: Role;
  unitId: string;
}

export type Permission =
  /** Read the plans, their tasks, units, assignments and figures. */
  | 'plan:read'
  /** Start, submit, block, unblock an assignment and record its progress. */
  | 'assignment:work'
  /** Verify (DONE) or return submitted work. */
  | 'assignment:review'
  | 'assignment:cancel'
  /** Reference data: plans, tasks, targets, units, facilities, obligations, assignments themselves. */
  | 'catalogue:manage'
  | 'user:manage';

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  [Role.ADMIN]: new Set<Permission>(['plan:read', 'assignment:cancel', 'catalogue:manage', 'user:manage']),
  [Role.LEADER]: new Set<Permission>(['plan:read', 'assignment:review', 'assignment:cancel']),
  [Role.COORDINATOR]: new Set<Permission>(['plan:read', 'assignment:work', 'assignment:review']),
  [Role.UNIT_HEAD]: new Set<Permission>(['plan:read', 'assignment:work']),
  [Role.OFFICER]: new Set<Permission>(['plan:read', 'assignment:work']),
  [Role.VIEWER]: new Set<Permission>(['plan:read']),
};

/** The owning unit of the object acted on, when the permission is scoped to a unit. */
export interface UnitScoped {
  unitId: string;
}

/**
 * The one authorisation rule book. Work on an assignment belongs to the assignment's own unit;
 * review belongs to the reviewing roles but never to the unit whose work it is (no self-verification).
 */
export function can(viewer: Viewer | null, permission: Permission, subject?: UnitScoped): boolean {
  if (!viewer) return false;
  if (!ROLE_PERMISSIONS[viewer.role].has(permission)) return false;
  switch (permission) {
    case 'assignment:work':
      return subject !== undefined && subject.unitId === viewer.unitId;
    case 'assignment:review':
      return subject === undefined || subject.unitId !== viewer.unitId || viewer.role === Role.LEADER;
    default:
      return true;
  }
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function authorize(viewer: Viewer | null, permission: Permission, subject?: UnitScoped): Viewer {
  const signedIn = requireViewer(viewer);
  if (!can(signedIn, permission, subject)) throw forbidden();
  return signedIn;
}
