import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  astFromValue, buildSchema, getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, print,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { SCHEMA_FILE } from '../../server/schema.js';
import { gqlUpload, samplePdf } from '../helpers/evidence.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';

/**
 * PostgreSQL cannot store or even receive a NUL character in text: a string holding one fails the whole
 * statement ("invalid message format"). Every string a client can send is refused at the edge instead,
 * as the client's mistake, before any resolver or SQL sees it.
 */

const NUL = 'a\u0000b';

/** Scalars a string is written into; the others (numbers, files) cannot carry a NUL. */
const STRING_SCALARS = new Set(['String', 'ID', 'LocalDate', 'DateTimeISO']);
const OTHER_SCALARS = new Set(['Int', 'Float', 'Boolean', 'Vnd', 'Upload']);

type Path = Array<string | number>;

interface Slot {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The argument's name, then input-object fields and list indexes down to the string. */
  path: Path;
}

/** Every place under a field's arguments where a string goes: directly, in lists, in input objects however deep. */
function stringPaths(type: GraphQLInputType, path: Path, within: ReadonlySet<string>): Path[] {
  if (isNonNullType(type)) return stringPaths(type.ofType, path, within);
  if (isListType(type)) return stringPaths(type.ofType, [...path, 0], within);
  if (isScalarType(type)) return STRING_SCALARS.has(type.name) ? [path] : [];
  if (isInputObjectType(type)) {
    if (within.has(type.name)) return [];
    const inside = new Set([...within, type.name]);
    return Object.values(type.getFields()).flatMap((f) => stringPaths(f.type, [...path, f.name], inside));
  }
  return [];
}

function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) return valueAlong(type, []);
  switch (type.name) {
    case 'ID':
      return randomUUID();
    case 'String':
      return 'Thử nghiệm';
    case 'Int':
    case 'Float':
    case 'Vnd':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return '2030-01-01';
    case 'DateTimeISO':
      return '2030-01-01T00:00:00.000Z';
    case 'Upload':
      return null;
    default:
      throw new Error(`no dummy value for ${type.name}`);
  }
}

/** A value of the type with the NUL string at `path` and plausible values in every required place. */
function valueAlong(type: GraphQLInputType, path: Path): unknown {
  if (isNonNullType(type)) return valueAlong(type.ofType, path);
  if (path.length === 0 && !isInputObjectType(type)) return NUL;
  if (isListType(type)) return [valueAlong(type.ofType, path.slice(1))];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (f.name === path[0]) value[f.name] = valueAlong(f.type, path.slice(1));
      else if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = dummy(f.type);
    }
    return value;
  }
  return NUL;
}

function argumentValues(slot: Slot): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of slot.field.args) {
    if (arg.name === slot.path[0]) values[arg.name] = valueAlong(arg.type, slot.path.slice(1));
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) values[arg.name] = dummy(arg.type);
  }
  return values;
}

const selection = (field: GraphQLField<unknown, unknown>) => (isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '');
const isUpload = (arg: GraphQLArgument) => getNamedType(arg.type).name === 'Upload';

/** The NUL written in the document itself. Files cannot be literals, so they stay variables. */
function asLiteral(slot: Slot): { query: string; variables: Record<string, unknown> } {
  const values = argumentValues(slot);
  const args = slot.field.args.filter((a) => a.name in values);
  const uploads = args.filter(isUpload);
  const decl = uploads.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args
    .map((a) => `${a.name}: ${isUpload(a) ? `$${a.name}` : print(astFromValue(values[a.name], a.type)!)}`)
    .join(', ');
  return {
    query: `${slot.operation}${decl ? `(${decl})` : ''} { ${slot.field.name}${call ? `(${call})` : ''}${selection(slot.field)} }`,
    variables: Object.fromEntries(uploads.map((a) => [a.name, null])),
  };
}

/** The NUL sent in the variables, every argument a variable of its declared type. */
function asVariables(slot: Slot): { query: string; variables: Record<string, unknown> } {
  const values = argumentValues(slot);
  const args = slot.field.args.filter((a) => a.name in values);
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${slot.operation}${decl ? `(${decl})` : ''} { ${slot.field.name}${call ? `(${call})` : ''}${selection(slot.field)} }`,
    variables: values,
  };
}

function slotsOf(schema: GraphQLSchema): Slot[] {
  const slots: Slot[] = [];
  for (const [operation, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        for (const path of stringPaths(arg.type, [arg.name], new Set())) slots.push({ operation, field, path });
      }
    }
  }
  return slots;
}

const describeSlot = (slot: Slot) => `${slot.field.name}(${slot.path.join('.')})`;

/** Refused as the client's mistake: 400, BAD_USER_INPUT, a message naming the NUL, nothing executed. */
function problemsOf(res: GraphQLResponse): string[] {
  const problems: string[] = [];
  if (res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  if (res.status !== 400) problems.push(`status ${res.status}`);
  const first = res.errors?.[0];
  if (first?.extensions?.code !== 'BAD_USER_INPUT') problems.push(`code ${first?.extensions?.code}`);
  if (!/ký tự NUL/.test(first?.message ?? '')) problems.push(`message ${JSON.stringify(first?.message)}`);
  if (res.data !== undefined) problems.push('executed');
  return problems;
}

let server: TestServer;
let admin: string;
let schema: GraphQLSchema;

beforeAll(async () => {
  schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  server = await startTestServer();
  admin = await server.login('admin');
});
afterAll(() => server?.close());

describe('a NUL character in any string a client sends is refused as bad input', () => {
  it('every scalar of the schema is known to carry a string or not', () => {
    const scalars = Object.values(schema.getTypeMap()).filter((t) => isScalarType(t) && !t.name.startsWith('__'));
    expect(scalars.map((s) => s.name).filter((name) => !STRING_SCALARS.has(name) && !OTHER_SCALARS.has(name))).toEqual([]);
  });

  it('in every string argument of every query and mutation, nested in inputs too, as a literal and as a variable', async () => {
    const slots = slotsOf(schema);
    // Sanity: the walk reaches the arguments named in the findings.
    const named = slots.map(describeSlot);
    expect(named).toEqual(expect.arrayContaining(['login(username)', 'assignments(filter.q)', 'updateAssignment(note)', 'updatePlan(title)']));
    expect(slots.length).toBeGreaterThan(400);

    const failures: string[] = [];
    for (const slot of slots) {
      for (const [mode, request] of [['literal', asLiteral(slot)], ['variable', asVariables(slot)]] as const) {
        const res = await server.gql(request.query, request.variables, admin);
        const problems = problemsOf(res);
        if (problems.length) failures.push(`${describeSlot(slot)} as ${mode}: ${problems.join(', ')} — ${JSON.stringify(res.errors?.[0])}`);
      }
    }
    expect(failures).toEqual([]);
    expect(server.logs.filter((line) => line.startsWith('unexpected error'))).toEqual([]);
  }, 240_000);

  it('the answer says where the NUL is: the argument of a literal, the variable of a variable', async () => {
    const literal = await server.gql(
      `mutation { updateAssignment(id: "${randomUUID()}", version: 1, note: "a\\u0000b") { id } }`, {}, admin,
    );
    expect(literal.status).toBe(400);
    expect(literal.errors![0]).toMatchObject({
      message: 'Dữ liệu gửi lên chứa ký tự NUL (\\u0000) không hợp lệ (đối số note của updateAssignment). Hãy xóa ký tự này rồi gửi lại.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', field: 'updateAssignment', argument: 'note' },
    });
    const nested = await server.gql('{ assignments(first: 1, filter: { q: "x", status: [TODO], ids: ["y", "a\\u0000"] }) { totalCount } }', {}, admin);
    expect(nested.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignments', argument: 'filter.ids[1]' });

    const variable = await server.gql(
      'query($f: AssignmentFilter) { assignments(first: 1, filter: $f) { totalCount } }', { f: { q: NUL } }, admin,
    );
    expect(variable.status).toBe(400);
    expect(variable.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', variable: 'f.q' });
  });

  it('signed out, login with a NUL in the user name or password is bad input', async () => {
    for (const variables of [{ u: NUL, p: 'mot-mat-khau' }, { u: 'admin', p: NUL }]) {
      const res = await server.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables);
      expect(problemsOf(res), JSON.stringify(res.errors)).toEqual([]);
    }
    const literal = await server.gql('mutation { login(username: "admin\\u0000", password: "x") { token } }');
    expect(problemsOf(literal), JSON.stringify(literal.errors)).toEqual([]);
  });

  it('in a default value, a variable the operation does not use, and the operation name', async () => {
    const byDefault = await server.gql('query($q: String = "a\\u0000") { allPlans(filter: { q: $q }) { id } }', {}, admin);
    expect(problemsOf(byDefault)).toEqual([]);
    const unused = await server.gql('{ allPlans(perPage: 1) { id } }', { deep: [{ note: NUL }] }, admin);
    expect(problemsOf(unused)).toEqual([]);
    expect(unused.errors![0].extensions).toMatchObject({ variable: 'deep[0].note' });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: 'query Q { me { id } }', operationName: 'Q\u0000' }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(problemsOf({ ...body, status: response.status, headers: response.headers })).toEqual([]);
    expect(body.errors![0].extensions).toMatchObject({ parameter: 'operationName' });
  });

  it('in the variables of a multipart upload', async () => {
    const assignmentId = (await server.gql('{ allAssignments(perPage: 1) { id } }', {}, admin)).data!.allAssignments[0].id;
    const res = await gqlUpload(
      server,
      'mutation($id: ID!, $files: [Upload!]!, $descriptions: [String]) { attachEvidence(assignmentId: $id, files: $files, descriptions: $descriptions) { duplicate } }',
      { id: assignmentId, files: [null], descriptions: [NUL] },
      { 'variables.files.0': { name: 'bien-ban.pdf', content: samplePdf() } },
      admin,
    );
    expect(problemsOf(res), JSON.stringify(res.errors)).toEqual([]);
    expect(res.errors![0].extensions).toMatchObject({ variable: 'descriptions[0]' });
  });

  it('in a subscription’s variables and literals', async () => {
    const client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      retryAttempts: 0,
      lazy: true,
    });
    const firstAnswer = (payload: { query: string; variables?: Record<string, unknown> }) =>
      new Promise<unknown>((resolve) => {
        const stop = client.subscribe(payload, {
          next: (value) => {
            stop();
            resolve(value);
          },
          error: resolve,
          complete: () => resolve('complete'),
        });
      });
    try {
      const viaVariable = await firstAnswer({ query: 'subscription { notificationsChanged { unreadCount } }', variables: { x: NUL } });
      expect(viaVariable).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', variable: 'x' }) })]);
      const viaLiteral = await firstAnswer({ query: 'subscription($x: String = "a\\u0000") { notificationsChanged { unreadCount } }' });
      expect(viaLiteral).toEqual(expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]));
    } finally {
      await client.dispose();
    }
  });

  it('in the query string and path of plain HTTP routes (exports, downloads, templates)', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const urls = [
      `/export/assignments.csv?filter=${encodeURIComponent(JSON.stringify({ q: NUL }))}`,
      `/export/assignments.xlsx?filter=${encodeURIComponent(JSON.stringify({ planId: NUL }))}`,
      '/export/assignments.csv?sort=due%00Date',
      '/evidence/a%00b/download',
      '/letters/a%00b/download',
      '/compiled-reports/a%00b/report.docx',
      '/award-decisions/a%00b/download',
      '/facilities/template.xlsx?communeId=a%00b',
    ];
    for (const url of urls) {
      const response = await fetch(`${server.url}${url}`, { headers: auth });
      const body = (await response.json()) as GraphQLResponse;
      expect({ url, status: response.status, code: body.errors?.[0]?.extensions?.code }).toEqual({ url, status: 400, code: 'BAD_USER_INPUT' });
      expect(body.errors![0].message).toMatch(/ký tự NUL/);
    }
  });
});
