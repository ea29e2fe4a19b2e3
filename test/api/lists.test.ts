import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let token: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('gddt');
  admin = await server.login('admin');
});
afterAll(() => server?.close());

const PAGE = `query($first: Int, $after: String, $filter: AssignmentFilter, $orderBy: AssignmentOrder) {
  assignments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id dueDate unit { code } } } } }`;

describe('Relay connections for integrators', () => {
  it('walks every assignment page by page with first/after, without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const res = await server.gql(PAGE, { first: 50, after }, token);
      expect(res.errors).toBeUndefined();
      const c = res.data!.assignments;
      total = c.totalCount;
      seen.push(...c.edges.map((e: any) => e.node.id));
      expect(c.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBe(236);
    expect(seen).toHaveLength(236);
    expect(new Set(seen).size).toBe(236);
  });

  it('caps first at 100 and rejects a forged cursor with BAD_USER_INPUT', async () => {
    const tooMany = await server.gql(PAGE, { first: 101 }, token);
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const forged = await server.gql(PAGE, { first: 5, after: 'bm90LWEtY3Vyc29y' }, token);
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('filters by unit, status and due dates, and orders by a typed field', async () => {
    const units = (await server.gql('{ allUnits(filter: { q: "XA-HASON" }) { id } }', {}, token)).data!.allUnits;
    const res = await server.gql(
      PAGE,
      { first: 20, filter: { unitId: units[0].id, status: ['NOT_STARTED'], dueBefore: '2022-12-31', dueAfter: '2022-12-31' }, orderBy: { field: 'UNIT', direction: 'DESC' } },
      token,
    );
    expect(res.errors).toBeUndefined();
    // 5 coordinating parts of district tasks and 6 tasks led at the commune's own facilities.
    expect(res.data!.assignments.totalCount).toBe(11);
    expect(res.data!.assignments.edges.every((e: any) => e.node.unit.code === 'XA-HASON')).toBe(true);
    const none = await server.gql(PAGE, { first: 5, filter: { dueBefore: '2022-01-01' } }, token);
    expect(none.data!.assignments.totalCount).toBe(0);
  });
});

describe('react-admin (ra-data-graphql-simple) conventions', () => {
  it('allX pages with page/perPage/sortField/sortOrder and _allXMeta counts the same filter', async () => {
    const list = await server.gql(
      '{ allUnits(page: 1, perPage: 10, sortField: "code", sortOrder: "DESC", filter: { kind: [COMMUNE] }) { code } _allUnitsMeta(filter: { kind: [COMMUNE] }) { count } }',
      {},
      token,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!._allUnitsMeta.count).toBe(19);
    const codes = list.data!.allUnits.map((u: any) => u.code);
    expect(codes).toHaveLength(9);
    expect([...codes].sort().reverse()).toEqual(codes);
  });

  it('getMany by ids returns exactly those rows; an unknown sort field is BAD_USER_INPUT', async () => {
    const some = (await server.gql('{ allTasks(perPage: 3) { id number } }', {}, token)).data!.allTasks;
    const many = await server.gql('query($ids: [ID!]) { allTasks(filter: { ids: $ids }) { id } }', { ids: some.map((t: any) => t.id) }, token);
    expect(many.data!.allTasks.map((t: any) => t.id).sort()).toEqual(some.map((t: any) => t.id).sort());
    const badSort = await server.gql('{ allTasks(sortField: "passwordHash") { id } }', {}, token);
    expect(badSort.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sortField' });
  });

  it('ADMIN edits a unit with the version it read; a stale version is CONFLICT; an officer is FORBIDDEN', async () => {
    const unit = (await server.gql('{ allUnits(filter: { q: "TT-VHTTTDL" }) { id version name } }', {}, admin)).data!.allUnits[0];
    const forbidden = await server.gql('mutation($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, shortName: "X") { id } }', { id: unit.id, v: unit.version }, token);
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ok = await server.gql('mutation($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, shortName: "TT VHTT&DL") { version shortName } }', { id: unit.id, v: unit.version }, admin);
    expect(ok.data!.updateUnit).toEqual({ version: unit.version + 1, shortName: 'TT VHTT&DL' });
    const stale = await server.gql('mutation($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, shortName: "Cũ") { id } }', { id: unit.id, v: unit.version }, admin);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const after = (await server.gql('query($id: ID!) { Unit(id: $id) { shortName } }', { id: unit.id }, admin)).data!.Unit;
    expect(after.shortName).toBe('TT VHTT&DL');
  });

  it('a duplicate unit code is CONFLICT and a unit still in use cannot be deleted', async () => {
    const dup = await server.gql('mutation { createUnit(code: "PHONG-GDDT", name: "Trùng", kind: OFFICE) { id } }', {}, admin);
    expect(dup.errors![0].extensions!.code).toBe('CONFLICT');
    const gddt = (await server.gql('{ allUnits(filter: { q: "PHONG-GDDT" }) { id } }', {}, admin)).data!.allUnits[0];
    const del = await server.gql('mutation($id: ID!) { deleteUnit(id: $id) { id } }', { id: gddt.id }, admin);
    expect(del.errors![0].extensions!.code).toBe('CONFLICT');
    expect((await server.gql('query($id: ID!) { Unit(id: $id) { code } }', { id: gddt.id }, admin)).data!.Unit.code).toBe('PHONG-GDDT');
  });

  it('users are visible to ADMIN only', async () => {
    const asOfficer = await server.gql('{ allUsers { username } }', {}, token);
    expect(asOfficer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const asAdmin = await server.gql('{ _allUsersMeta { count } }', {}, admin);
    expect(asAdmin.data!._allUsersMeta.count).toBe(26);
  });
});
