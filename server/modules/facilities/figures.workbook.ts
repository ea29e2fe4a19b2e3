import type { Cell, Workbook, Worksheet } from 'exceljs';
import { formatViDate, isValidDay } from '../../shared/dates.js';
import { FacilityLevel, FacilitySector } from './facility.entity.js';
import { CASHLESS_CHANNEL_LABEL, DIGITAL_PLATFORM_LABEL, FACILITY_LEVEL_LABEL, FACILITY_SECTOR_LABEL } from './facility-labels.js';
import type { Figures } from './figures.js';
import { CashlessChannel, DigitalPlatform, PLATFORMS_BY_SECTOR } from './indicator-value.entity.js';

/** One refusal in an imported workbook: the Excel row number and the column's header, as the user sees them. */
export interface ImportProblem {
  row: number;
  column: string | null;
  /** The cell's address (e.g. "Q7") when the problem is in one cell. */
  cell: string | null;
  message: string;
  /** BAD_USER_INPUT, FORBIDDEN or CONFLICT, as reportIndicatorValue would answer for the same row. */
  code: string;
}

export interface TemplateFacility {
  code: string;
  name: string;
  sector: FacilitySector;
  level: FacilityLevel;
}

export interface ParsedRow {
  row: number;
  code: string;
  /** Null when a cell could not be read at all; its problems are then in `problems`. */
  figures: Figures | null;
  problems: ImportProblem[];
}

export const SHEET_NAME = 'Số liệu cơ sở';
export const GUIDE_SHEET_NAME = 'Hướng dẫn';
const YES = 'Có';
const NO = 'Không';

// Typed by the enums, so a value added to an enum without its Vietnamese name fails to compile.
export const SECTOR_LABEL: Record<FacilitySector, string> = FACILITY_SECTOR_LABEL;
export const LEVEL_LABEL: Record<FacilityLevel, string> = FACILITY_LEVEL_LABEL;
const PLATFORM_LABEL: Record<DigitalPlatform, string> = DIGITAL_PLATFORM_LABEL;
const CHANNEL_LABEL: Record<CashlessChannel, string> = CASHLESS_CHANNEL_LABEL;

type Kind = 'fixed' | 'date' | 'yesno' | 'count' | 'amount' | 'text';
interface Column {
  key: string;
  header: string;
  kind: Kind;
  width: number;
  guide: string;
  platform?: DigitalPlatform;
  channel?: CashlessChannel;
}

/**
 * One yes/no column per platform category and per channel rather than a delimited list: Excel's
 * dropdown picks one value per cell, and a column per choice is what the validation can check.
 */
export const COLUMNS: Column[] = [
  { key: 'code', header: 'Mã cơ sở', kind: 'fixed', width: 18, guide: 'Mã của cơ sở trong hệ thống. Không sửa: số liệu được ghi cho cơ sở có mã này.' },
  { key: 'name', header: 'Tên cơ sở', kind: 'fixed', width: 34, guide: 'Để đối chiếu, không sửa.' },
  { key: 'level', header: 'Cấp học / tuyến', kind: 'fixed', width: 18, guide: 'Để đối chiếu, không sửa.' },
  { key: 'sector', header: 'Lĩnh vực', kind: 'fixed', width: 11, guide: 'Giáo dục hoặc Y tế; quyết định các loại nền tảng số được chọn. Không sửa.' },
  { key: 'periodStart', header: 'Đầu kỳ (dd/mm/yyyy)', kind: 'date', width: 14, guide: 'Ngày đầu kỳ báo cáo, dạng ngày/tháng/năm, ví dụ 01/01/2023.' },
  {
    key: 'periodEnd', header: 'Cuối kỳ - ngày chốt (dd/mm/yyyy)', kind: 'date', width: 16,
    guide: 'Ngày cuối kỳ, là ngày chốt số liệu; không sau hôm nay và không trước đầu kỳ. Mỗi cơ sở chỉ có một bản số liệu cho mỗi ngày chốt; muốn sửa số liệu đã nhập, dùng chức năng "Điều chỉnh" trên trang Số liệu cơ sở.',
  },
  ...Object.values(DigitalPlatform).map((platform): Column => ({
    key: `platform:${platform}`, header: `Nền tảng: ${PLATFORM_LABEL[platform]}`, kind: 'yesno', width: 16, platform,
    guide: `Có / Không: cơ sở đang dùng nền tảng số loại "${PLATFORM_LABEL[platform]}". Chỉ dành cho cơ sở ${
      PLATFORMS_BY_SECTOR.EDUCATION.includes(platform) ? 'giáo dục' : 'y tế'
    } (ô của cơ sở lĩnh vực khác được tô xám, để trống).`,
  })),
  ...Object.values(CashlessChannel).map((channel): Column => ({
    key: `channel:${channel}`, header: `Thanh toán: ${CHANNEL_LABEL[channel]}`, kind: 'yesno', width: 14, channel,
    guide: `Có / Không: cơ sở nhận thanh toán không dùng tiền mặt qua kênh "${CHANNEL_LABEL[channel]}".`,
  })),
  { key: 'cashlessTransactions', header: 'Số giao dịch không dùng tiền mặt', kind: 'count', width: 16, guide: 'Số nguyên không âm, không lớn hơn tổng số giao dịch.' },
  { key: 'totalTransactions', header: 'Tổng số giao dịch', kind: 'count', width: 14, guide: 'Tổng số giao dịch thu, chi trong kỳ (số nguyên không âm, tối đa 100 000 000).' },
  { key: 'cashlessAmount', header: 'Giá trị không dùng tiền mặt (đồng)', kind: 'amount', width: 20, guide: 'Số tiền (đồng), số nguyên không âm, không lớn hơn tổng giá trị.' },
  { key: 'totalAmount', header: 'Tổng giá trị giao dịch (đồng)', kind: 'amount', width: 20, guide: 'Tổng số tiền giao dịch trong kỳ (đồng), số nguyên không âm.' },
  { key: 'focalPersonName', header: 'Đầu mối thanh toán: họ tên', kind: 'text', width: 24, guide: 'Không bắt buộc. Họ tên người đầu mối về thanh toán không dùng tiền mặt (2–255 ký tự).' },
  { key: 'focalPersonPhone', header: 'Đầu mối thanh toán: điện thoại', kind: 'text', width: 18, guide: 'Không bắt buộc. Chỉ gồm chữ số (có thể có dấu cách, dấu chấm, dấu + ở đầu), ví dụ 0912 345 678.' },
];

/** Which column a refusal of reportIndicatorValue is about, from the argument it names. */
export function columnOfArgument(argument: unknown): Column | null {
  const property = typeof argument === 'string' ? argument.replace(/^input\./, '') : '';
  if (property === 'digitalPlatforms') return COLUMNS.find((c) => c.platform) ?? null;
  if (property === 'cashlessChannels') return COLUMNS.find((c) => c.channel) ?? null;
  return COLUMNS.find((c) => c.key === property) ?? null;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

async function newWorkbook(): Promise<Workbook> {
  // Loaded on first use rather than at start: it is one of the largest modules.
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/**
 * The entry template: one row per facility, the facility's own columns locked and grey, the input
 * columns open with dropdowns and checks Excel applies as the user types. The sheet is protected
 * without a password: protection only guards against editing the wrong cell by accident.
 */
export async function buildTemplate(
  communeName: string,
  facilities: TemplateFacility[],
  period: { periodStart?: string; periodEnd?: string },
): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Tiến độ';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 48;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });

  facilities.forEach((facility, i) => {
    const row = sheet.getRow(i + 2);
    COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const inapplicable = column.platform && !PLATFORMS_BY_SECTOR[facility.sector].includes(column.platform);
      if (column.kind === 'fixed' || inapplicable) {
        cell.fill = GREY;
        if (column.key === 'code') cell.value = facility.code;
        if (column.key === 'name') cell.value = facility.name;
        if (column.key === 'level') cell.value = LEVEL_LABEL[facility.level];
        if (column.key === 'sector') cell.value = SECTOR_LABEL[facility.sector];
        return;
      }
      cell.protection = { locked: false };
      inputRules(cell, column);
      if (column.key === 'periodStart' && period.periodStart) cell.value = utcDate(period.periodStart);
      if (column.key === 'periodEnd' && period.periodEnd) cell.value = utcDate(period.periodEnd);
    });
  });
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [{ header: 'Cột', width: 38 }, { header: 'Cách điền', width: 100 }];
  guide.getRow(1).font = { bold: true };
  guide.addRow([]);
  for (const line of [
    `Mẫu nhập số liệu cơ sở của ${communeName}${period.periodEnd ? `, kỳ chốt ngày ${formatViDate(period.periodEnd)}` : ''}.`,
    'Mỗi dòng là một cơ sở. Các cột tô xám là thông tin của cơ sở, không sửa. Dòng chưa điền số liệu nào (chỉ có ngày đầu kỳ, cuối kỳ) được bỏ qua.',
    'Ngày ghi dạng ngày/tháng/năm (dd/mm/yyyy). Các cột "Có / Không" chọn trong danh sách; để trống là Không.',
    'Khi tải lên, mọi dòng được kiểm tra trước: chỉ cần một dòng sai thì không dòng nào được ghi, và hệ thống liệt kê từng lỗi theo dòng và cột để sửa rồi tải lên lại.',
  ]) {
    guide.addRow(['', line]).getCell(2).alignment = { wrapText: true };
  }
  guide.addRow([]);
  for (const column of COLUMNS) guide.addRow([column.header, column.guide]).getCell(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function inputRules(cell: Cell, column: Column): void {
  switch (column.kind) {
    case 'date':
      cell.numFmt = 'dd/mm/yyyy';
      cell.dataValidation = {
        type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true, errorTitle: 'Ngày không hợp lệ', error: 'Nhập ngày dạng dd/mm/yyyy, từ năm 2000.',
      };
      return;
    case 'yesno':
      cell.dataValidation = {
        type: 'list', allowBlank: true, formulae: [`"${YES},${NO}"`],
        showErrorMessage: true, errorTitle: 'Chọn Có hoặc Không', error: 'Chọn Có hoặc Không trong danh sách (để trống là Không).',
      };
      return;
    case 'count':
    case 'amount':
      cell.numFmt = '#,##0';
      cell.dataValidation = {
        type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0],
        showErrorMessage: true, errorTitle: 'Số không hợp lệ', error: 'Nhập số nguyên không âm.',
      };
      return;
    case 'text':
      // Text, so a phone number keeps its leading zero.
      cell.numFmt = '@';
      return;
    default:
  }
}

/** An XLSX file is a zip whose entries include the workbook part; the names sit uncompressed in the archive. */
export function looksLikeXlsx(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && bytes.includes('xl/workbook.xml') && bytes.includes('[Content_Types].xml');
}

export class UnreadableWorkbook extends Error {}

/** What Excel stores in a cell, reduced to a plain value: formulas to their result, rich text to its text. */
function plain(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: unknown };
    if ('result' in v) return plain(v.result);
    if (v.richText) return plain(v.richText.map((r) => r.text).join(''));
    if ('text' in v) return plain(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * Excel writes U+0000 as the escape _x0000_, which the reader turns back into the character; PostgreSQL
 * refuses it in any text (codes are looked up, names stored), so it is a problem of its cell.
 */
const hasNul = (value: unknown) => typeof value === 'string' && value.includes('\u0000');
const NUL_IN_CELL = 'Ô có ký tự NUL (\\u0000, trong Excel là _x0000_) không hợp lệ: hãy gõ lại nội dung ô.';

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
const YES_WORDS = new Set(['co', 'x', 'yes', 'y', '1', 'true']);
const NO_WORDS = new Set(['khong', 'no', 'n', '0', 'false', '-']);

/**
 * Reads every filled row of the entry sheet. A cell that cannot be read as its column's type is a
 * problem of its own; rules about the figures as a whole are left to the service, which applies
 * the same checks as reportIndicatorValue.
 */
export async function readFiguresWorkbook(bytes: Buffer, maxRows: number): Promise<{ rows: ParsedRow[]; problems: ImportProblem[]; skipped: number }> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbook();
  }
  const sheet: Worksheet | undefined = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets.find((s) => s.name !== GUIDE_SHEET_NAME);
  if (!sheet) throw new UnreadableWorkbook();

  // Columns are found by their headers, so a sheet whose columns were moved still reads right.
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = plain(cell.value);
    if (typeof text === 'string') at.set(text, col);
  });
  const missing = COLUMNS.filter((c) => (c.kind !== 'fixed' || c.key === 'code') && !at.has(c.header));
  if (missing.length) {
    return {
      rows: [],
      skipped: 0,
      problems: missing.map((c) => ({ row: 1, column: c.header, cell: null, code: 'BAD_USER_INPUT', message: `Thiếu cột "${c.header}". Hãy dùng mẫu tải từ hệ thống.` })),
    };
  }

  const rows: ParsedRow[] = [];
  const problems: ImportProblem[] = [];
  let skipped = 0;
  const inputs = COLUMNS.filter((c) => c.kind !== 'fixed');
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const value = (c: Column) => plain(row.getCell(at.get(c.header)!).value);
    const address = (c: Column) => `${columnLetter(at.get(c.header)! - 1)}${r}`;
    const code = value(COLUMNS[0]);
    // The template pre-fills the period, so a row counts as filled only when a figure or answer is in it.
    if (inputs.every((c) => c.kind === 'date' || value(c) === null)) {
      if (code !== null) skipped++;
      continue;
    }
    if (rows.length >= maxRows) {
      problems.push({ row: r, column: null, cell: null, code: 'BAD_USER_INPUT', message: `Mỗi lần chỉ nhập tối đa ${maxRows} dòng.` });
      break;
    }
    const rowProblems: ImportProblem[] = [];
    const problem = (c: Column, message: string) => rowProblems.push({ row: r, column: c.header, cell: address(c), code: 'BAD_USER_INPUT', message });
    if (code === null) problem(COLUMNS[0], 'Thiếu mã cơ sở.');
    else if (hasNul(code)) problem(COLUMNS[0], NUL_IN_CELL);

    const read: Record<string, unknown> = {};
    const platforms: DigitalPlatform[] = [];
    const channels: CashlessChannel[] = [];
    for (const c of inputs) {
      const v = value(c);
      if (hasNul(v)) {
        problem(c, NUL_IN_CELL);
        continue;
      }
      switch (c.kind) {
        case 'date': {
          const day = readDay(v);
          if (day === undefined) problem(c, `Ngày không hợp lệ: "${String(v)}". Ghi dạng dd/mm/yyyy, ví dụ 30/06/2023.`);
          else if (day === null) problem(c, 'Thiếu ngày.');
          else read[c.key] = day;
          break;
        }
        case 'yesno': {
          const word = v === null ? 'khong' : typeof v === 'boolean' ? (v ? 'co' : 'khong') : fold(String(v));
          if (YES_WORDS.has(word)) {
            if (c.platform) platforms.push(c.platform);
            if (c.channel) channels.push(c.channel);
          } else if (!NO_WORDS.has(word)) problem(c, `Chỉ ghi "${YES}" hoặc "${NO}" (đang là "${String(v)}").`);
          break;
        }
        case 'count':
        case 'amount': {
          const n = readWhole(v);
          if (n === undefined) problem(c, `Phải là số nguyên không âm (đang là "${String(v)}").`);
          else if (n === null) problem(c, 'Thiếu số liệu.');
          else read[c.key] = n;
          break;
        }
        case 'text':
          read[c.key] = v === null ? null : String(v);
          break;
        default:
      }
    }
    const figures = rowProblems.length
      ? null
      : ({ ...read, digitalPlatforms: platforms, cashlessChannels: channels } as unknown as Figures);
    rows.push({ row: r, code: code === null || hasNul(code) ? '' : String(code).trim(), figures, problems: rowProblems });
  }
  return { rows, problems, skipped };
}

/** A day from a date cell (Excel stores days at UTC midnight), dd/mm/yyyy text or YYYY-MM-DD; null if blank, undefined if unreadable. */
function readDay(v: ReturnType<typeof plain>): string | null | undefined {
  if (v === null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    // A time of day from a formula like NOW() rounds to the nearest day rather than slipping a day back.
    return new Date(Math.round(v.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = String(v).trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const day = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : text;
  return isValidDay(day) ? day : undefined;
}

function readWhole(v: ReturnType<typeof plain>): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  // Typed as text with Vietnamese or English thousands separators: 1.234.567 or 1,234,567 or 1 234 567.
  const text = String(v).trim();
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(text)) return undefined;
  const n = Number(text.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
