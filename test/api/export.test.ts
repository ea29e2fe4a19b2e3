import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { planId } from '../helpers/queries.js';

let server: TestServer;
let admin: string;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  officer = await server.login('xa-habac');
});
afterAll(() => server?.close());

/** RFC 4180 records, quoted cells may hold commas and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function total(filter: Record<string, unknown>, token: string): Promise<number> {
  const res = await server.gql<{ _allAssignmentsMeta: { count: number } }>(
    'query($f: AssignmentFilter) { _allAssignmentsMeta(filter: $f) { count } }',
    { f: filter },
    token,
  );
  return res.data!._allAssignmentsMeta.count;
}

function exportUrl(format: 'csv' | 'xlsx', filter: Record<string, unknown> = {}, extra = '') {
  return `${server.url}/export/assignments.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
}

describe('exporting the assignment list', () => {
  it('a CSV export holds every row of the filtered list, beyond one page, with Vietnamese headers and dd/MM/yyyy dates', async () => {
    const count = await total({}, admin);
    expect(count).toBeGreaterThan(100);
    const res = await fetch(exportUrl('csv', {}, '&sort=dueDate&order=DESC'), { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toContain('Nhiệm vụ');
    expect(header).toContain('Hạn');
    expect(rows).toHaveLength(count);
    const due = rows.map((r) => r[header.indexOf('Hạn')]);
    expect(due.every((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true);
    const iso = due.map((d) => d.split('/').reverse().join('-'));
    expect(iso).toEqual([...iso].sort().reverse());
  });

  it('an XLSX export through the session cookie matches the filtered count', async () => {
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "xa-habac", password: "tiendo-demo") { token } }' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^tiendo_session=/);
    const filter = { planId: await planId(server, officer), status: ['NOT_STARTED', 'IN_PROGRESS'] };
    const count = await total(filter, officer);
    expect(count).toBeGreaterThan(0);
    const res = await fetch(exportUrl('xlsx', filter), { headers: { cookie } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('Nhiệm vụ');
    expect(sheet.actualRowCount - 1).toBe(count);
    const statuses = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && statuses.add(String(row.getCell(5).value)));
    expect([...statuses].every((s) => ['Chưa bắt đầu', 'Đang thực hiện'].includes(s))).toBe(true);
  });

  it('refuses a request without a valid session with 401 JSON', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-real-token' }, { cookie: 'tiendo_session=forged' }];
    for (const headers of attempts) {
      const res = await fetch(exportUrl('csv'), { headers });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    await server.gql('mutation { logout }', {}, officer);
    const loggedOut = await fetch(exportUrl('xlsx'), { headers: { authorization: `Bearer ${officer}` } });
    expect(loggedOut.status).toBe(401);
  });

  it('answers a malformed filter or sort with 400 and a code, never a 500', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const cases = [
      `${server.url}/export/assignments.csv?filter=${encodeURIComponent('{not json')}`,
      exportUrl('csv', { status: ['FINISHED'] }),
      exportUrl('csv', { dueBefore: '31/12/2025' }),
      exportUrl('csv', { secret: 1 }),
      exportUrl('xlsx', {}, '&sort=passwordHash'),
    ];
    for (const url of cases) {
      const res = await fetch(url, { headers: auth });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).not.toMatch(/at .*\.ts/);
    }
  });
});
