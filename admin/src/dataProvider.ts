import type { DataProvider, UpdateParams, UpdateResult } from 'react-admin';
import { toAppError } from './errors.js';
import { gqlRequest } from './graphql.js';
import type { Assignment, AssignmentAction, LatestChange, PlanProgress, StatusChange, TargetDetail, TargetRow } from './types.js';

/** A history entry as the screens show it: who (a person, a token or the system), what changed, why. */
export const HISTORY_FIELDS = 'id action fromStatus toStatus comment actorName actorKind at progress changes { field from to }';

export const ASSIGNMENT_FIELDS = `id version status role scope assumption progress note blockedReason dueDate
  deadlineClass daysOverdue allowedActions evidenceCount mayAttachEvidence planId taskId unitId updatedAt submittedAt completedAt
  task { id number title } unit { id code name }
  history { ${HISTORY_FIELDS} }`;

const PROGRESS_FIGURES = 'total comeDue doneOnTime doneLate notDoneWithinDeadline overdue completionRate overdueRate averageProgress';

export interface TransitionParams {
  id: string;
  action: AssignmentAction;
  version: number;
  comment?: string | null;
}

export interface ProgressParams {
  id: string;
  version: number;
  progress: number;
  note?: string | null;
}

export interface ReassignParams {
  id: string;
  version: number;
  unitId: string;
  reason: string;
}

export interface AppDataProvider extends DataProvider {
  transitionAssignment(params: TransitionParams): Promise<Assignment>;
  reassignAssignment(params: ReassignParams): Promise<Assignment>;
  assignmentHistory(id: string): Promise<StatusChange[]>;
  updateProgress(params: ProgressParams): Promise<Assignment>;
  getAssignment(id: string): Promise<Assignment>;
  planProgress(planId: string, asOf?: string): Promise<PlanProgress>;
  planTargets(planId: string, asOf?: string): Promise<TargetRow[]>;
  targetDetail(targetId: string, asOf: string, from: string, to: string): Promise<TargetDetail | null>;
  latestChanges(planId: string, first: number): Promise<LatestChange[]>;
}

/**
 * The generic provider brings Apollo Client, graphql-js and the whole schema: about a third of the
 * admin's code, loaded with the first list or record rather than with the sign-in page, which on a
 * 1.6 Mbps provincial link is seconds of blank screen.
 */
let base: Promise<DataProvider> | undefined;
const loadBase = () => (base ??= import('./dataProvider.generic.js').then((m) => m.genericDataProvider()).catch((error: unknown) => {
  // A chunk that failed over a bad link is asked for again next time rather than failing for good.
  base = undefined;
  throw error;
}));
const GENERIC_METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

/** Columns show the reference id; the API sorts by the referenced row's order. */
export const SORT_ALIASES: Record<string, Record<string, string>> = {
  Assignment: { taskId: 'task', unitId: 'unit' },
  Task: { number: 'position' },
};

/** A plan's full source text is large and read only on request: generic queries leave it out. */
const PLAN_FIELDS = [
  'id', 'code', 'title', 'number', 'issuingBody', 'issueDate', 'issuePlaceAndDate', 'parentId', 'periodStart', 'periodEnd',
  'signerName', 'signerTitle', 'status', 'assumption', 'isDemo', 'createdAt', 'updatedAt', 'version',
];

/**
 * Evidence lists stay out of generic assignment queries: screens that need them ask for them. The
 * assignment's page reads its history on its own (with each entry's changes) and leaves it out too.
 */
export const ASSIGNMENT_RECORD_FIELDS = [
  'id', 'version', 'status', 'role', 'scope', 'assumption', 'progress', 'note', 'blockedReason', 'dueDate', 'deadlineClass', 'daysOverdue',
  'allowedActions', 'evidenceCount', 'mayAttachEvidence', 'planId', 'taskId', 'unitId', 'startedAt', 'submittedAt', 'completedAt',
  'createdAt', 'updatedAt',
];
/**
 * Lists show the latest comment and who wrote it, not what each entry changed: a list of changes inside
 * the history inside a page of assignments multiplies the query's cost past its limit.
 */
const ASSIGNMENT_LIST_FIELDS = [
  ...ASSIGNMENT_RECORD_FIELDS,
  { history: ['id', 'action', 'fromStatus', 'toStatus', 'comment', 'actorName', 'actorKind', 'at', 'progress'] },
];

/**
 * A target's value today, without its per-commune values and history: those take arguments (history
 * requires its dates) and are each a computation of their own, asked for only under the dashboard's target.
 */
const TARGET_FIELDS = [
  'id', 'version', 'code', 'title', 'planId', 'sector', 'metric', 'comparator', 'thresholdPercent', 'deadline', 'facilityLevels',
  'notApplicableReason', 'note', 'current', 'createdAt', 'updatedAt',
];

const DEFAULT_FIELDS: Record<string, Array<string | Record<string, string[]>>> = { Plan: PLAN_FIELDS, Assignment: ASSIGNMENT_LIST_FIELDS, Target: TARGET_FIELDS };

/**
 * Drafts of imported plans have their own hand-written methods (resources/planDrafts/provider.ts),
 * loaded with the first draft screen.
 */
async function planDraftMethod(name: string, params: Record<string, any>): Promise<unknown> {
  const { planDraftProvider } = await import('./resources/planDrafts/provider.js');
  const method = (planDraftProvider as Record<string, (p: unknown) => Promise<unknown>>)[name];
  if (!method) throw new Error(`PlanDraft: ${name} is not offered`);
  return method(params);
}

/** Every call goes through toAppError, so screens see one error shape with a Vietnamese message. */
const guarded = Object.fromEntries(
  GENERIC_METHODS.map((name) => [
    name,
    async (resource: string, params: Record<string, any>) => {
      // react-admin's default sort is "id", which the API does not sort by: fall back to each list's own order.
      if (params?.sort?.field === 'id') params = { ...params, sort: undefined };
      const fields = DEFAULT_FIELDS[resource];
      if (fields && !params?.meta?.sparseFields) params = { ...params, meta: { ...params?.meta, sparseFields: fields } };
      const alias = SORT_ALIASES[resource]?.[params?.sort?.field];
      if (alias) params = { ...params, sort: { ...params.sort, field: alias } };
      try {
        if (resource === 'PlanDraft') return await planDraftMethod(name, params);
        const method = (await loadBase())[name] as (...args: unknown[]) => Promise<unknown>;
        return await method(resource, params);
      } catch (error) {
        throw toAppError(error);
      }
    },
  ]),
) as unknown as DataProvider;

/**
 * The assignment form edits the planning (due date, role, assumption) with the reason the API asks for.
 * Sent as its own mutation with just those fields: the generic one would send back the progress and
 * note the form does not show, and only the arguments of the schema it was built with.
 */
async function updatePlanning(params: UpdateParams): Promise<UpdateResult> {
  const { dueDate, role, assumption, reason } = params.data as Partial<Assignment> & { reason?: string | null };
  const data = await gqlRequest<{ updateAssignment: Assignment }>(
    `mutation($id: ID!, $version: Int!, $dueDate: LocalDate, $role: AssignmentRole, $assumption: String, $reason: String) {
      updateAssignment(id: $id, version: $version, dueDate: $dueDate, role: $role, assumption: $assumption, reason: $reason) { ${ASSIGNMENT_FIELDS} }
    }`,
    {
      id: params.id,
      version: (params.previousData as Assignment | undefined)?.version ?? (params.data as Assignment).version,
      dueDate: dueDate ?? null,
      role: role ?? null,
      // An emptied field clears the assumption; absent, it is left as it is.
      assumption: assumption === undefined ? undefined : (assumption ?? ''),
      reason: reason?.trim() || null,
    },
  );
  return { data: data.updateAssignment };
}

export const dataProvider: AppDataProvider = {
  ...guarded,

  update(resource, params) {
    return resource === 'Assignment' ? updatePlanning(params) : guarded.update(resource, params);
  },

  async reassignAssignment({ id, version, unitId, reason }) {
    const data = await gqlRequest<{ reassignAssignment: Assignment }>(
      `mutation($id: ID!, $version: Int!, $unitId: ID!, $reason: String!) {
        reassignAssignment(id: $id, version: $version, unitId: $unitId, reason: $reason) { ${ASSIGNMENT_FIELDS} }
      }`,
      { id, version, unitId, reason },
    );
    return data.reassignAssignment;
  },

  async assignmentHistory(id) {
    const data = await gqlRequest<{ Assignment: { history: StatusChange[] } | null }>(
      `query($id: ID!) { Assignment(id: $id) { id history { ${HISTORY_FIELDS} } } }`,
      { id },
    );
    return data.Assignment?.history ?? [];
  },

  async transitionAssignment({ id, action, version, comment }) {
    const data = await gqlRequest<{ transitionAssignment: Assignment }>(
      `mutation($id: ID!, $action: AssignmentAction!, $version: Int!, $comment: String) {
        transitionAssignment(id: $id, action: $action, version: $version, comment: $comment) { ${ASSIGNMENT_FIELDS} }
      }`,
      { id, action, version, comment: comment ?? null },
    );
    return data.transitionAssignment;
  },

  async updateProgress({ id, version, progress, note }) {
    const data = await gqlRequest<{ updateAssignment: Assignment }>(
      `mutation($id: ID!, $version: Int!, $progress: Int, $note: String) {
        updateAssignment(id: $id, version: $version, progress: $progress, note: $note) { ${ASSIGNMENT_FIELDS} }
      }`,
      { id, version, progress, note: note ?? null },
    );
    return data.updateAssignment;
  },

  async getAssignment(id) {
    const data = await gqlRequest<{ Assignment: Assignment }>(`query($id: ID!) { Assignment(id: $id) { ${ASSIGNMENT_FIELDS} } }`, { id });
    return data.Assignment;
  },

  async planProgress(planId, asOf) {
    const data = await gqlRequest<{ planProgress: PlanProgress }>(
      `query($planId: ID!, $asOf: LocalDate) {
        planProgress(planId: $planId, asOf: $asOf) {
          asOf
          overall { ${PROGRESS_FIGURES} }
          byUnit { unitId unit { id code name shortName } figures { ${PROGRESS_FIGURES} } }
          byTask { taskId task { id number title parentId } figures { ${PROGRESS_FIGURES} } }
          reports { total doneOnTime doneLate notDoneWithinDeadline overdue }
        }
      }`,
      { planId, asOf: asOf ?? null },
    );
    return data.planProgress;
  },

  async planTargets(planId, asOf) {
    const data = await gqlRequest<{ Plan: { targets: TargetRow[] } }>(
      `query($planId: ID!, $asOf: LocalDate) { Plan(id: $planId) { targets {
        id code title note thresholdPercent comparator deadline plan { periodStart issueDate }
        current(asOf: $asOf) { valuePercent met status notApplicableReason basedOnDemoData facilitiesCounted facilitiesInScope asOf }
      } } }`,
      { planId, asOf: asOf ?? null },
    );
    return data.Plan?.targets ?? [];
  },

  async targetDetail(targetId, asOf, from, to) {
    const data = await gqlRequest<{ Target: TargetDetail | null }>(
      `query($id: ID!, $asOf: LocalDate!, $from: LocalDate!, $to: LocalDate!) { Target(id: $id) {
        byCommune(asOf: $asOf) { communeId commune { id code name } valuePercent numerator denominator status facilitiesInScope }
        history(from: $from, to: $to, points: 24) { day valuePercent numerator denominator }
      } }`,
      { id: targetId, asOf, from, to },
    );
    return data.Target;
  },

  async latestChanges(planId, first) {
    const data = await gqlRequest<{ latestChanges: LatestChange[] }>(
      `query($planId: ID!, $first: Int!) { latestChanges(planId: $planId, first: $first) {
        id action fromStatus toStatus comment actorName at progress
        assignment { id task { number title } unit { name } }
      } }`,
      { planId, first },
    );
    return data.latestChanges;
  },
};
