import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let leader: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  [leader, admin] = await Promise.all([server.login('phochutich'), server.login('admin')]);
});
afterAll(() => server?.close());

const ASSIGNMENTS = `query($q: String) {
  assignments(first: 100, filter: { q: $q }) { totalCount edges { node { unit { code } task { title } } } } }`;
const UNITS = 'query($q: String) { allUnits(perPage: 100, filter: { q: $q }) { code } }';
const TASKS = 'query($q: String) { allTasks(perPage: 100, filter: { q: $q }) { number title } }';
const FACILITIES = 'query($q: String) { allFacilities(perPage: 100, filter: { q: $q }) { code } }';
const REPORTS = `query($q: String) {
  allUnitReports(perPage: 50, filter: { q: $q }) { unit { code } subject } _allUnitReportsMeta(filter: { q: $q }) { count } }`;

async function assignmentUnits(q: string): Promise<{ total: number; units: string[] }> {
  const res = await server.gql(ASSIGNMENTS, { q }, leader);
  expect(res.errors).toBeUndefined();
  return { total: res.data!.assignments.totalCount, units: res.data!.assignments.edges.map((e: any) => e.node.unit.code) };
}

async function list(query: string, q: string, field: string, token = leader): Promise<any[]> {
  const res = await server.gql(query, { q }, token);
  expect(res.errors).toBeUndefined();
  return res.data![field];
}

/** What the person meant, compared the way a reader would: without tone marks, "đ" as "d", any case. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

describe('search without diacritics', () => {
  it('"ha bac" finds Hà Bắc’s eleven assignments, the commune itself and its schools and health station', async () => {
    const found = await assignmentUnits('ha bac');
    expect(found.total).toBe(11);
    expect(new Set(found.units)).toEqual(new Set(['XA-HABAC']));
    expect((await list(UNITS, 'ha bac', 'allUnits')).map((u) => u.code)).toEqual(['XA-HABAC']);
    expect((await list(FACILITIES, 'ha bac', 'allFacilities')).map((f) => f.code).sort()).toEqual(
      ['MN-XA-HABAC', 'TH-XA-HABAC', 'THCS-XA-HABAC', 'TYT-XA-HABAC'],
    );
  });

  it('capitals, exact marks and text typed in decomposed form find the same assignments as "ha bac"', async () => {
    const expected = await assignmentUnits('ha bac');
    for (const q of ['Ha Bac', 'HA BAC', 'Hà Bắc', 'HÀ BẮC', 'Hà Bắc'.normalize('NFD'), '  hà bắc  ']) {
      expect(await assignmentUnits(q), q).toEqual(expected);
    }
  });

  it('"thanh toan" finds exactly the tasks about "thanh toán", the same as typing the marks', async () => {
    const plainTyped = await list(TASKS, 'thanh toan', 'allTasks');
    const exact = await list(TASKS, 'thanh toán', 'allTasks');
    expect(plainTyped.length).toBe(8);
    expect(plainTyped).toEqual(exact);
    expect(plainTyped.every((t) => t.title.toLowerCase().includes('thanh toán'))).toBe(true);
    expect(await list(TASKS, 'THANH TOAN', 'allTasks')).toEqual(exact);
  });

  it('"đ" is searched as "d": "dao tao" finds the Education and Training office, its tasks and its reports', async () => {
    expect((await list(UNITS, 'dao tao', 'allUnits')).map((u) => u.code)).toEqual(['PHONG-GDDT']);
    const tasks = await list(TASKS, 'dao tao', 'allTasks');
    expect(tasks.length).toBe(2);
    expect(tasks.every((t) => plain(t.title).includes('dao tao'))).toBe(true);
    const reports = await server.gql(REPORTS, { q: 'giao duc va dao tao' }, leader);
    expect(reports.errors).toBeUndefined();
    expect(reports.data!._allUnitReportsMeta.count).toBe(2);
    expect(reports.data!.allUnitReports.map((r: any) => r.unit.code)).toEqual(['PHONG-GDDT', 'PHONG-GDDT']);
    const byHdnd = await server.gql(REPORTS, { q: 'hđnd' }, leader);
    expect(byHdnd.data!.allUnitReports.map((r: any) => r.unit.code)).toEqual(['VP-HDND-UBND', 'VP-HDND-UBND']);
  });

  it('a plain exact query still works: a unit code, a task number, a phrase with its marks', async () => {
    expect((await list(UNITS, 'XA-HASON', 'allUnits')).map((u) => u.code)).toEqual(['XA-HASON']);
    const one = (await list(TASKS, 'thanh toán không dùng tiền mặt trong bệnh viện', 'allTasks')).map((t) => t.title);
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((title) => title.includes('thanh toán không dùng tiền mặt trong bệnh viện'))).toBe(true);
    const [task] = await list(TASKS, 'đào tạo', 'allTasks');
    const byNumber = await server.gql(ASSIGNMENTS, { q: task.number }, leader);
    expect(byNumber.data!.assignments.totalCount).toBeGreaterThan(0);
    expect(byNumber.data!.assignments.edges.every((e: any) => e.node.task.title === task.title)).toBe(true);
  });

  it('"%" and "_" are letters to find, not wildcards, and a search for nothing lists everything', async () => {
    const percent = await list('query($q: String) { allTargets(perPage: 100, filter: { q: $q }) { title } }', '50%', 'allTargets');
    expect(percent.length).toBeGreaterThan(0);
    expect(percent.every((t) => t.title.includes('50%'))).toBe(true);
    expect(await list(TASKS, '_', 'allTasks')).toEqual([]);
    expect(await list(UNITS, '%', 'allUnits')).toEqual([]);
    const everything = await list(UNITS, '', 'allUnits');
    expect((await list(UNITS, '   ', 'allUnits')).length).toBe(everything.length);
    expect(everything.length).toBeGreaterThan(20);
  });

  it('people are found by their name without marks, and the audit log by a username typed in capitals', async () => {
    expect((await list('query($q: String) { allUsers(filter: { q: $q }) { username } }', 'hoang van long', 'allUsers', admin)).map((u) => u.username)).toEqual(['phochutich']);
    const audit = await server.gql('query($q: String) { allAuditEvents(perPage: 5, filter: { q: $q }) { username } }', { q: 'PHOCHUTICH' }, admin);
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.allAuditEvents.length).toBeGreaterThan(0);
    expect(audit.data!.allAuditEvents.every((e: any) => e.username === 'phochutich')).toBe(true);
  });
});
