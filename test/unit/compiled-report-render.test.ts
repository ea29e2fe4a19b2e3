import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compiledReportDocx } from '../../server/modules/reports/compiled-report.docx.js';
import { compiledReportFileName, reportSubject } from '../../server/modules/reports/compiled-report.render.js';
import type { CompiledReportSnapshot } from '../../server/modules/reports/compiled-report.snapshot.js';
import { HEADER_ROW, SHEETS, compiledReportXlsx } from '../../server/modules/reports/compiled-report.xlsx.js';
import { zipEntries } from '../../server/shared/zip-timestamps.js';
import { buildHonours, buildSnapshot } from '../factories/compiled-report-snapshot.js';

async function docxText(snapshot: CompiledReportSnapshot): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: await compiledReportDocx(snapshot) });
  // mammoth puts a blank line between paragraphs and table cells: one line per paragraph reads better.
  return value.split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n');
}

async function readWorkbook(snapshot: CompiledReportSnapshot) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await compiledReportXlsx(snapshot)) as unknown as ArrayBuffer);
  return workbook;
}

/** The data row whose cells in the given columns hold the given values. */
function rowWhere(sheet: ExcelJS.Worksheet, match: Record<number, string>): ExcelJS.Row {
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (Object.entries(match).every(([column, value]) => row.getCell(Number(column)).value === value)) return row;
  }
  throw new Error(`no row in ${sheet.name} with ${JSON.stringify(match)}`);
}

describe('the compiled district report as a DOCX', () => {
  let text: string;
  beforeAll(async () => {
    text = await docxText(buildSnapshot());
  });

  it('heads the report as Decree 30 asks: the office under the district committee, the national motto, number, place and date', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'UBND HUYỆN HÀ TRUNG',
      'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:       /BC-VHTT',
      // The day it was compiled, in Vietnam: 10:15 on 4 July 2022.
      'Hà Trung, ngày 04 tháng 7 năm 2022',
    ]);
    expect(lines[6]).toBe('BÁO CÁO');
    expect(lines[7]).toBe(
      'Kết quả thực hiện Kế hoạch hỗ trợ, thúc đẩy chuyển đổi số, thanh toán không dùng tiền mặt trong các trường học, ' +
        'cơ sở giáo dục và bệnh viện, cơ sở y tế trên địa bàn huyện Hà Trung 6 tháng đầu năm 2022',
    );
    expect(text).toContain('Kính gửi:\n- Chủ tịch UBND huyện Hà Trung;\n- Sở Thông tin và Truyền thông tỉnh Thanh Hóa.');
  });

  it('says the day the figures are counted as of and which compilation this is', () => {
    expect(text).toContain('Số liệu tính đến ngày 30/06/2022. Lần tổng hợp thứ 2.');
  });

  it('gives the plan’s work in the four deadline classes and the completion rate', () => {
    expect(text).toContain('Tổng số nhiệm vụ đã phân công cho các cơ quan, đơn vị: 25 nhiệm vụ, trong đó:');
    expect(text).toContain(
      '- Hoàn thành đúng hạn: 8 nhiệm vụ;\n- Hoàn thành quá hạn: 4 nhiệm vụ;\n' +
        '- Chưa hoàn thành trong hạn: 7 nhiệm vụ;\n- Chưa hoàn thành quá hạn: 6 nhiệm vụ.',
    );
    expect(text).toContain('Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn (18 nhiệm vụ): 66,7%.');
    // The by-unit table: Xã Hà Bắc's row, then the total.
    expect(text).toContain('Xã Hà Bắc\n6\n1\n2\n1\n2\n60%');
    expect(text).toContain('Tổng cộng\n25\n8\n4\n7\n6\n66,7%');
  });

  it('states each target’s value, threshold and status in words, and why a target does not apply', () => {
    expect(text).toContain('T1\n50% trường học, cơ sở giáo dục trên địa bàn tỉnh sử dụng nền tảng số để chuyển đổi số\n' +
      'Từ 50% trở lên, đến 31/12/2022\n53,8% (7/13)\n13/15\nĐúng tiến độ');
    expect(text).toContain('20% (1/5)\n5/5\nCó nguy cơ không đạt');
    expect(text).toMatch(/T3\n.*\n100%, đến 31\/12\/2022\nChưa có số liệu\n0\/15\nChưa có số liệu/);
    expect(text).toContain('Trên 50%, đến 31/12/2022\n–\n0/0\nKhông áp dụng (Trên địa bàn huyện không có bệnh viện tuyến tỉnh)');
    expect(text).toContain('số liệu của mục tiêu T1, T2, T3 được tính trên dữ liệu minh họa');
  });

  it('gives the results of the accepted unit reports only, and names the units without an accepted report and the late ones', () => {
    expect(text).toContain('3.1. Phòng Giáo dục và Đào tạo');
    expect(text).toContain('35/41 trường học đã triển khai phần mềm quản trị nhà trường.\nTổ chức 02 lớp tập huấn kỹ năng số cho 180 giáo viên.');
    expect(text).toContain('3.3. Xã Hà Bắc');
    expect(text).toContain('7 tệp minh chứng; 5/7 cơ sở đã báo cáo số liệu.');
    expect(text).not.toContain('lắp đặt 12 thiết bị POS');
    expect(text).toContain(
      'Các cơ quan, đơn vị chưa có báo cáo được chấp nhận (3 đơn vị):\n' +
        '- Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện: đã gửi, chờ tiếp nhận;\n' +
        '- Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện Hà Trung: bị trả lại để hoàn thiện;\n' +
        '- Thị trấn Hà Trung: chưa soạn.',
    );
    // 08:45 on 30 June in Hà Trung: the due day itself is already late ("trước ngày 30/6").
    expect(text).toContain('- Văn phòng HĐND và UBND huyện: gửi ngày 30/06/2022, hạn trước ngày 30/06/2022;');
    expect(text).toContain('- Xã Hà Bắc: gửi ngày 01/07/2022, hạn trước ngày 30/06/2022.');
  });

  it('lists the period’s honoured groups in a fourth subsection of I, after the unit reports', async () => {
    const honoured = await docxText(buildSnapshot({ honours: buildHonours() }));
    expect(honoured).toContain(
      '- Xã Hà Bắc: gửi ngày 01/07/2022, hạn trước ngày 30/06/2022.\n' +
        '4. Đánh giá, khen thưởng, vinh danh\n' +
        'Trong kỳ có 3 tập thể được khen thưởng, vinh danh vì chuyển đổi số, thanh toán không dùng tiền mặt thiết thực, hiệu quả:\n' +
        'STT\nTên tập thể\nXã/thị trấn\nThành tích\n' +
        '1\nTrường Tiểu học Hà Bắc\nXã Hà Bắc\nSử dụng nền tảng số trong quản lý nhà trường; 100% học phí được thu không dùng tiền mặt.\n' +
        '2\nTrạm Y tế thị trấn Hà Trung\nThị trấn Hà Trung\nTriển khai hồ sơ sức khỏe điện tử; 78% giao dịch khám, chữa bệnh được thanh toán qua mã QR.\n' +
        '3\nPhòng Giáo dục và Đào tạo\n–\nHoàn thành đúng hạn 100% nhiệm vụ được giao trong Kế hoạch.\n' +
        'II. KHÓ KHĂN, VƯỚNG MẮC',
    );
  });

  it('says so when the period honoured no group, and has no such subsection in a snapshot taken before awards existed', async () => {
    const none = await docxText(buildSnapshot({ honours: [] }));
    expect(none).toContain(
      '4. Đánh giá, khen thưởng, vinh danh\nTrong kỳ chưa có tập thể được khen thưởng, vinh danh.\nII. KHÓ KHĂN, VƯỚNG MẮC',
    );
    expect(text).not.toContain('vinh danh');
  });

  it('gathers the difficulties and proposals of the accepted reports under II and III', () => {
    const difficulties = text.slice(text.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC'), text.indexOf('III. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(difficulties).toContain('- Phòng Giáo dục và Đào tạo: Một số trường vùng xa chưa có đường truyền ổn định.');
    const proposals = text.slice(text.indexOf('III. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(proposals).toContain('- Phòng Giáo dục và Đào tạo: Đề nghị UBND huyện bố trí kinh phí nâng cấp đường truyền cho các trường vùng xa.');
    expect(proposals).toContain('- Văn phòng HĐND và UBND huyện: Đề nghị Sở Thông tin và Truyền thông hỗ trợ tập huấn');
  });

  it('ends with the recipients, the office’s file copy and the head of the office’s signature', () => {
    expect(text).toMatch(
      /Nơi nhận:\n- Chủ tịch UBND huyện Hà Trung \(báo cáo\);\n- Sở Thông tin và Truyền thông tỉnh Thanh Hóa \(báo cáo\);\n- Lưu: VT, VHTT\.\nTRƯỞNG PHÒNG$/,
    );
  });

  it('says so when no unit report has been accepted yet, and the sections still stand', async () => {
    const snapshot = buildSnapshot({
      period: 'ANNUAL' as CompiledReportSnapshot['period'],
      periodLabel: 'năm 2022',
      version: 1,
      unitReports: buildSnapshot().unitReports.map((r) => ({ ...r, state: 'SUBMITTED' as const, late: false, results: null, difficulties: null, proposals: null })),
    });
    const annual = await docxText(snapshot);
    expect(annual).toContain('trên địa bàn huyện Hà Trung năm 2022');
    expect(annual).toContain('Lần tổng hợp thứ 1.');
    expect(annual).toContain('Đến thời điểm tổng hợp, chưa có báo cáo nào của các cơ quan, đơn vị được chấp nhận.');
    expect(annual).toContain('Các cơ quan, đơn vị chưa có báo cáo được chấp nhận (6 đơn vị):');
    expect(annual).toContain('II. KHÓ KHĂN, VƯỚNG MẮC\nCác cơ quan, đơn vị không nêu khó khăn, vướng mắc.');
    expect(annual).toContain('III. ĐỀ XUẤT, KIẾN NGHỊ\nCác cơ quan, đơn vị không có đề xuất, kiến nghị.');
    expect(annual).not.toContain('gửi báo cáo muộn');
  });
});

describe('the compiled district report’s XLSX appendix', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readWorkbook(buildSnapshot());
  });

  it('has the four sheets, each with its headers frozen above the data', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo nhiệm vụ', 'Mục tiêu', 'Báo cáo đơn vị']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(sheet.getCell(2, 1).value).toBe('Số liệu tính đến ngày 30/06/2022. Lần tổng hợp thứ 2. Phòng Văn hóa và Thông tin tổng hợp.');
    }
    const summary = workbook.getWorksheet(SHEETS.summary)!;
    expect(summary.getRow(HEADER_ROW).values).toEqual([
      undefined, 'STT', 'Mã đơn vị', 'Cơ quan, đơn vị', 'Tổng số nhiệm vụ', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn',
      'Chưa hoàn thành trong hạn', 'Chưa hoàn thành quá hạn', 'Đã đến hạn', 'Tỷ lệ hoàn thành (trên số đã đến hạn)',
      'Tỷ lệ chưa hoàn thành quá hạn', 'Tiến độ bình quân',
    ]);
    expect(summary.getColumn(3).width).toBe(44);
  });

  it('sums up the plan and each unit in the four classes, with rates as percentages', () => {
    const summary = workbook.getWorksheet(SHEETS.summary)!;
    const overall = summary.getRow(HEADER_ROW + 1);
    expect(overall.getCell(3).value).toBe('Toàn bộ Kế hoạch');
    expect([4, 5, 6, 7, 8, 9].map((c) => overall.getCell(c).value)).toEqual([25, 8, 4, 7, 6, 18]);
    expect(overall.getCell(10).value).toBeCloseTo(12 / 18, 10);

    const commune = rowWhere(summary, { 2: 'XA-HABAC' });
    expect(commune.getCell(3).value).toBe('Xã Hà Bắc');
    expect([4, 5, 6, 7, 8].map((c) => commune.getCell(c).value)).toEqual([6, 1, 2, 1, 2]);
    expect(commune.getCell(10).value).toBe(0.6);
    expect(commune.getCell(10).numFmt).toBe('0.0%');
    expect(commune.getCell(12).value).toBe(0.4);
    // Nothing come due: no rate rather than 0 %.
    expect(rowWhere(summary, { 2: 'TT-VHTTTDL' }).getCell(10).value).toBeNull();
  });

  it('lists the figures task by task, sub-tasks under their task', () => {
    const tasks = workbook.getWorksheet(SHEETS.tasks)!;
    const subTask = rowWhere(tasks, { 1: '1.1' });
    expect(subTask.getCell(2).value).toBe('Hỗ trợ, thúc đẩy chuyển đổi số trong trường học, cơ sở giáo dục');
    expect(subTask.getCell(3).value).toBe('1');
    expect([4, 5, 6, 7, 8].map((c) => subTask.getCell(c).value)).toEqual([4, 2, 0, 1, 1]);
  });

  it('gives each target for the district and then for every commune, with its percentage and status', () => {
    const targets = workbook.getWorksheet(SHEETS.targets)!;
    const district = rowWhere(targets, { 1: 'T1', 4: 'Toàn huyện' });
    expect(district.getCell(6).value).toBe(0.5);
    expect(district.getCell(6).numFmt).toBe('"≥ "0%');
    expect(district.getCell(7).value).toEqual(new Date('2022-12-31T00:00:00Z'));
    expect(district.getCell(8).value).toBeCloseTo(0.538, 10);
    expect(district.getCell(13).value).toBe('Đúng tiến độ');
    expect(district.getCell(14).value).toContain('Số liệu minh họa');

    const township = rowWhere(targets, { 1: 'T1', 5: 'TT-HATRUNG' });
    expect(township.getCell(4).value).toBe('Thị trấn Hà Trung');
    expect(township.getCell(8).value).toBe(0.625);
    expect(township.getCell(8).numFmt).toBe('0.0%');
    expect([9, 10, 11, 12].map((c) => township.getCell(c).value)).toEqual([5, 8, 8, 8]);
    expect(township.getCell(13).value).toBe('Đạt');
    expect(rowWhere(targets, { 1: 'T1', 5: 'XA-HABAC' }).getCell(13).value).toBe('Có nguy cơ không đạt');

    const notApplicable = rowWhere(targets, { 1: 'T5.2' });
    expect(notApplicable.getCell(6).numFmt).toBe('"> "0%');
    expect(notApplicable.getCell(13).value).toBe('Không áp dụng (Trên địa bàn huyện không có bệnh viện tuyến tỉnh)');
  });

  it('lists every unit report with its state, its days and whether it came late', () => {
    const reports = workbook.getWorksheet(SHEETS.unitReports)!;
    const office = rowWhere(reports, { 2: 'VP-HDND-UBND' });
    expect(office.getCell(4).value).toBe('Đã tiếp nhận');
    expect(office.getCell(5).value).toEqual(new Date('2022-06-30T00:00:00Z'));
    expect(office.getCell(6).value).toEqual(new Date('2022-06-30T00:00:00Z'));
    expect(office.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect(office.getCell(7).value).toEqual(new Date('2022-06-30T00:00:00Z'));
    expect(office.getCell(8).value).toBe('Có');

    const education = rowWhere(reports, { 2: 'PHONG-GDDT' });
    // Submitted at 15:30 on 24 June, accepted at 09:00 on 25 June, Vietnam time.
    expect(education.getCell(6).value).toEqual(new Date('2022-06-24T00:00:00Z'));
    expect(education.getCell(7).value).toEqual(new Date('2022-06-25T00:00:00Z'));
    expect(education.getCell(8).value).toBe('Không');

    const notStarted = rowWhere(reports, { 2: 'TT-HATRUNG' });
    expect(notStarted.getCell(4).value).toBe('Chưa soạn');
    expect(notStarted.getCell(6).value).toBeNull();
  });

  it('adds a fifth sheet listing the honoured groups when the snapshot carries an honour list, even an empty one', async () => {
    const honoured = await readWorkbook(buildSnapshot({ honours: buildHonours() }));
    expect(honoured.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo nhiệm vụ', 'Mục tiêu', 'Báo cáo đơn vị', 'Vinh danh']);
    const sheet = honoured.getWorksheet(SHEETS.honours)!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, 'STT', 'Loại tập thể', 'Tên tập thể', 'Xã/thị trấn', 'Thành tích']);
    expect(sheet.getRow(HEADER_ROW + 1).values).toEqual([
      undefined, 1, 'Trường học, cơ sở y tế', 'Trường Tiểu học Hà Bắc', 'Xã Hà Bắc',
      'Sử dụng nền tảng số trong quản lý nhà trường; 100% học phí được thu không dùng tiền mặt.',
    ]);
    const office = rowWhere(sheet, { 3: 'Phòng Giáo dục và Đào tạo' });
    expect(office.getCell(2).value).toBe('Cơ quan, đơn vị');
    // A district office belongs to no commune: an empty cell, not a dash, so the column filters cleanly.
    expect(office.getCell(4).value).toBeNull();
    expect(sheet.rowCount).toBe(HEADER_ROW + 3);

    const none = (await readWorkbook(buildSnapshot({ honours: [] }))).getWorksheet(SHEETS.honours)!;
    expect(none.getRow(HEADER_ROW).getCell(3).value).toBe('Tên tập thể');
    expect(none.rowCount).toBe(HEADER_ROW);
  });

  it('carries the compilation’s time as its creation time, not the time it was drawn', () => {
    expect(workbook.created).toEqual(new Date('2022-07-04T03:15:42.000Z'));
    expect(workbook.creator).toBe('Phòng Văn hóa và Thông tin');
  });
});

describe('rendering a compiled report', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical files from the same snapshot, whenever it is drawn', async () => {
    const snapshot = buildSnapshot();
    // Only the clock moves; the timers stay real for the libraries' own awaits.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-05T08:00:00Z'));
    const first = { docx: await compiledReportDocx(snapshot), xlsx: await compiledReportXlsx(snapshot) };
    vi.setSystemTime(new Date('2031-03-06T09:31:01Z'));
    const second = { docx: await compiledReportDocx(snapshot), xlsx: await compiledReportXlsx(snapshot) };
    vi.useRealTimers();

    expect(second.docx.equals(first.docx)).toBe(true);
    expect(second.xlsx.equals(first.xlsx)).toBe(true);
    // Every entry is stamped with the compilation's wall-clock time in Hà Trung.
    for (const file of [first.docx, first.xlsx]) {
      expect(new Set(zipEntries(file).map((e) => e.modified))).toEqual(new Set(['2022-07-04T10:15:42']));
    }
    const core = zipEntries(first.docx).find((e) => e.name === 'docProps/core.xml')!.read().toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-07-04T03:15:42Z</dcterms:created>');
    expect(core).toContain(`<dc:title>Báo cáo: ${reportSubject(snapshot)}</dc:title>`);

    // And a different snapshot does give different bytes: the comparison above could fail.
    const next = buildSnapshot({ version: 3 });
    expect((await compiledReportDocx(next)).equals(first.docx)).toBe(false);
    expect((await compiledReportXlsx(next)).equals(first.xlsx)).toBe(false);
  });

  it('draws a snapshot taken before awards existed byte for byte as it was drawn then', async () => {
    // Digests of the files buildSnapshot() gave before the honour list was added. A compiled report
    // already sent must come out the same when downloaded again; a library upgrade that moves these
    // shows here first, and they are taken again only after checking that the text itself did not change.
    const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');
    const snapshot = buildSnapshot();
    expect(snapshot.honours).toBeUndefined();
    expect(sha256(await compiledReportDocx(snapshot))).toBe('c7d46f9575ec1696aea462ece728590001b965e2a4692998dbf7e9d31290696a');
    expect(sha256(await compiledReportXlsx(snapshot))).toBe('1b2ac1d1ed50162aa06424ec9ea9c9226bc12ae33b093781935d445144a48c80');
  });

  it('refuses a snapshot of a shape it does not know', async () => {
    const future = { ...buildSnapshot(), schema: 2 } as unknown as CompiledReportSnapshot;
    await expect(compiledReportDocx(future)).rejects.toThrow(/phiên bản 2/);
    await expect(compiledReportXlsx(future)).rejects.toThrow(/phiên bản 2/);
  });

  it('names the files in ASCII after the period and the compilation', () => {
    expect(compiledReportFileName(buildSnapshot(), 'docx')).toBe('Bao-cao-6-thang-dau-nam-2022-lan-2.docx');
    expect(compiledReportFileName(buildSnapshot({ periodLabel: 'năm 2022', version: 1 }), 'xlsx')).toBe('Phu-luc-bao-cao-nam-2022-lan-1.xlsx');
  });
});
