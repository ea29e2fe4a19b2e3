/**
 * The words of a compiled district report, shared by its DOCX and its XLSX appendix: how statuses,
 * periods, thresholds and rates are written, and the pieces of the heading a report of the Culture and
 * Information Office carries under Decree 30/2020/NĐ-CP (Phụ lục I).
 */
import { localDay } from '../../shared/dates.js';
import type { ProgressFigures } from '../assignments/deadline.js';
import { NUMBER_BLANK, planNameAndTopic, shortDate } from '../letters/letter-text.js';
import { TargetStatus } from '../targets/target-status.js';
import type { CompiledReportSnapshot, UnitReportState } from './compiled-report.snapshot.js';

/** The snapshot shape these renderers were written for. */
export const KNOWN_SNAPSHOT_SCHEMA = 1;

/** A snapshot of another shape would be drawn wrong without a word: refuse it instead. */
export function assertKnownSchema(snapshot: CompiledReportSnapshot): void {
  const schema = (snapshot as { schema?: unknown } | null)?.schema;
  if (schema !== KNOWN_SNAPSHOT_SCHEMA) {
    throw new Error(`Không đọc được bản chụp số liệu báo cáo tổng hợp phiên bản ${String(schema)}: chỉ hỗ trợ phiên bản ${KNOWN_SNAPSHOT_SCHEMA}.`);
  }
}

export const TARGET_STATUS_WORDS: Record<`${TargetStatus}`, string> = {
  MET: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  NOT_MET: 'Không đạt',
  NO_DATA: 'Chưa có số liệu',
  NOT_APPLICABLE: 'Không áp dụng',
};

/** The status in words; a target that does not apply says why. */
export function targetStatusInWords(status: TargetStatus, notApplicableReason?: string | null): string {
  const words = TARGET_STATUS_WORDS[status] ?? status;
  return status === TargetStatus.NOT_APPLICABLE && notApplicableReason ? `${words} (${notApplicableReason})` : words;
}

/** The four classes Vietnamese offices report work in, in the order they are reported. */
export const DEADLINE_CLASSES = [
  { key: 'doneOnTime', words: 'Hoàn thành đúng hạn' },
  { key: 'doneLate', words: 'Hoàn thành quá hạn' },
  { key: 'notDoneWithinDeadline', words: 'Chưa hoàn thành trong hạn' },
  { key: 'overdue', words: 'Chưa hoàn thành quá hạn' },
] as const satisfies ReadonlyArray<{ key: keyof ProgressFigures; words: string }>;

export { STATE_WORDS as UNIT_REPORT_STATE_WORDS } from './report-workflow.js';

/** What kind of group an honour went to, as the appendix's honour sheet names it. */
export const HONOUR_KIND_WORDS: Record<NonNullable<CompiledReportSnapshot['honours']>[number]['kind'], string> = {
  FACILITY: 'Trường học, cơ sở y tế',
  UNIT: 'Cơ quan, đơn vị',
};

/** The period by its kind, as a report names itself ("báo cáo 6 tháng", "báo cáo năm"). */
export const PERIOD_WORDS: Record<`${CompiledReportSnapshot['period']}`, string> = {
  SIX_MONTH: '6 tháng',
  ANNUAL: 'năm',
};

export const SECTOR_WORDS: Record<string, string> = {
  EDUCATION: 'Giáo dục',
  HEALTH: 'Y tế',
  EDUCATION_AND_HEALTH: 'Giáo dục và Y tế',
};

/** "Từ 50% trở lên" for AT_LEAST, "Trên 50%" for MORE_THAN, as the plan words its targets; at least 100% is all of them. */
export function thresholdInWords(comparator: string, thresholdPercent: number): string {
  const value = percentText(thresholdPercent);
  if (comparator === 'MORE_THAN') return `Trên ${value}`;
  return thresholdPercent >= 100 ? value : `Từ ${value} trở lên`;
}

/** The comparator as a sign, for the spreadsheet's number format. */
export function comparatorSign(comparator: string): string {
  return comparator === 'MORE_THAN' ? '>' : '≥';
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "62,5%": a percentage (0–100) written the Vietnamese way, with a decimal comma. */
export function percentText(percent: number): string {
  return `${decimal.format(percent)}%`;
}

/** A rate (0–1) as a percentage, or a dash when there is nothing to divide by. */
export function rateText(rate: number | null): string {
  return rate === null ? '–' : percentText(rate * 100);
}

/** The Vietnam calendar day (YYYY-MM-DD) of an ISO instant. */
export function dayOf(instant: string): string {
  return localDay(new Date(instant));
}

/** dd/MM/yyyy of an ISO instant in Vietnam, or null. */
export function instantShortDate(instant: string | null): string | null {
  return instant ? shortDate(dayOf(instant)) : null;
}

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');
const ascii = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The directly superior body, as Decree 30 lets it be abbreviated: "Ủy ban nhân dân huyện Hà Trung" → "UBND HUYỆN HÀ TRUNG". */
export function superiorBody(issuingBody: string): string {
  return upper(issuingBody.trim().replace(/^(ủy|uỷ) ban nhân dân\b/i, 'UBND'));
}

/**
 * The office's symbol after the document kind ("BC-VHTT"): the initials of its name without the word
 * for the kind of office and without "và" ("Phòng Văn hóa và Thông tin" → "VHTT").
 */
export function officeSymbol(officeName: string): string {
  const words = officeName.trim().replace(/^phòng\s+/i, '').split(/\s+/).filter((word) => !/^và$/i.test(word));
  return ascii(words.map((word) => upper(word.charAt(0))).join(''));
}

/** "Số:       /BC-VHTT": the number is left blank, the clerk writes it when the report is issued. */
export function reportNumberLine(officeName: string): string {
  return `Số:${NUMBER_BLANK}/BC-${officeSymbol(officeName)}`;
}

/** The subject (trích yếu) under "BÁO CÁO". */
export function reportSubject(snapshot: Pick<CompiledReportSnapshot, 'plan' | 'periodLabel'>): string {
  return `Kết quả thực hiện ${planNameAndTopic(snapshot.plan)} ${snapshot.periodLabel}`;
}

/** The day the report is dated: the day it was compiled, in Vietnam. */
export function reportDay(snapshot: Pick<CompiledReportSnapshot, 'compiledAt'>): string {
  return dayOf(snapshot.compiledAt);
}

/** "Số liệu tính đến ngày 25/06/2022. Lần tổng hợp thứ 2." */
export function asOfAndVersion(snapshot: Pick<CompiledReportSnapshot, 'asOf' | 'version'>): string {
  return `Số liệu tính đến ngày ${shortDate(snapshot.asOf)}. Lần tổng hợp thứ ${snapshot.version}.`;
}

/** An ASCII file name: "Bao-cao-6-thang-dau-nam-2022-lan-2.docx". */
export function compiledReportFileName(snapshot: Pick<CompiledReportSnapshot, 'periodLabel' | 'version'>, extension: 'docx' | 'xlsx'): string {
  const period = ascii(snapshot.periodLabel).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const kind = extension === 'xlsx' ? 'Phu-luc-bao-cao' : 'Bao-cao';
  return `${kind}-${period}-lan-${snapshot.version}.${extension}`;
}

/** A unit's free text, one paragraph per non-empty line. */
export function paragraphsOf(text: string | null): string[] {
  return (text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}
