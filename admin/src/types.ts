export type AssignmentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'DONE' | 'BLOCKED' | 'CANCELLED';
export type AssignmentAction = 'START' | 'SUBMIT' | 'BLOCK' | 'UNBLOCK' | 'VERIFY' | 'RETURN' | 'CANCEL' | 'UPDATE_PROGRESS';
/**
 * What a history line records: a transition, evidence attached or removed, an urging letter (status
 * unchanged), a planning edit by ADMIN, or a move to another unit.
 */
export type HistoryAction = AssignmentAction | 'ATTACH_EVIDENCE' | 'REMOVE_EVIDENCE' | 'URGE' | 'EDIT' | 'REASSIGN';

/** One field a write changed, values as the API keeps them: enum values, YYYY-MM-DD dates, unit names. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** USER: a person; TOKEN: an integrator's API token; SYSTEM: the product itself, or an entry from before actors were kept. */
export type ActorKind = 'USER' | 'TOKEN' | 'SYSTEM';
export type DeadlineClass = 'DONE_ON_TIME' | 'DONE_LATE' | 'NOT_DONE_WITHIN_DEADLINE' | 'OVERDUE';
export type Role = 'ADMIN' | 'LEADER' | 'COORDINATOR' | 'UNIT_HEAD' | 'OFFICER' | 'VIEWER';

export interface StatusChange {
  id: string;
  action: HistoryAction;
  fromStatus: AssignmentStatus;
  toStatus: AssignmentStatus;
  comment: string | null;
  actorName: string | null;
  /** Absent where a screen's query does not ask for it (read as a person's entry then). */
  actorKind?: ActorKind;
  at: string;
  progress: number;
  /** Old entries have none: their statuses and progress say what they did. */
  changes?: FieldChange[];
}

export interface Assignment {
  id: string;
  version: number;
  status: AssignmentStatus;
  role: 'LEAD' | 'COORDINATE';
  /** OWN_FACILITIES: led by a commune at its own schools and health facilities (part V.4). */
  scope: 'DISTRICT' | 'OWN_FACILITIES';
  assumption: string | null;
  progress: number;
  note: string | null;
  blockedReason: string | null;
  dueDate: string;
  /** When the unit last sent it for review (null before the first submission). */
  submittedAt?: string | null;
  deadlineClass: DeadlineClass | null;
  daysOverdue: number;
  allowedActions: AssignmentAction[];
  /** Visible evidence; the list itself is loaded by the evidence panel. */
  evidenceCount?: number;
  /** The viewer's unit works on it now (IN_PROGRESS/BLOCKED): it may attach and remove evidence. */
  mayAttachEvidence?: boolean;
  planId: string;
  taskId: string;
  unitId: string;
  updatedAt: string;
  task: { id: string; number?: string; title?: string };
  unit: { id: string; code?: string; name?: string };
  history: StatusChange[];
  /** Times the current due date was chased (the dashboard's overdue list asks for it). */
  urgeCount?: number;
}

export interface Escalation {
  id: string;
  kind: 'OVERDUE' | 'REVIEW';
  level: number;
  round: number;
  basis: string;
  workingDaysLate: number;
  raisedAt: string;
  recipientLabel: string;
  recipients: string[];
  state: 'OPEN' | 'RESOLVED';
  resolvedAt: string | null;
}

export interface ProgressFigures {
  total: number;
  comeDue: number;
  doneOnTime: number;
  doneLate: number;
  notDoneWithinDeadline: number;
  overdue: number;
  completionRate: number | null;
  overdueRate: number | null;
  averageProgress: number | null;
}

export interface PlanProgress {
  asOf: string;
  overall: ProgressFigures;
  byUnit: Array<{ unitId: string; unit: { id: string; code: string; name: string; shortName: string | null }; figures: ProgressFigures }>;
  byTask: Array<{ taskId: string; task: { id: string; number: string; title: string; parentId: string | null }; figures: ProgressFigures }>;
  /** The units' period reports in the four deadline classes: done once accepted. */
  reports: Pick<ProgressFigures, 'total' | 'doneOnTime' | 'doneLate' | 'notDoneWithinDeadline' | 'overdue'>;
}

export type TargetStatus = 'MET' | 'ON_TRACK' | 'AT_RISK' | 'NOT_MET' | 'NO_DATA' | 'NOT_APPLICABLE';

/** One target in one commune, and the target's value over time. */
export interface TargetDetail {
  byCommune: Array<{
    communeId: string;
    commune: { id: string; code: string; name: string };
    valuePercent: number | null;
    numerator: number | null;
    denominator: number | null;
    status: TargetStatus;
    facilitiesInScope: number;
  }>;
  history: Array<{ day: string; valuePercent: number | null; numerator: number | null; denominator: number | null }>;
}

export interface TargetRow {
  id: string;
  code: string;
  title: string;
  thresholdPercent: number;
  comparator: 'AT_LEAST' | 'MORE_THAN';
  deadline: string;
  note: string | null;
  plan: { periodStart: string | null; issueDate: string | null };
  current: {
    valuePercent: number | null;
    met: boolean;
    status: TargetStatus;
    notApplicableReason: string | null;
    basedOnDemoData: boolean;
    facilitiesCounted: number;
    facilitiesInScope: number;
    asOf: string;
  };
}

export interface LatestChange extends StatusChange {
  assignment: { id: string; task: { number: string; title: string }; unit: { name: string } };
}

export interface Identity {
  id: string;
  fullName: string;
  username: string;
  role: Role;
  unitId: string;
  unit: { code: string; name: string };
}
