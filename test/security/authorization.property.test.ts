import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { databaseUrl } from '../helpers/db.js';
import {
  getNamedType, isEnumType, isListType, isNonNullType, type GraphQLArgument, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { createSchema } from '../../server/schema.js';
import { createToken, startServerProcess, type ProcessServer } from './helpers.js';

/**
 * For random (who, what, which object) triples over every mutation and every route to an object,
 * the answer is what an independent model of the rules says, and a refused attempt changes nothing.
 * Authorised writes are sent so that they fail harmlessly after the authorisation check (a stale version,
 * an id that names nothing, a reference that points nowhere): their code tells "allowed" from "refused"
 * without changing the database, so one server and one database serve every run.
 */

const RUNS = Number(process.env.AUTHZ_PROPERTY_RUNS ?? 10_000);

type Role = 'ADMIN' | 'LEADER' | 'COORDINATOR' | 'UNIT_HEAD' | 'OFFICER' | 'VIEWER';
interface Actor {
  name: string;
  credential?: string;
  role?: Role;
  unitId?: string;
  scope?: 'READ' | 'READ_WRITE';
}

/** The rules, written again from the product's description rather than taken from policy.ts. */
const model = {
  signedIn: (a: Actor) => a.role !== undefined,
  readsPlan: (a: Actor) => a.role !== undefined,
  administers: (a: Actor) => a.role === 'ADMIN' && !a.scope,
  works: (a: Actor, unitId: string) =>
    (a.scope === 'READ_WRITE' || (!a.scope && ['COORDINATOR', 'UNIT_HEAD', 'OFFICER'].includes(a.role ?? ''))) && a.unitId === unitId,
  reviews: (a: Actor, unitId: string) =>
    !a.scope && (a.role === 'LEADER' || (a.role === 'COORDINATOR' && a.unitId !== unitId)),
  cancels: (a: Actor) => !a.scope && (a.role === 'ADMIN' || a.role === 'LEADER'),
  configuresEscalation: (a: Actor) => !a.scope && (a.role === 'ADMIN' || a.role === 'LEADER'),
  /** Plans come from their documents by the hand of ADMIN or the leadership, who alone see the drafts. */
  importsPlans: (a: Actor) => !a.scope && (a.role === 'ADMIN' || a.role === 'LEADER'),
};

interface Probe {
  query: string;
  variables: Record<string, unknown>;
  field: string;
  allowed: boolean;
  /** For writes: the code an authorised but harmless attempt gets. For reads: undefined (data expected). */
  allowedCode?: string;
}

interface Fixtures {
  assignments: Array<{ id: string; version: number; progress: number; unitId: string }>;
  ids: Record<string, Array<{ id: string; version: number }>>;
  planIds: string[];
}

/** Mutations not probed here, with the reason. Any other mutation without a probe fails the test. */
const NOT_PROBED: Record<string, string> = {
  login: 'no authorisation: anyone may try; limits are tested in sign-in.test.ts',
  logout: 'ends only the caller’s own session',
  attachEvidence: 'a multipart upload; the evidence module’s own tests try it as the wrong unit',
  removeEvidence: 'the evidence module’s own tests try it as the wrong unit',
  urgeUnit: 'enqueues a letter job; the letters module’s own tests try it with every refused role',
  markRead: 'acts on the caller’s own inbox only; notifications.test.ts shows another user’s notification is NOT_FOUND',
  markAllRead: 'acts on the caller’s own inbox only; notifications.test.ts shows nobody else’s changes',
  createWebhookEndpoint: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  updateWebhookEndpoint: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  deleteWebhookEndpoint: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  rotateWebhookSecret: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  redeliverWebhook: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  reportIndicatorValue: 'commune-scoped; facility-reporting.test.ts tries another commune, an office officer, a READ token and anonymously',
  correctIndicatorValue: 'commune-scoped; facility-reporting.test.ts tries another commune, an office officer, a READ token and anonymously',
  importIndicatorValues: 'a multipart upload, commune-scoped per row; facility-import.test.ts tries another commune, an office officer and anonymously',
  saveUnitReport: 'unit-scoped; unit-reports.test.ts tries another office, a commune, the leader, the aggregating office, a token and anonymously',
  submitUnitReport: 'unit-scoped; unit-reports.test.ts shows only the reporting unit writes and sends its report',
  returnUnitReport: 'aggregating-office-scoped; unit-reports.test.ts tries the reporting unit and another office',
  acceptUnitReport: 'aggregating-office-scoped; unit-reports.test.ts tries the reporting unit, another office, the leader, a commune and anonymously',
  compileReport: 'enqueues a compilation job; compiled-report.test.ts tries an office, a commune, the leader and anonymously',
  updateAwardCriteria: 'leaders and ADMIN; award-evaluation.test.ts tries the coordinating office',
  evaluateAwards: 'enqueues an evaluation job; award-evaluation.test.ts tries an office officer and a commune',
  proposeNomination: 'the coordinating office; award-decisions.test.ts shows the office adding and the checks on it',
  withdrawNomination: 'the coordinating office; award-decisions.test.ts tries the leader, the nominated unit and a commune',
  rejectNomination: 'the leader alone; award-decisions.test.ts tries an officer, a commune, the office, ADMIN and anonymously',
  approveNominations: 'the leader alone; award-decisions.test.ts tries an officer, a commune, the office, ADMIN and anonymously',
};
/** Query fields not probed here. */
const QUERIES_NOT_PROBED: Record<string, string> = {
  rateLimit: 'the caller’s own request budget, whoever asks; request-budget.test.ts covers it',
  evidence: 'unit-scoped evidence files; the evidence module’s own tests cover who may read them',
  urgingLetters: 'unit-scoped letters; the letters module’s own tests cover who may read them',
  urgingLetter: 'unit-scoped letters; the letters module’s own tests cover who may read them',
  myFacilities: 'the caller’s own commune’s facilities; facility-reporting.test.ts shows an officer sees only their own',
  myNotifications: 'the caller’s own inbox; notifications.test.ts shows each user sees only their own',
  unreadCount: 'the caller’s own inbox; notifications.test.ts shows each user sees only their own',
  notification: 'the caller’s own inbox; notifications.test.ts shows another user’s notification is NOT_FOUND',
  allWebhookEndpoints: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  _allWebhookEndpointsMeta: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  WebhookEndpoint: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  webhookEndpoints: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  webhookDeliveries: 'ADMIN only; webhooks.test.ts tries it as a leader, an officer and anonymously',
  allUnitReports: 'unit- and aggregating-office-scoped; unit-reports.test.ts shows each unit sees its own, the office those through it, a commune none',
  _allUnitReportsMeta: 'counts the same rows as allUnitReports',
  UnitReport: 'unit-scoped; unit-reports.test.ts shows a commune is FORBIDDEN on an office’s report',
  unitReports: 'the same service and scope as allUnitReports',
  reportingPeriods: 'aggregating-office-scoped; compiled-report.test.ts shows an office sees none',
  compiledReports: 'aggregating-office-scoped; the same rule as reportingPeriods',
  compiledReport: 'aggregating-office-scoped; compiled-report.test.ts shows a commune is FORBIDDEN',
  awardCriteria: 'what any reader of the plan may read',
  awardPeriods: 'what any reader of the plan may read',
  awardNominations: 'unit-scoped for those who do not see every unit; award-evaluation.test.ts shows each sees its own',
  awardNomination: 'unit-scoped; award-decisions.test.ts shows a commune is FORBIDDEN on an office’s nomination',
  awardEvaluations: 'what any reader of the plan may read',
  awardEvaluation: 'what any reader of the plan may read',
  awardDecisions: 'those who see every unit; the same rule as awardDecision',
  awardDecision: 'those who see every unit; award-decisions.test.ts shows a commune refused the decision’s file',
  honourList: 'public by design (part III.3 asks to publicise the honoured); award-decisions.test.ts shows it holds approved entries only',
};

/** Resources of the generic create/update/delete shape, with who may write them. */
const RESOURCES = ['Plan', 'Task', 'Target', 'Unit', 'Facility', 'IndicatorValue', 'ReportingObligation', 'CalendarDay'];
const ADMIN_ONLY_READS = ['User', 'ApiToken', 'AuditEvent'];
const PLURAL: Record<string, string> = {
  Plan: 'Plans', Task: 'Tasks', Target: 'Targets', Unit: 'Units', Facility: 'Facilities', IndicatorValue: 'IndicatorValues',
  ReportingObligation: 'ReportingObligations', Assignment: 'Assignments', User: 'Users', ApiToken: 'ApiTokens', AuditEvent: 'AuditEvents',
  CalendarDay: 'CalendarDays',
};
const CONNECTION: Record<string, string> = {
  Plan: 'plans', Task: 'tasks', Target: 'targets', Unit: 'units', Facility: 'facilities', IndicatorValue: 'indicatorValues',
  ReportingObligation: 'reportingObligations', Assignment: 'assignments', User: 'users', ApiToken: 'apiTokens', AuditEvent: 'auditEvents',
  CalendarDay: 'calendarDaysConnection',
};

/** A value that passes the argument's own validation, so that only authorisation can refuse the call. */
function argumentValue(arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)) return [];
  if (isEnumType(named)) return named.getValues()[0].value;
  switch (`${named.name}:${arg.name}`) {
    case 'String:username':
      return 'nguoi-dung-thu';
    case 'String:password':
      return 'mot-mat-khau-that-dai-va-rieng';
    case 'String:number':
      return '99';
  }
  switch (named.name) {
    case 'ID':
      return randomUUID();
    case 'String':
      return 'THU-NGHIEM';
    case 'Int':
      return 1;
    case 'Float':
      return 50;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return '2030-01-01';
    case 'DateTimeISO':
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      throw new Error(`no test value for ${named.name}`);
  }
}

function mutationCall(field: GraphQLField<unknown, unknown>, values: Record<string, unknown>): Pick<Probe, 'query' | 'variables'> {
  const args = field.args.filter((a) => values[a.name] !== undefined);
  const decl = args.map((a) => `$${a.name}: ${a.type.toString() as string}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { query: `mutation${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''} { id } }`, variables: values };
}

let server: ProcessServer;
let db: pg.Pool;
let actors: Actor[];
let fixtures: Fixtures;
let mutations: Record<string, GraphQLField<unknown, unknown>>;
let queryFields: string[];
let checksumSql: string;
let writesSql: string;

/** Every row of every table, hashed. */
async function checksum(): Promise<string> {
  const { rows } = await db.query(checksumSql);
  return JSON.stringify(rows);
}

/** What any write since the start would have moved: the write counter and the tokens' hash. */
async function writeMarks(): Promise<string> {
  const { rows } = await db.query(writesSql);
  return JSON.stringify(rows[0]);
}

/** The full checksum is taken every this many runs and at the end; the write marks after every run. */
const CHECKSUM_EVERY = 500;
const STREAMS = 4;

beforeAll(async () => {
  // The server in a process of its own: its work and this test's (requests, checks) then use both cores.
  server = await startServerProcess();
  // A pool: the streams of runs below check the database at the same time.
  db = new pg.Pool({ connectionString: databaseUrl(server.database), max: 4 });
  const schema = await createSchema();
  mutations = schema.getMutationType()!.getFields() as never;
  queryFields = Object.keys(schema.getQueryType()!.getFields());

  const admin = await server.login('admin');
  const users = await server.gql<{ allUsers: Array<{ username: string; role: Role; unitId: string }> }>(
    '{ allUsers(perPage: 100) { username role unitId } }', {}, admin,
  );
  const demo = ['admin', 'phochutich', 'vhtt', 'gddt', 'vanphong', 'agribank', 'tt-hatrung', 'xa-habac', 'xa-hason'];
  actors = [{ name: 'anonymous' }];
  for (const username of demo) {
    const user = users.data!.allUsers.find((u) => u.username === username)!;
    actors.push({ name: username, credential: await server.login(username), role: user.role, unitId: user.unitId });
  }
  for (const [unit, scope] of [['PHONG-GDDT', 'READ'], ['PHONG-GDDT', 'READ_WRITE'], ['XA-HABAC', 'READ_WRITE'], ['PHONG-VHTT', 'READ_WRITE']] as const) {
    const token = await createToken(server, admin, unit, scope);
    const unitId = (await server.gql('query($id: ID!) { ApiToken(id: $id) { unitId } }', { id: token.id }, admin)).data!.ApiToken.unitId;
    actors.push({ name: `token ${unit} ${scope}`, credential: token.secret, role: scope === 'READ_WRITE' ? 'OFFICER' : 'VIEWER', unitId, scope });
  }

  const ids: Fixtures['ids'] = {};
  for (const type of [...RESOURCES, 'User', 'ApiToken', 'AuditEvent']) {
    const version = type === 'AuditEvent' ? '' : 'version';
    const res = await server.gql(`{ all${PLURAL[type]}(perPage: 100) { id ${version} } }`, {}, admin);
    ids[type] = res.data![`all${PLURAL[type]}`].map((row: { id: string; version?: number }) => ({ id: row.id, version: row.version ?? 0 }));
    expect(ids[type].length, type).toBeGreaterThan(0);
  }
  const assignments = await server.gql('{ allAssignments(perPage: 100) { id version progress unitId } }', {}, admin);
  fixtures = { assignments: assignments.data!.allAssignments, ids, planIds: ids.Plan.map((p) => p.id) };

  const tables = await db.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and tablename not like 'mikro_orm%' order by tablename`,
  );
  // Every table, row by row; a token's last-used time is the one column that reading legitimately moves.
  checksumSql = tables.rows
    .map(({ tablename }) => `select '${tablename}' as t, count(*) as n, sum(hashtextextended((to_jsonb(x) - 'last_used_at')::text, 0)) as h from "${tablename}" x`)
    .join(' union all ');
  // In this test's own database only: every statement that writes, even one rolled back or touching no row,
  // bumps a sequence (sequences ignore rollbacks). Cheap enough to read after every run; api_token is
  // hashed instead, because using a token writes its last-used time.
  await db.query(`create sequence authz_writes;
    create function authz_count_write() returns trigger language plpgsql as $$ begin perform nextval('authz_writes'); return null; end $$;`);
  for (const { tablename } of tables.rows.filter((t) => t.tablename !== 'api_token')) {
    await db.query(`create trigger authz_count_write after insert or update or delete or truncate on "${tablename}"
      for each statement execute function authz_count_write()`);
  }
  writesSql = `select (select last_value from authz_writes) as writes,
    (select sum(hashtextextended((to_jsonb(x) - 'last_used_at')::text, 0)) from api_token x) as tokens`;
});
afterAll(async () => {
  await db?.end();
  await server?.close();
});

type Pick3 = { actor: number; target: number; variant: number };

/** Builds the probe for one operation; `pick` chooses among the fixtures. */
const OPERATIONS: Record<string, (a: Actor, p: Pick3) => Probe> = {};

function at<T>(list: T[], index: number): T {
  return list[index % list.length];
}

function defineProbes() {
  const TRANSITIONS = ['START', 'SUBMIT', 'BLOCK', 'UNBLOCK', 'VERIFY', 'RETURN', 'CANCEL'] as const;
  const transition = (actor: Actor, p: Pick3): Probe => {
    const a = at(fixtures.assignments, p.target);
    const action = at([...TRANSITIONS], p.variant);
    const allowed =
      action === 'VERIFY' || action === 'RETURN' ? model.reviews(actor, a.unitId)
        : action === 'CANCEL' ? model.cancels(actor)
          : model.works(actor, a.unitId);
    return {
      query: 'mutation($id: ID!, $action: AssignmentAction!, $version: Int!) { transitionAssignment(id: $id, action: $action, version: $version, comment: "thử") { id } }',
      variables: { id: a.id, action, version: a.version + 1000 },
      field: 'transitionAssignment',
      allowed,
      allowedCode: 'CONFLICT',
    };
  };
  // Progress is the unit's work; the due date is planning, ADMIN's.
  const updateAssignment = (actor: Actor, p: Pick3): Probe => {
    const a = at(fixtures.assignments, p.target);
    const planning = p.variant % 2 === 1;
    return {
      query: planning
        ? 'mutation($id: ID!, $version: Int!) { updateAssignment(id: $id, version: $version, dueDate: "2031-12-31") { id } }'
        : 'mutation($id: ID!, $version: Int!, $progress: Int) { updateAssignment(id: $id, version: $version, progress: $progress) { id } }',
      variables: { id: a.id, version: a.version + 1000, progress: (a.progress + 7) % 101 },
      field: 'updateAssignment',
      allowed: planning ? model.administers(actor) : model.works(actor, a.unitId),
      allowedCode: 'CONFLICT',
    };
  };
  const generic = (type: string, permitted: (a: Actor) => boolean) => {
    const list = () => (type === 'Assignment' ? fixtures.assignments : fixtures.ids[type]);
    const create = mutations[`create${type}`];
    OPERATIONS[`create${type}`] = (actor) => {
      const values: Record<string, unknown> = {};
      for (const arg of create.args) {
        if (isNonNullType(arg.type) || getNamedType(arg.type).name === 'ID') values[arg.name] = argumentValue(arg);
      }
      return { ...mutationCall(create, values), field: create.name, allowed: permitted(actor), allowedCode: 'BAD_USER_INPUT' };
    };
    if (mutations[`update${type}`]) {
      OPERATIONS[`update${type}`] = (actor, p) => {
        const row = at(list(), p.target);
        const values: Record<string, unknown> = { id: row.id, version: row.version + 1000 };
        if (type === 'User' && p.variant % 2 === 1) values.role = 'ADMIN';
        return { ...mutationCall(mutations[`update${type}`], values), field: `update${type}`, allowed: permitted(actor), allowedCode: 'CONFLICT' };
      };
    }
    OPERATIONS[`delete${type}`] = (actor, p) => {
      const allowed = permitted(actor);
      // An authorised delete is sent an id that names nothing; a refused one a real row.
      const id = allowed ? randomUUID() : at(list(), p.target).id;
      return { ...mutationCall(mutations[`delete${type}`], { id }), field: `delete${type}`, allowed, allowedCode: 'NOT_FOUND' };
    };
  };
  // Indicator values are read-only in the generic shape: they are reported and corrected instead.
  for (const type of [...RESOURCES.filter((t) => t !== 'IndicatorValue'), 'Assignment', 'User', 'ApiToken']) generic(type, model.administers);
  OPERATIONS.transitionAssignment = transition;
  OPERATIONS.updateAssignment = updateAssignment;
  // Every generic value would make a valid holiday: an authorised attempt asks for a make-up working Tuesday instead.
  OPERATIONS.createCalendarDay = (actor) => ({
    query: 'mutation { createCalendarDay(day: "2030-01-01", kind: WORKING_DAY, name: "Thử nghiệm") { id } }',
    variables: {},
    field: 'createCalendarDay',
    allowed: model.administers(actor),
    allowedCode: 'BAD_USER_INPUT',
  });
  // A text that is no plan is refused before anything is stored; drafts are named by ids that name none.
  OPERATIONS.importPlan = (actor) => ({
    query: 'mutation { importPlan(text: "THU-NGHIEM") { id } }',
    variables: {},
    field: 'importPlan',
    allowed: model.importsPlans(actor),
    allowedCode: 'BAD_USER_INPUT',
  });
  OPERATIONS.updatePlanDraft = (actor, p) => ({
    query: `mutation($id: ID!, $version: Int!) { updatePlanDraft(id: $id, version: $version, targets: [], tasks: [], bodies: [], obligations: [],
      header: { code: "THU-NGHIEM", title: "Thử nghiệm", issuingBody: "Thử nghiệm", periodStart: "2030-01-01", periodEnd: "2030-12-31" }) { id } }`,
    variables: { id: randomUUID(), version: 1 + (p.variant % 100) },
    field: 'updatePlanDraft',
    allowed: model.importsPlans(actor),
    allowedCode: 'NOT_FOUND',
  });
  for (const field of ['activatePlanDraft', 'discardPlanDraft']) {
    OPERATIONS[field] = (actor, p) => ({
      query: `mutation($id: ID!, $version: Int!) { ${field}(id: $id, version: $version) { id } }`,
      variables: { id: randomUUID(), version: 1 + (p.variant % 100) },
      field,
      allowed: model.importsPlans(actor),
      allowedCode: 'NOT_FOUND',
    });
  }
  OPERATIONS.updateEscalationPolicy = (actor, p) => ({
    query: 'mutation($planId: ID!, $version: Int!) { updateEscalationPolicy(planId: $planId, version: $version, input: { level2After: 5 }) { id } }',
    variables: { planId: at(fixtures.planIds, p.target), version: 1000 + (p.variant % 100) },
    field: 'updateEscalationPolicy',
    allowed: model.configuresEscalation(actor),
    allowedCode: 'CONFLICT',
  });
}

/** Reads: by id, in lists, in connections and nested under other objects. */
function readProbes(): Record<string, (a: Actor, p: Pick3) => Probe> {
  const reads: Record<string, (a: Actor, p: Pick3) => Probe> = {};
  for (const type of [...RESOURCES, 'Assignment', ...ADMIN_ONLY_READS]) {
    const permitted = (a: Actor) => (ADMIN_ONLY_READS.includes(type) ? model.administers(a) : model.readsPlan(a));
    const rows = () => (type === 'Assignment' ? fixtures.assignments : fixtures.ids[type]);
    reads[type] = (a, p) => ({
      query: `query($id: ID!) { ${type}(id: $id) { id } }`, variables: { id: at(rows(), p.target).id }, field: type, allowed: permitted(a),
    });
    reads[`all${PLURAL[type]}`] = (a, p) => ({
      query: `query($n: Int) { all${PLURAL[type]}(perPage: $n) { id } }`, variables: { n: 1 + (p.variant % 3) }, field: `all${PLURAL[type]}`, allowed: permitted(a),
    });
    reads[`_all${PLURAL[type]}Meta`] = (a) => ({
      query: `{ _all${PLURAL[type]}Meta { count } }`, variables: {}, field: `_all${PLURAL[type]}Meta`, allowed: permitted(a),
    });
    reads[CONNECTION[type]] = (a, p) => ({
      query: `query($n: Int) { ${CONNECTION[type]}(first: $n) { totalCount edges { node { id } } } }`,
      variables: { n: 1 + (p.variant % 3) },
      field: CONNECTION[type],
      allowed: permitted(a),
    });
  }
  reads['Assignment nested'] = (a, p) => ({
    query: `query($id: ID!) { Assignment(id: $id) { id history(last: 2) { id assignment { id unit { code } } } task { assignments { id } }
      plan { targets { id } } unit { code } allowedActions } }`,
    variables: { id: at(fixtures.assignments, p.target).id },
    field: 'Assignment',
    allowed: model.readsPlan(a),
  });
  reads['Plan nested'] = (a, p) => ({
    query: 'query($id: ID!) { Plan(id: $id) { id tasks { id subtasks { id } } } }',
    variables: { id: at(fixtures.planIds, p.target) },
    field: 'Plan',
    allowed: model.readsPlan(a),
  });
  reads['Facility nested'] = (a, p) => ({
    query: 'query($id: ID!) { Facility(id: $id) { id indicatorValues { id } } }',
    variables: { id: at(fixtures.ids.Facility, p.target).id },
    field: 'Facility',
    allowed: model.readsPlan(a),
  });
  reads['ApiToken nested'] = (a, p) => ({
    query: 'query($id: ID!) { ApiToken(id: $id) { id unit { code } createdByUsername secret } }',
    variables: { id: at(fixtures.ids.ApiToken, p.target).id },
    field: 'ApiToken',
    allowed: model.administers(a),
  });
  reads.latestChanges = (a, p) => ({
    query: 'query($planId: ID!) { latestChanges(planId: $planId, first: 3) { id assignment { id } } }',
    variables: { planId: at(fixtures.planIds, p.target) },
    field: 'latestChanges',
    allowed: model.readsPlan(a),
  });
  reads['Plan escalationPolicy'] = (a, p) => ({
    query: 'query($id: ID!) { Plan(id: $id) { id escalationPolicy { id level2After coordinatorUnit { code } } } }',
    variables: { id: at(fixtures.planIds, p.target) },
    field: 'Plan',
    allowed: model.readsPlan(a),
  });
  reads.calendarDays = (a, p) => ({
    query: 'query($year: Int!) { calendarDays(year: $year) { id day } }',
    variables: { year: 2022 + (p.variant % 6) },
    field: 'calendarDays',
    allowed: model.readsPlan(a),
  });
  reads.workingDaysBetween = (a, p) => ({
    query: 'query($to: LocalDate!) { workingDaysBetween(from: "2026-02-13", to: $to) }',
    variables: { to: `2026-03-${String(1 + (p.variant % 28)).padStart(2, '0')}` },
    field: 'workingDaysBetween',
    allowed: model.readsPlan(a),
  });
  reads.addWorkingDays = (a, p) => ({
    query: 'query($n: Int!) { addWorkingDays(day: "2026-02-13", n: $n) }',
    variables: { n: 1 + (p.variant % 20) },
    field: 'addWorkingDays',
    allowed: model.readsPlan(a),
  });
  // No escalation exists in the fixtures: readers are told NOT_FOUND, everyone else is refused first.
  reads.Escalation = (a) => ({
    query: 'query($id: ID!) { Escalation(id: $id) { id } }', variables: { id: '00000000-0000-4000-8000-000000000000' }, field: 'Escalation',
    allowed: model.readsPlan(a), allowedCode: 'NOT_FOUND',
  });
  reads.allEscalations = (a, p) => ({
    query: 'query($n: Int) { allEscalations(perPage: $n) { id } }', variables: { n: 1 + (p.variant % 3) }, field: 'allEscalations',
    allowed: model.readsPlan(a),
  });
  reads._allEscalationsMeta = (a) => ({
    query: '{ _allEscalationsMeta { count } }', variables: {}, field: '_allEscalationsMeta', allowed: model.readsPlan(a),
  });
  reads.escalations = (a, p) => ({
    query: 'query($planId: ID) { escalations(first: 5, filter: { planId: $planId, state: OPEN }) { totalCount edges { node { id } } } }',
    variables: { planId: at(fixtures.planIds, p.target) },
    field: 'escalations',
    allowed: model.readsPlan(a),
  });
  reads.planProgress = (a, p) => ({
    query: 'query($planId: ID!) { planProgress(planId: $planId) { __typename } }',
    variables: { planId: at(fixtures.planIds, p.target) },
    field: 'planProgress',
    allowed: model.readsPlan(a),
  });
  // No draft exists in the fixtures: those who may import read empty lists and NOT_FOUND, everyone else is refused first.
  reads.PlanDraft = (a) => ({
    query: 'query($id: ID!) { PlanDraft(id: $id) { id } }', variables: { id: randomUUID() }, field: 'PlanDraft',
    allowed: model.importsPlans(a), allowedCode: 'NOT_FOUND',
  });
  reads.allPlanDrafts = (a, p) => ({
    query: 'query($n: Int) { allPlanDrafts(perPage: $n) { id problems { path } } }', variables: { n: 1 + (p.variant % 3) }, field: 'allPlanDrafts',
    allowed: model.importsPlans(a),
  });
  reads._allPlanDraftsMeta = (a) => ({
    query: '{ _allPlanDraftsMeta { count } }', variables: {}, field: '_allPlanDraftsMeta', allowed: model.importsPlans(a),
  });
  reads.planDrafts = (a, p) => ({
    query: 'query($n: Int) { planDrafts(first: $n) { totalCount edges { node { id } } } }', variables: { n: 1 + (p.variant % 3) }, field: 'planDrafts',
    allowed: model.importsPlans(a),
  });
  reads.planProgressSeries = (a, p) => ({
    query: 'query($planId: ID!, $points: Int) { planProgressSeries(planId: $planId, from: "2022-01-01", to: "2022-12-31", points: $points) { day } }',
    variables: { planId: at(fixtures.planIds, p.target), points: 1 + (p.variant % 12) },
    field: 'planProgressSeries',
    allowed: model.readsPlan(a),
  });
  return reads;
}

describe('authorisation holds for random users, units and targets', () => {
  it('every mutation and every query field has a probe, or a stated reason not to', () => {
    defineProbes();
    const probed = new Set([...Object.keys(OPERATIONS), ...Object.keys(NOT_PROBED)]);
    expect(Object.keys(mutations).filter((m) => !probed.has(m))).toEqual([]);
    const reads = new Set([...Object.keys(readProbes()), 'me', ...Object.keys(QUERIES_NOT_PROBED)]);
    expect(queryFields.filter((q) => !reads.has(q))).toEqual([]);
  });

  it(`no write crosses units or roles and nothing is read beyond the role’s scope (${RUNS} runs)`, async () => {
    defineProbes();
    const probes = { ...OPERATIONS, ...readProbes() };
    const names = Object.keys(probes).sort();
    const baseline = await checksum();
    const marks = await writeMarks();
    const outcomes = { allowed: 0, refused: 0 };
    const inFlight = new Set<string>();
    let run = 0;

    const property = fc.asyncProperty(
      fc.record({ actor: fc.nat(), operation: fc.constantFrom(...names), target: fc.nat(), variant: fc.nat() }),
      async ({ actor: actorIndex, operation, target, variant }) => {
        const actor = at(actors, actorIndex);
        const probe = probes[operation](actor, { actor: actorIndex, target, variant });
        const attempt = `${actor.name} → ${operation} ${JSON.stringify(probe.variables)}`;
        inFlight.add(attempt);
        try {
          const res = await server.gql(probe.query, probe.variables, actor.credential);
          const context = `${attempt}: ${JSON.stringify(res.errors ?? res.data)}`;
          const errorCode = res.errors?.[0]?.extensions?.code;
          if (!probe.allowed) {
            outcomes.refused++;
            expect(errorCode, context).toBe(model.signedIn(actor) ? 'FORBIDDEN' : 'UNAUTHENTICATED');
            expect(res.data?.[probe.field] ?? null, context).toBeNull();
          } else if (probe.allowedCode) {
            outcomes.allowed++;
            expect(errorCode, context).toBe(probe.allowedCode);
          } else {
            outcomes.allowed++;
            expect(res.errors, context).toBeUndefined();
            expect(res.data?.[probe.field], context).toBeTruthy();
          }
          // Runs overlap (see below), so a write is reported with every attempt that was in flight.
          expect(await writeMarks(), `a write was attempted during: ${[...inFlight].join(' | ')}`).toBe(marks);
          if (++run % CHECKSUM_EVERY === 0) expect(await checksum(), `database changed during: ${[...inFlight].join(' | ')}`).toBe(baseline);
        } finally {
          inFlight.delete(attempt);
        }
      },
    );
    // Four independent streams of runs keep both cores busy (the server and PostgreSQL), each with its own seed.
    const seed = Date.now();
    await Promise.all(
      Array.from({ length: STREAMS }, (_, i) => fc.assert(property, { numRuns: Math.ceil(RUNS / STREAMS), seed: seed + i })),
    );
    expect(run).toBeGreaterThanOrEqual(RUNS);
    expect(await checksum()).toBe(baseline);
    // Both sides of the rules were exercised, plenty of each.
    expect(outcomes.refused).toBeGreaterThan(RUNS / 5);
    expect(outcomes.allowed).toBeGreaterThan(RUNS / 5);
  }, 300_000);

  it('`me` is the caller itself, or nothing for anonymous callers and API tokens', async () => {
    for (const actor of actors) {
      const res = await server.gql('{ me { username } }', {}, actor.credential);
      expect(res.data!.me?.username ?? null).toBe(actor.credential && !actor.scope ? actor.name : null);
    }
  });
});
