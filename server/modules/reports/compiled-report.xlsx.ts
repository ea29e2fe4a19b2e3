import ExcelJS, { type Worksheet } from 'exceljs';
import { pinZipTimestamps } from '../../shared/zip-timestamps.js';
import type { ProgressFigures } from '../assignments/deadline.js';
import {
  DEADLINE_CLASSES, HONOUR_KIND_WORDS, PERIOD_WORDS, SECTOR_WORDS, UNIT_REPORT_STATE_WORDS, asOfAndVersion, assertKnownSchema, comparatorSign, dayOf,
  reportSubject, targetStatusInWords,
} from './compiled-report.render.js';
import type { CompiledReportSnapshot } from './compiled-report.snapshot.js';

export const SHEETS = {
  summary: 'Tổng hợp',
  tasks: 'Theo nhiệm vụ',
  targets: 'Mục tiêu',
  unitReports: 'Báo cáo đơn vị',
  honours: 'Vinh danh',
} as const;

/** Rows above the data: the title, the as-of line, then the column headers, which stay frozen. */
export const HEADER_ROW = 3;

const COUNT = '#,##0';
const RATE = '0.0%';
const DATE = 'dd/mm/yyyy';

type Value = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** A Vietnam calendar day as an Excel date: midnight UTC, which exceljs writes as a whole day number. */
const excelDay = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);
/** A percentage (0–100) as the fraction Excel's % format shows. */
const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

function sheet(workbook: ExcelJS.Workbook, name: string, heading: string[], columns: Column[]): Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  heading.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.font = { name: 'Times New Roman', size: 12, bold: i === 0, italic: i > 0 };
  });
  const header = ws.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { name: 'Times New Roman', size: 11, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 45;
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  return ws;
}

/** Points per line of 11-point text, and characters per unit of column width for Times New Roman. */
const LINE_HEIGHT = 15;
const CHARACTERS_PER_WIDTH = 1.3;

/**
 * Excel fits a wrapped row's height when it draws it, but LibreOffice and most viewers take the height
 * stored in the file: a long task title would be drawn over the next row. So the lines are estimated here.
 */
function wrappedHeight(columns: Column[], values: Value[]): number {
  const lines = values.map((value, i) =>
    typeof value === 'string' ? Math.ceil(value.length / (columns[i].width * CHARACTERS_PER_WIDTH)) : 1);
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

function addRows(ws: Worksheet, columns: Column[], rows: Value[][], options: { boldFirst?: boolean } = {}) {
  rows.forEach((values, i) => {
    const row = ws.addRow(values);
    row.font = { name: 'Times New Roman', size: 11, bold: options.boldFirst && i === 0 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = wrappedHeight(columns, values);
    columns.forEach((c, j) => {
      if (c.numFmt) row.getCell(j + 1).numFmt = c.numFmt;
    });
  });
}

const FIGURE_COLUMNS: Column[] = [
  { header: 'Tổng số nhiệm vụ', width: 11, numFmt: COUNT },
  ...DEADLINE_CLASSES.map((c) => ({ header: c.words, width: 13, numFmt: COUNT })),
  { header: 'Đã đến hạn', width: 10, numFmt: COUNT },
  { header: 'Tỷ lệ hoàn thành (trên số đã đến hạn)', width: 14, numFmt: RATE },
  { header: 'Tỷ lệ chưa hoàn thành quá hạn', width: 14, numFmt: RATE },
  { header: 'Tiến độ bình quân', width: 11, numFmt: RATE },
];

const figureValues = (f: ProgressFigures): Value[] => [
  f.total,
  ...DEADLINE_CLASSES.map((c) => f[c.key]),
  f.comeDue,
  f.completionRate,
  f.overdueRate,
  fraction(f.averageProgress),
];

function summarySheet(workbook: ExcelJS.Workbook, snapshot: CompiledReportSnapshot, heading: string[]) {
  const columns: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Mã đơn vị', width: 16 }, { header: 'Cơ quan, đơn vị', width: 44 }, ...FIGURE_COLUMNS,
  ];
  const ws = sheet(workbook, SHEETS.summary, heading, columns);
  addRows(ws, columns, [
    [null, null, 'Toàn bộ Kế hoạch', ...figureValues(snapshot.overall)],
    ...snapshot.byUnit.map((u, i): Value[] => [i + 1, u.unitCode, u.unitName, ...figureValues(u.figures)]),
  ], { boldFirst: true });
}

function taskSheet(workbook: ExcelJS.Workbook, snapshot: CompiledReportSnapshot, heading: string[]) {
  const columns: Column[] = [
    { header: 'Số TT nhiệm vụ', width: 10 }, { header: 'Nhiệm vụ', width: 60 }, { header: 'Thuộc nhiệm vụ', width: 10 }, ...FIGURE_COLUMNS,
  ];
  const ws = sheet(workbook, SHEETS.tasks, heading, columns);
  addRows(ws, columns, snapshot.byTask.map((t): Value[] => [t.taskCode, t.taskTitle, t.parentCode, ...figureValues(t.figures)]));
  // A sub-task is drawn indented under its task, as the plan numbers them.
  snapshot.byTask.forEach((t, i) => {
    if (t.parentCode) ws.getCell(HEADER_ROW + 1 + i, 2).alignment = { vertical: 'top', wrapText: true, indent: 2 };
  });
}

function targetSheet(workbook: ExcelJS.Workbook, snapshot: CompiledReportSnapshot, heading: string[]) {
  const columns: Column[] = [
    { header: 'Mã mục tiêu', width: 8 }, { header: 'Mục tiêu', width: 50 }, { header: 'Lĩnh vực', width: 12 },
    { header: 'Địa bàn', width: 18 }, { header: 'Mã địa bàn', width: 14 }, { header: 'Chỉ tiêu', width: 9 },
    { header: 'Hạn', width: 11, numFmt: DATE }, { header: 'Kết quả', width: 9, numFmt: RATE },
    { header: 'Số cơ sở đạt', width: 9, numFmt: COUNT }, { header: 'Số cơ sở được tính', width: 10, numFmt: COUNT },
    { header: 'Số cơ sở đã báo cáo', width: 10, numFmt: COUNT }, { header: 'Số cơ sở thuộc phạm vi', width: 10, numFmt: COUNT },
    { header: 'Đánh giá', width: 22 }, { header: 'Ghi chú', width: 40 },
  ];
  const ws = sheet(workbook, SHEETS.targets, heading, columns);
  for (const t of snapshot.targets) {
    const sector = SECTOR_WORDS[t.sector] ?? t.sector;
    const note = [t.basedOnDemoData ? 'Số liệu minh họa, chưa phải số liệu chính thức.' : '', t.note ?? ''].filter(Boolean).join(' ');
    const first = ws.rowCount + 1;
    addRows(ws, columns, [
      [t.code, t.title, sector, 'Toàn huyện', null, t.thresholdPercent / 100, excelDay(t.deadline), fraction(t.valuePercent),
        t.numerator, t.denominator, t.facilitiesCounted, t.facilitiesInScope, targetStatusInWords(t.status, t.notApplicableReason), note || null],
      ...t.byCommune.map((c): Value[] => [
        t.code, t.title, sector, c.communeName, c.communeCode, t.thresholdPercent / 100, excelDay(t.deadline), fraction(c.valuePercent),
        c.numerator, c.denominator, c.facilitiesCounted, c.facilitiesInScope, targetStatusInWords(c.status), null,
      ]),
    ], { boldFirst: true });
    // The threshold keeps its comparator ("≥ 50%", "> 50%") and stays a number Excel can compare.
    for (let r = first; r <= ws.rowCount; r++) ws.getCell(r, 6).numFmt = `"${comparatorSign(t.comparator)} "0%`;
  }
}

function unitReportSheet(workbook: ExcelJS.Workbook, snapshot: CompiledReportSnapshot, heading: string[]) {
  const columns: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Mã đơn vị', width: 16 }, { header: 'Cơ quan, đơn vị', width: 44 },
    { header: 'Tình trạng báo cáo', width: 26 }, { header: 'Hạn (gửi trước ngày)', width: 12, numFmt: DATE },
    { header: 'Ngày gửi', width: 12, numFmt: DATE }, { header: 'Ngày chấp nhận', width: 12, numFmt: DATE },
    { header: 'Gửi muộn', width: 9 },
  ];
  const ws = sheet(workbook, SHEETS.unitReports, heading, columns);
  addRows(ws, columns, snapshot.unitReports.map((r, i): Value[] => [
    i + 1, r.unitCode, r.unitName, UNIT_REPORT_STATE_WORDS[r.state], excelDay(r.dueBefore),
    excelDay(r.submittedAt && dayOf(r.submittedAt)), excelDay(r.acceptedAt && dayOf(r.acceptedAt)), r.late ? 'Có' : 'Không',
  ]));
}

function honourSheet(workbook: ExcelJS.Workbook, honours: NonNullable<CompiledReportSnapshot['honours']>, heading: string[]) {
  const columns: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Loại tập thể', width: 20 }, { header: 'Tên tập thể', width: 40 },
    { header: 'Xã/thị trấn', width: 20 }, { header: 'Thành tích', width: 70 },
  ];
  const ws = sheet(workbook, SHEETS.honours, heading, columns);
  addRows(ws, columns, honours.map((h, i): Value[] => [i + 1, HONOUR_KIND_WORDS[h.kind], h.name, h.communeName, h.achievement]));
}

/** The report's appendix as an XLSX workbook, drawn from the snapshot alone: the same snapshot gives the same bytes. */
export async function compiledReportXlsx(snapshot: CompiledReportSnapshot): Promise<Buffer> {
  assertKnownSchema(snapshot);
  const at = new Date(snapshot.compiledAt);
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, {
    creator: snapshot.compiledByUnit,
    lastModifiedBy: snapshot.compiledByName ?? snapshot.compiledByUnit,
    created: at,
    modified: at,
    title: `Phụ lục số liệu: ${reportSubject(snapshot)}`,
    subject: asOfAndVersion(snapshot),
    company: snapshot.compiledByUnit,
  });
  const heading = [
    `PHỤ LỤC SỐ LIỆU BÁO CÁO ${PERIOD_WORDS[snapshot.period].toLocaleUpperCase('vi-VN')}: ${reportSubject(snapshot)}`,
    `${asOfAndVersion(snapshot)} ${snapshot.compiledByUnit} tổng hợp.`,
  ];
  summarySheet(workbook, snapshot, heading);
  taskSheet(workbook, snapshot, heading);
  targetSheet(workbook, snapshot, heading);
  unitReportSheet(workbook, snapshot, heading);
  // Only snapshots taken since awards existed carry the list; older ones keep their four sheets, byte for byte.
  if (snapshot.honours) honourSheet(workbook, snapshot.honours, heading);
  return pinZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}
