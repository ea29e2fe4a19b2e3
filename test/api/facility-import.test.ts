import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlUpload } from '../helpers/evidence.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const IMPORT = `mutation($file: Upload!, $dryRun: Boolean) {
  importIndicatorValues(file: $file, dryRun: $dryRun) { dryRun rows skippedRows values { id facilityId asOf periodStart digitalPlatforms cashlessChannels
    cashlessTransactions totalTransactions cashlessAmount totalAmount focalPersonName focalPersonPhone reportedByName } }
}`;
const HISTORY = `query($id: ID!) { Facility(id: $id) { indicatorValues { asOf periodStart digitalPlatforms cashlessChannels cashlessTransactions
  totalTransactions cashlessAmount totalAmount focalPersonName focalPersonPhone } } }`;
const MY_FACILITIES = '{ myFacilities { id code } }';

let server: TestServer;
let habac: string;
let habinh: string;
let office: string;
let facilities: Array<{ id: string; code: string }>;

beforeAll(async () => {
  server = await startTestServer();
  [habac, habinh, office] = await Promise.all([server.login('xa-habac'), server.login('xa-habinh'), server.login('gddt')]);
  facilities = (await server.gql(MY_FACILITIES, {}, habac)).data!.myFacilities;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function downloadTemplate(token: string | undefined, query = 'asOf=2024-06-30&periodStart=2024-01-01') {
  const response = await fetch(`${server.url}/facilities/template.xlsx?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return response;
}

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** The column number of each header of the entry sheet. */
function headers(sheet: ExcelJS.Worksheet): Map<string, number> {
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => at.set(String(cell.value), col));
  return at;
}

/** Fills one facility's row the way a commune officer would in Excel. */
function fill(sheet: ExcelJS.Worksheet, code: string, values: Record<string, ExcelJS.CellValue>) {
  const at = headers(sheet);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(at.get('Mã cơ sở')!).value !== code) continue;
    for (const [header, value] of Object.entries(values)) {
      expect(at.has(header), header).toBe(true);
      row.getCell(at.get(header)!).value = value;
    }
    return r;
  }
  throw new Error(`no row for ${code}`);
}

const schoolFigures = {
  'Nền tảng: Quản trị nhà trường': 'Có',
  'Nền tảng: Học liệu số': 'Không',
  'Thanh toán: Chuyển khoản, mã QR': 'Có',
  'Thanh toán: Ví điện tử': 'Có',
  'Số giao dịch không dùng tiền mặt': 150,
  'Tổng số giao dịch': 400,
  'Giá trị không dùng tiền mặt (đồng)': 6_000_000_000,
  'Tổng giá trị giao dịch (đồng)': 20_000_000_000,
  'Đầu mối thanh toán: họ tên': 'Lê Thị Hoa',
  'Đầu mối thanh toán: điện thoại': '0912 345 678',
};

async function upload(workbook: ExcelJS.Workbook, token: string | undefined, dryRun = false) {
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return gqlUpload(server, IMPORT, { file: null, dryRun }, { 'variables.file': { name: 'so-lieu.xlsx', content } }, token);
}

async function historyOf(code: string) {
  const id = facilities.find((f) => f.code === code)!.id;
  return (await server.gql(HISTORY, { id }, habac)).data!.Facility.indicatorValues as Array<Record<string, unknown>>;
}

describe('facility figures entered from the Excel template', () => {
  it('a commune officer’s template lists their own facilities, locked, with the period pre-filled and a guide', async () => {
    const response = await downloadTemplate(habac);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Số liệu cơ sở', 'Hướng dẫn']);
    const sheet = workbook.getWorksheet('Số liệu cơ sở')!;
    const at = headers(sheet);
    const codes = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(at.get('Mã cơ sở')!).value);
    expect(codes.sort()).toEqual(['MN-XA-HABAC', 'TH-XA-HABAC', 'THCS-XA-HABAC', 'TYT-XA-HABAC']);
    expect(sheet.rowCount).toBe(5);
    const row = sheet.getRow(2);
    expect(row.getCell(at.get('Mã cơ sở')!).protection?.locked).not.toBe(false);
    expect(row.getCell(at.get('Tổng số giao dịch')!).protection?.locked).toBe(false);
    expect((row.getCell(at.get('Đầu kỳ (dd/mm/yyyy)')!).value as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(row.getCell(at.get('Đầu kỳ (dd/mm/yyyy)')!).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(at.get('Thanh toán: Thẻ ngân hàng')!).dataValidation?.formulae).toEqual(['"Có,Không"']);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText = guide.getSheetValues().flat().join(' ');
    expect(guideText).toContain('Tổng số giao dịch');
    expect(guideText).toContain('dd/mm/yyyy');
  });

  it('the filled-in template round-trips: a dry run writes nothing, the upload writes every filled row', async () => {
    const workbook = await workbookOf(await downloadTemplate(habac));
    const sheet = workbook.getWorksheet('Số liệu cơ sở')!;
    fill(sheet, 'MN-XA-HABAC', schoolFigures);
    fill(sheet, 'TYT-XA-HABAC', {
      'Đầu kỳ (dd/mm/yyyy)': '01/01/2024', // typed as text, the Vietnamese way
      'Nền tảng: Đơn thuốc điện tử': 'có',
      'Thanh toán: Thẻ ngân hàng': 'Có',
      'Số giao dịch không dùng tiền mặt': 10,
      'Tổng số giao dịch': 10,
      'Giá trị không dùng tiền mặt (đồng)': '1.500.000',
      'Tổng giá trị giao dịch (đồng)': 2_000_000,
    });

    const dry = await upload(workbook, habac, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importIndicatorValues).toMatchObject({ dryRun: true, rows: 2, skippedRows: 2, values: [] });
    expect((await historyOf('MN-XA-HABAC')).some((v) => v.asOf === '2024-06-30')).toBe(false);

    const done = await upload(workbook, habac);
    expect(done.errors).toBeUndefined();
    expect(done.data!.importIndicatorValues).toMatchObject({ dryRun: false, rows: 2, skippedRows: 2 });
    expect(done.data!.importIndicatorValues.values[0].reportedByName).toBe('Cán bộ Xã Hà Bắc');

    expect((await historyOf('MN-XA-HABAC')).find((v) => v.asOf === '2024-06-30')).toEqual({
      asOf: '2024-06-30', periodStart: '2024-01-01', digitalPlatforms: ['SCHOOL_MANAGEMENT'], cashlessChannels: ['BANK_TRANSFER_QR', 'E_WALLET'],
      cashlessTransactions: 150, totalTransactions: 400, cashlessAmount: 6_000_000_000, totalAmount: 20_000_000_000,
      focalPersonName: 'Lê Thị Hoa', focalPersonPhone: '0912 345 678',
    });
    expect((await historyOf('TYT-XA-HABAC')).find((v) => v.asOf === '2024-06-30')).toMatchObject({
      periodStart: '2024-01-01', digitalPlatforms: ['E_PRESCRIPTION'], cashlessChannels: ['CARD'], cashlessAmount: 1_500_000, totalAmount: 2_000_000,
    });

    // The same file again: those days already have figures, so every row is a conflict and nothing changes.
    const again = await upload(workbook, habac);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ROWS' });
    expect(again.errors![0].extensions!.problems.map((p: any) => p.code)).toEqual(['CONFLICT', 'CONFLICT']);
  });

  it('one bad row changes nothing and every problem is named by row and column', async () => {
    const workbook = await workbookOf(await downloadTemplate(habac, 'asOf=2024-12-31&periodStart=2024-07-01'));
    const sheet = workbook.getWorksheet('Số liệu cơ sở')!;
    fill(sheet, 'MN-XA-HABAC', schoolFigures);
    const bad = fill(sheet, 'TH-XA-HABAC', { ...schoolFigures, 'Số giao dịch không dùng tiền mặt': 401 });
    const unreadable = fill(sheet, 'THCS-XA-HABAC', { ...schoolFigures, 'Thanh toán: Thẻ ngân hàng': 'Hình như có', 'Tổng số giao dịch': -3 });

    const res = await upload(workbook, habac);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ROWS' });
    const problems = res.errors![0].extensions!.problems;
    expect(problems).toContainEqual(expect.objectContaining({
      row: bad, column: 'Số giao dịch không dùng tiền mặt', code: 'BAD_USER_INPUT',
      message: 'Số giao dịch không dùng tiền mặt không được lớn hơn tổng số giao dịch.',
    }));
    expect(problems.filter((p: any) => p.row === unreadable).map((p: any) => p.column).sort()).toEqual(['Thanh toán: Thẻ ngân hàng', 'Tổng số giao dịch']);
    expect(problems).toHaveLength(3);
    // The good row was not written either.
    expect((await historyOf('MN-XA-HABAC')).some((v) => v.asOf === '2024-12-31')).toBe(false);
  });

  it('a NUL character hidden in a cell (Excel’s _x0000_ escape) is a problem of that cell, not a server error', async () => {
    const workbook = await workbookOf(await downloadTemplate(habac, 'asOf=2025-12-31&periodStart=2025-07-01'));
    const sheet = workbook.getWorksheet('Số liệu cơ sở')!;
    const name = fill(sheet, 'MN-XA-HABAC', { ...schoolFigures, 'Đầu mối thanh toán: họ tên': 'Lê Thị_x0000_Hoa' });
    const code = fill(sheet, 'TH-XA-HABAC', { ...schoolFigures, 'Mã cơ sở': 'TH-XA-HABAC_x0000_' });
    const res = await upload(workbook, habac);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ROWS' });
    expect(res.errors![0].extensions!.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [name, 'Đầu mối thanh toán: họ tên', 'BAD_USER_INPUT'],
      [code, 'Mã cơ sở', 'BAD_USER_INPUT'],
    ]);
    expect(res.errors![0].extensions!.problems[0].message).toMatch(/ký tự NUL/);
    expect(server.logs.filter((line) => line.startsWith('unexpected error'))).toEqual([]);
  });

  it('another commune’s officer is refused for the row of a facility that is not theirs', async () => {
    const workbook = await workbookOf(await downloadTemplate(habac, 'asOf=2025-06-30&periodStart=2025-01-01'));
    const row = fill(workbook.getWorksheet('Số liệu cơ sở')!, 'MN-XA-HABAC', schoolFigures);
    const res = await upload(workbook, habinh);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.problems).toEqual([
      expect.objectContaining({ row, column: 'Mã cơ sở', code: 'FORBIDDEN', message: expect.stringContaining('MN-XA-HABAC') }),
    ]);
    expect((await historyOf('MN-XA-HABAC')).some((v) => v.asOf === '2025-06-30')).toBe(false);
    // Nor may they download another commune's template.
    const habacId = (await server.gql(`{ Facility(id: "${facilities[0].id}") { communeId } }`, {}, habac)).data!.Facility.communeId;
    expect((await downloadTemplate(habinh, `communeId=${habacId}`)).status).toBe(403);
  });

  it('an office officer is refused both the template and the upload; anonymous users must sign in', async () => {
    const workbook = await workbookOf(await downloadTemplate(habac));
    fill(workbook.getWorksheet('Số liệu cơ sở')!, 'MN-XA-HABAC', schoolFigures);

    const officeDownload = await downloadTemplate(office);
    expect(officeDownload.status).toBe(403);
    expect((await officeDownload.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await upload(workbook, office)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const anonymous = await downloadTemplate(undefined);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await upload(workbook, undefined)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a file that is not a workbook is refused by its content, whatever its name', async () => {
    const res = await gqlUpload(server, IMPORT, { file: null }, { 'variables.file': { name: 'so-lieu.xlsx', content: 'Mã cơ sở,Tổng số giao dịch\nMN-XA-HABAC,400\n' } }, habac);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_XLSX' });
  });

  it('ADMIN downloads the template of the commune they name', async () => {
    const admin = await server.login('admin');
    const communeId = (await server.gql(`{ Facility(id: "${facilities[0].id}") { communeId } }`, {}, admin)).data!.Facility.communeId;
    const workbook = await workbookOf(await downloadTemplate(admin, `communeId=${communeId}`));
    expect(workbook.getWorksheet('Số liệu cơ sở')!.rowCount).toBe(5);
    expect((await downloadTemplate(admin, 'asOf=30/06/2024')).status).toBe(400);
  });
});
