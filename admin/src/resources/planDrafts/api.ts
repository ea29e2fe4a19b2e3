import { toAppError } from '../../errors.js';
import { gqlRequest, gqlUpload } from '../../graphql.js';

export type PlanDraftState = 'DRAFT' | 'ACTIVATED' | 'DISCARDED';
export type PlanSourceFormat = 'TEXT' | 'TXT' | 'DOCX' | 'PDF';

/** Character offsets into the draft's sourceText, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface DraftPlanHeader {
  code: string;
  number: string | null;
  title: string;
  issuingBody: string;
  issueDate: string | null;
  issuePlaceAndDate: string | null;
  signerName: string | null;
  signerTitle: string | null;
  periodStart: string;
  periodEnd: string;
  parentPlanId: string | null;
  parentReference: string | null;
  assumption: string | null;
  span: TextSpan | null;
}

export interface DraftTarget {
  key?: string | null;
  code: string;
  title: string;
  sector: string | null;
  metric: string | null;
  comparator: string;
  thresholdPercent: number;
  deadline: string | null;
  facilityLevels: string[] | null;
  note: string | null;
  notApplicableReason: string | null;
  span?: TextSpan | null;
}

export interface DraftTask {
  key?: string | null;
  number: string;
  title: string;
  description: string | null;
  dueDate: string | null;
  assumption: string | null;
  span?: TextSpan | null;
}

export interface DraftBody {
  key?: string | null;
  name: string;
  unitId: string | null;
  matchedBy?: string | null;
  allCommunes: boolean;
  createUnit: boolean;
  unitCode: string | null;
  unitKind: string | null;
  leads: string[];
  coordinates: string[];
  leadAssumption: string | null;
  span?: TextSpan | null;
}

export interface DraftObligation {
  key?: string | null;
  reporterKey: string;
  throughKey: string | null;
  recipientKey: string;
  period: string;
  dueBefore: string;
  subject: string;
  span?: TextSpan | null;
}

export interface DraftUnplaced {
  key: string;
  text: string;
  reason: string;
  span: TextSpan;
  dismissed: boolean;
}

export interface DraftProblem {
  path: string;
  message: string;
}

export interface PlanDraft {
  id: string;
  version: number;
  state: PlanDraftState;
  sourceName: string | null;
  sourceFormat: PlanSourceFormat;
  sourceText: string;
  createdAt: string;
  createdByName: string | null;
  updatedAt: string;
  activatedPlanId: string | null;
  activatedAt: string | null;
  header: DraftPlanHeader;
  targets: DraftTarget[];
  tasks: DraftTask[];
  bodies: DraftBody[];
  obligations: DraftObligation[];
  unplaced: DraftUnplaced[];
  problems: DraftProblem[];
}

export interface ActivatedPlan {
  id: string;
  code: string;
  title: string;
}

const SPAN = 'span { start end }';

/** Everything the review screen shows: the source text and every item with where it was read from. */
const DRAFT_FIELDS = `id version state sourceName sourceFormat sourceText createdAt createdByName updatedAt activatedPlanId activatedAt
  header { code number title issuingBody issueDate issuePlaceAndDate signerName signerTitle periodStart periodEnd parentPlanId parentReference assumption ${SPAN} }
  targets { key code title sector metric comparator thresholdPercent deadline facilityLevels note notApplicableReason ${SPAN} }
  tasks { key number title description dueDate assumption ${SPAN} }
  bodies { key name unitId matchedBy allCommunes createUnit unitCode unitKind leads coordinates leadAssumption ${SPAN} }
  obligations { key reporterKey throughKey recipientKey period dueBefore subject ${SPAN} }
  unplaced { key text reason dismissed ${SPAN} }
  problems { path message }`;

/** A list row leaves the source text and the items out: a plan's text is tens of kilobytes. */
const LIST_FIELDS = 'id version state sourceName sourceFormat createdAt createdByName updatedAt activatedPlanId header { code title }';

/** react-admin's list parameters as the API's list arguments (pages count from 0 there). */
interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: 'ASC' | 'DESC' };
  filter?: { q?: string; state?: PlanDraftState };
}

export async function listPlanDrafts({ pagination, sort, filter }: ListParams): Promise<{ data: PlanDraft[]; total: number }> {
  const variables = {
    page: pagination ? pagination.page - 1 : 0,
    perPage: pagination?.perPage ?? 25,
    sortField: sort?.field && sort.field !== 'id' ? sort.field : 'createdAt',
    sortOrder: sort?.order ?? 'DESC',
    filter: { q: filter?.q || undefined, state: filter?.state || undefined },
  };
  const data = await gqlRequest<{ allPlanDrafts: PlanDraft[]; _allPlanDraftsMeta: { count: number } }>(
    `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: PlanDraftFilter) {
      allPlanDrafts(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${LIST_FIELDS} }
      _allPlanDraftsMeta(filter: $filter) { count }
    }`,
    variables,
  );
  return { data: data.allPlanDrafts, total: data._allPlanDraftsMeta.count };
}

export async function getPlanDraft(id: string): Promise<PlanDraft> {
  const data = await gqlRequest<{ PlanDraft: PlanDraft | null }>(`query($id: ID!) { PlanDraft(id: $id) { ${DRAFT_FIELDS} } }`, { id });
  if (!data.PlanDraft) throw toAppError({ errors: [{ message: 'app.errors.not_found', extensions: { code: 'NOT_FOUND' } }] });
  return data.PlanDraft;
}

const IMPORT = `mutation($text: String, $file: Upload) { importPlan(text: $text, file: $file) { ${DRAFT_FIELDS} } }`;

/** A pasted text travels as an ordinary request; Vietnamese text needs no upload. */
export async function importPlanText(text: string): Promise<PlanDraft> {
  const data = await gqlRequest<{ importPlan: PlanDraft }>(IMPORT, { text, file: null });
  return data.importPlan;
}

/** Sends the document as a GraphQL multipart request, as evidence is sent. */
export async function importPlanFile(file: File, onProgress?: (fraction: number) => void): Promise<PlanDraft> {
  const data = await gqlUpload<{ importPlan: PlanDraft }>(IMPORT, { text: null, file: null }, [['variables.file', file]], onProgress);
  return data.importPlan;
}

const pickSpanless = <T extends object, K extends keyof T>(item: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, item[k] ?? null])) as Pick<T, K>;

const HEADER_INPUT = [
  'code', 'number', 'title', 'issuingBody', 'issueDate', 'issuePlaceAndDate', 'signerName', 'signerTitle', 'periodStart', 'periodEnd',
  'parentPlanId', 'parentReference', 'assumption',
] as const;
const TARGET_INPUT = [
  'key', 'code', 'title', 'sector', 'metric', 'comparator', 'thresholdPercent', 'deadline', 'facilityLevels', 'note', 'notApplicableReason',
] as const;
const TASK_INPUT = ['key', 'number', 'title', 'description', 'dueDate', 'assumption'] as const;
const OBLIGATION_INPUT = ['key', 'reporterKey', 'throughKey', 'recipientKey', 'period', 'dueBefore', 'subject'] as const;

/**
 * The form's values as updatePlanDraft's arguments: the inputs mirror the read types without the spans
 * and the match's provenance, which are the server's to say. Every field read is sent back, shown in
 * the form or not: the update replaces the content wholesale.
 */
export function toUpdateVariables(draft: PlanDraft) {
  return {
    id: draft.id,
    version: draft.version,
    header: pickSpanless(draft.header, HEADER_INPUT),
    targets: (draft.targets ?? []).map((t) => pickSpanless(t, TARGET_INPUT)),
    tasks: (draft.tasks ?? []).map((t) => pickSpanless(t, TASK_INPUT)),
    bodies: (draft.bodies ?? []).map((b) => ({
      key: b.key ?? null,
      name: b.name,
      unitId: b.unitId ?? null,
      allCommunes: !!b.allCommunes,
      createUnit: !!b.createUnit,
      unitCode: b.unitCode ?? null,
      unitKind: b.unitKind ?? null,
      leads: b.leads ?? [],
      coordinates: b.coordinates ?? [],
      leadAssumption: b.leadAssumption ?? null,
    })),
    obligations: (draft.obligations ?? []).map((o) => pickSpanless(o, OBLIGATION_INPUT)),
    dismissedUnplaced: (draft.unplaced ?? []).filter((u) => u.dismissed).map((u) => u.key),
  };
}

export async function updatePlanDraft(draft: PlanDraft): Promise<PlanDraft> {
  const data = await gqlRequest<{ updatePlanDraft: PlanDraft }>(
    `mutation($id: ID!, $version: Int!, $header: DraftPlanHeaderInput!, $targets: [DraftTargetInput!]!, $tasks: [DraftTaskInput!]!,
      $bodies: [DraftBodyInput!]!, $obligations: [DraftObligationInput!]!, $dismissedUnplaced: [ID!]) {
      updatePlanDraft(id: $id, version: $version, header: $header, targets: $targets, tasks: $tasks, bodies: $bodies,
        obligations: $obligations, dismissedUnplaced: $dismissedUnplaced) { ${DRAFT_FIELDS} }
    }`,
    toUpdateVariables(draft),
  );
  return data.updatePlanDraft;
}

export async function activatePlanDraft(id: string, version: number): Promise<ActivatedPlan> {
  const data = await gqlRequest<{ activatePlanDraft: ActivatedPlan }>(
    `mutation($id: ID!, $version: Int!) { activatePlanDraft(id: $id, version: $version) { id code title } }`,
    { id, version },
  );
  return data.activatePlanDraft;
}

export async function discardPlanDraft(id: string, version: number): Promise<PlanDraft> {
  const data = await gqlRequest<{ discardPlanDraft: PlanDraft }>(
    `mutation($id: ID!, $version: Int!) { discardPlanDraft(id: $id, version: $version) { ${DRAFT_FIELDS} } }`,
    { id, version },
  );
  return data.discardPlanDraft;
}
