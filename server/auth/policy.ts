import { forbidden, unauthenticated } from '../shared/errors.js';
import { Role } from '../modules/users/user.entity.js';
import { ApiTokenScope } from './api-token.entity.js';

/** Who is asking: the signed-in user reduced to what authorisation needs. */
export interface Viewer {
  id: string;
  username: string;
  role: Role;
  unitId: string;
  /** Set when the request came with an integrator's API token: its scope caps whatever the role allows. */
  token?: { id: string; scope: ApiTokenScope };
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
  | 'user:manage'
  /** Integrators' API tokens and the security audit log. */
  | 'security:manage'
  /** See and download the evidence of work: the work's own unit, the reviewers and ADMIN (it may hold personal data). */
  | 'evidence:read'
  /** See and download evidence that was removed (hidden): audit by the reviewers and ADMIN. */
  | 'evidence:read-hidden'
  /** Remove (hide) evidence whatever the work's status: ADMIN, for a file uploaded by mistake. */
  | 'evidence:hide-any'
  /** Keep the working-day calendar (holidays, days off, make-up working days) that every deadline counts by. */
  | 'calendar:manage'
  /** Set how a plan reminds and escalates (thresholds, who is told): the plan's leaders and ADMIN. */
  | 'escalation:configure'
  /** Urge a unit about its late work with a letter (văn bản đôn đốc): the leadership and the coordinating office. */
  | 'escalation:urge'
  /** See and download urging letters: ADMIN, the leadership, the coordinating office, and the urged unit's own users. */
  | 'letter:read'
  /** Integrators' webhook endpoints, their secrets and deliveries. */
  | 'webhook:manage'
  /** The job queues' dashboard: payloads, failures, retries by hand. */
  | 'queues:monitor'
  /** Report and correct a school's or health facility's figures: the facility's own commune's officers and head, and ADMIN. */
  | 'facility:report'
  /** Write and send a unit's period report: the reporting unit's own officers, head and coordinators. */
  | 'report:write'
  /** Accept or return a unit's period report: the aggregating office's coordinators and head, and ADMIN. */
  | 'report:review'
  /** Read period reports: the reporting unit, the aggregating office, the leadership, the coordinators, ADMIN. */
  | 'report:read'
  /** Compile the district's report for a period: the aggregating office's coordinators and head, and ADMIN. */
  | 'report:compile'
  /** Set a plan's award criteria: its leaders and ADMIN. */
  | 'award:configure'
  /** Run the award evaluation of a period on demand: the leadership, the coordinating office, ADMIN. */
  | 'award:evaluate'
  /** Add or withdraw a proposal for honour with a reason (the committee's review): the coordinating office, ADMIN. */
  | 'award:propose'
  /** Approve or reject nominations: the leader alone. */
  | 'award:decide'
  /** Read nominations: those who see every unit, and a nominated unit (or facility's commune) its own. */
  | 'award:read'
  /** Import a plan from its document, review its draft and make it a plan: ADMIN and the leadership. */
  | 'plan:import';

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  [Role.ADMIN]: new Set<Permission>([
    'security:manage', 'plan:read', 'assignment:cancel', 'catalogue:manage', 'user:manage', 'evidence:read', 'evidence:read-hidden', 'evidence:hide-any',
    'calendar:manage', 'escalation:configure', 'letter:read', 'webhook:manage', 'queues:monitor', 'facility:report',
    'report:review', 'report:read', 'report:compile', 'award:configure', 'award:evaluate', 'award:propose', 'award:read', 'plan:import',
  ]),
  [Role.LEADER]: new Set<Permission>([
    'plan:read', 'assignment:review', 'assignment:cancel', 'evidence:read', 'evidence:read-hidden', 'escalation:configure', 'escalation:urge', 'letter:read',
    'report:read', 'award:configure', 'award:evaluate', 'award:decide', 'award:read', 'plan:import',
  ]),
  [Role.COORDINATOR]: new Set<Permission>([
    'plan:read', 'assignment:work', 'assignment:review', 'evidence:read', 'evidence:read-hidden', 'escalation:urge', 'letter:read',
    'report:write', 'report:review', 'report:read', 'report:compile', 'award:evaluate', 'award:propose', 'award:read',
  ]),
  [Role.UNIT_HEAD]: new Set<Permission>([
    'plan:read', 'assignment:work', 'evidence:read', 'letter:read', 'facility:report', 'report:write', 'report:review', 'report:read', 'report:compile',
    'award:read',
  ]),
  [Role.OFFICER]: new Set<Permission>([
    'plan:read', 'assignment:work', 'evidence:read', 'letter:read', 'facility:report', 'report:write', 'report:read', 'award:read',
  ]),
  [Role.VIEWER]: new Set<Permission>(['plan:read', 'evidence:read', 'letter:read', 'report:read', 'award:read']),
};

/** Roles that see every unit's work: ADMIN and the reviewers. */
const SEES_ALL_UNITS: ReadonlySet<Role> = new Set([Role.ADMIN, Role.LEADER, Role.COORDINATOR]);

/**
 * What an API token may ever be used for, whatever role it maps to: READ reads what an officer reads,
 * READ_WRITE also does an officer's work on its own unit's assignments, and nothing more.
 */
const TOKEN_PERMISSIONS: Record<ApiTokenScope, ReadonlySet<Permission>> = {
  [ApiTokenScope.READ]: new Set<Permission>(['plan:read', 'evidence:read', 'report:read']),
  [ApiTokenScope.READ_WRITE]: new Set<Permission>(['plan:read', 'evidence:read', 'report:read', 'assignment:work']),
};

/** The role an API token acts with. */
export function tokenRole(scope: ApiTokenScope): Role {
  return scope === ApiTokenScope.READ_WRITE ? Role.OFFICER : Role.VIEWER;
}

/** The account to name in histories: none for an API token, whose id is not a user's. */
export function actingUserId(viewer: Viewer): string | null {
  return viewer.token ? null : viewer.id;
}

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
  if (viewer.token && !TOKEN_PERMISSIONS[viewer.token.scope].has(permission)) return false;
  switch (permission) {
    case 'assignment:work':
    case 'report:write':
      return subject !== undefined && subject.unitId === viewer.unitId;
    case 'evidence:read':
    case 'letter:read':
    case 'report:read':
    case 'award:read':
      return SEES_ALL_UNITS.has(viewer.role) || (subject !== undefined && subject.unitId === viewer.unitId);
    // The subject is the facility's commune, or the aggregating office for reports: an officer,
    // head or coordinator of another unit is refused.
    case 'report:review':
    case 'report:compile':
    case 'facility:report':
      return viewer.role === Role.ADMIN || (subject !== undefined && subject.unitId === viewer.unitId);
    case 'assignment:review':
      return subject === undefined || subject.unitId !== viewer.unitId || viewer.role === Role.LEADER;
    default:
      return true;
  }
}

/**
 * Whether the viewer holds the permission for some subject: the role has it and an API token's scope
 * allows it, whatever unit the subject belongs to. The coarse gate of a mutation, checked before its
 * arguments are; `can` still decides for the subject itself.
 */
export function mayEver(viewer: Viewer | null, permission: Permission): boolean {
  if (!viewer) return false;
  if (!ROLE_PERMISSIONS[viewer.role].has(permission)) return false;
  return !viewer.token || TOKEN_PERMISSIONS[viewer.token.scope].has(permission);
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
