import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { createSchema } from '../../server/schema.js';
import { gqlUpload, type UploadFile } from '../helpers/evidence.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';
import { code, unitId } from './helpers.js';

/**
 * Someone who may never make a change is told so before anything about their arguments: a refused
 * caller learns nothing from field errors (which rules a form has, which values pass), and the
 * answer does not depend on what they typed.
 */

/** Mutations with no permission behind them: each acts on the caller's own session or inbox. */
const OPEN_TO_EVERYONE: Record<string, string> = {
  login: 'signing in is how one becomes someone',
  logout: 'ends the caller’s own session',
  markRead: 'the caller’s own inbox',
  markAllRead: 'the caller’s own inbox',
};

const LONG = 'x'.repeat(20_001);

/** A value of the type that breaks every length, range and pattern rule a field could have, while still a value of the type. */
function junk(type: GraphQLInputType, within: ReadonlySet<string> = new Set()): unknown {
  if (isNonNullType(type)) return junk(type.ofType, within);
  if (isListType(type)) return [junk(type.ofType, within)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    if (within.has(type.name)) return null;
    const inside = new Set([...within, type.name]);
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, junk(f.type, inside)]));
  }
  switch (type.name) {
    case 'String':
      return LONG;
    case 'ID':
      return 'khong-phai-ma';
    case 'Int':
    case 'Float':
      return -1;
    case 'Vnd':
      return 0;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return '1900-01-01';
    case 'DateTimeISO':
      return '1900-01-01T00:00:00.000Z';
    case 'Upload':
      return null;
    default:
      throw new Error(`no junk value for ${type.name}`);
  }
}

const isUpload = (arg: GraphQLArgument) => getNamedType(arg.type).name === 'Upload';

/** The mutation with junk in every argument; files go as a multipart request. */
async function callWithJunk(server: TestServer, field: GraphQLField<unknown, unknown>, token?: string): Promise<GraphQLResponse> {
  const decl = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const query = `mutation${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  const variables = Object.fromEntries(field.args.map((a) => [a.name, junk(a.type)]));
  const uploads = field.args.filter(isUpload);
  if (!uploads.length) return server.gql(query, variables, token);
  const files: Record<string, UploadFile> = {};
  for (const arg of uploads) {
    const list = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
    files[list ? `variables.${arg.name}.0` : `variables.${arg.name}`] = { name: 'tep.exe', content: Buffer.from('MZ không phải tài liệu') };
  }
  return gqlUpload(server, query, variables, files, token);
}

let server: TestServer;
let schema: GraphQLSchema;
let admin: string;
let officer: string;
let viewer: string;

beforeAll(async () => {
  server = await startTestServer();
  schema = await createSchema();
  admin = await server.login('admin');
  officer = await server.login('gddt');
  const created = await server.gql(
    'mutation($unitId: ID!) { createUser(username: "nguoi-xem", fullName: "Người chỉ xem", role: VIEWER, unitId: $unitId, password: "mot-mat-khau-du-dai") { id } }',
    { unitId: await unitId(server, admin, 'PHONG-GDDT') },
    admin,
  );
  expect(created.errors).toBeUndefined();
  viewer = await server.login('nguoi-xem', 'mot-mat-khau-du-dai');
});
afterAll(() => server?.close());

const CREATE_UNIT_BADLY = 'mutation { createUnit(code: "mã sai", name: "x", kind: COMMUNE) { id } }';

describe('who may never make a change is refused before their arguments are checked', () => {
  it('an officer creating a unit with bad fields is FORBIDDEN, with no word about the fields', async () => {
    const res = await server.gql(CREATE_UNIT_BADLY, {}, officer);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect(res.data?.createUnit ?? null).toBeNull();
  });

  it('signed out, the same request is UNAUTHENTICATED', async () => {
    const res = await server.gql(CREATE_UNIT_BADLY);
    expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('ADMIN, who may create units, is told which fields are wrong', async () => {
    const res = await server.gql(CREATE_UNIT_BADLY, {}, admin);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields.map((f: { field: string }) => f.field).sort()).toEqual(['code', 'name']);
  });

  it('an officer, whose work is progress, is told a progress of 500 is wrong; a viewer is refused before that', async () => {
    const assignment = (await server.gql('{ allAssignments(perPage: 1) { id version } }', {}, officer)).data!.allAssignments[0];
    const progress = await server.gql(
      'mutation($id: ID!, $v: Int!) { updateAssignment(id: $id, version: $v, progress: 500) { id } }', { id: assignment.id, v: assignment.version }, officer,
    );
    expect(code(progress)).toBe('BAD_USER_INPUT');
    expect(progress.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'progress' })]);
    // A viewer holds neither the work nor the planning: refused before the same bad progress is looked at.
    const refused = await server.gql(
      'mutation($id: ID!, $v: Int!) { updateAssignment(id: $id, version: $v, progress: 500) { id } }', { id: assignment.id, v: assignment.version }, viewer,
    );
    expect(refused.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('a leader, who may import plans, is told which fields of a draft’s edit are wrong, nested ones by their path; an officer is refused first', async () => {
    const query = `mutation($id: ID!, $code: String!) { updatePlanDraft(id: $id, version: 1, targets: [], bodies: [], obligations: [],
      tasks: [{ number: "1", title: "Nhiệm vụ" }, { number: "${'9'.repeat(21)}", title: "Nhiệm vụ" }],
      header: { code: $code, title: "Kế hoạch", issuingBody: "UBND", periodStart: "2030-01-01", periodEnd: "2030-12-31" }) { id } }`;
    const variables = { id: '00000000-0000-4000-8000-000000000000', code: 'X'.repeat(81) };
    const leader = await server.login('phochutich');
    const res = await server.gql(query, variables, leader);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(['header.code', 'tasks.1.number']);
    expect(res.errors![0].extensions!.fields.every((f: { problems: string[] }) => f.problems.length === 1)).toBe(true);
    expect((await server.gql(query, variables, officer)).errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('every mutation with junk in every argument: FORBIDDEN for a viewer, UNAUTHENTICATED signed out, never a field error', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const gated = mutations.filter((m) => !(m.name in OPEN_TO_EVERYONE));
    expect(mutations.length - gated.length).toBe(Object.keys(OPEN_TO_EVERYONE).length);
    const answers: string[] = [];
    for (const field of gated) {
      for (const [who, token, expected] of [['viewer', viewer, 'FORBIDDEN'], ['signed out', undefined, 'UNAUTHENTICATED']] as const) {
        const res = await callWithJunk(server, field, token);
        const first = res.errors?.[0];
        const ok = res.errors?.length === 1 && first?.extensions?.code === expected && !('fields' in (first.extensions ?? {}));
        if (!ok) answers.push(`${field.name} as ${who}: ${JSON.stringify(res.errors ?? res.data)}`);
      }
    }
    expect(answers).toEqual([]);
  }, 120_000);
});
