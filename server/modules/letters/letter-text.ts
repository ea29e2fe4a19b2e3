/**
 * The words of an urging letter, as pure functions of the plan, the unit and the day, in the style of
 * Decree 30/2020/NĐ-CP (công tác văn thư), Phụ lục I: how the issuing body, the place and date, the
 * subject line and the signer's title are written on an administrative letter (công văn).
 */
import { AssignmentStatus } from '../assignments/assignment.entity.js';

export interface PlanForLetter {
  number?: string | null;
  title: string;
  issuingBody: string;
  issueDate?: string | null;
  issuePlaceAndDate?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
}

const upper = (text: string) => text.toLocaleUpperCase('vi-VN');
const lowerFirst = (text: string) => (text ? text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1) : text);

/** The issuing body as the letterhead writes it: in capitals. */
export function letterhead(issuingBody: string): string {
  return upper(issuingBody.trim());
}

/** A people's committee on two lines, as its own documents head them: "ỦY BAN NHÂN DÂN" over "HUYỆN HÀ TRUNG". */
export function letterheadLines(issuingBody: string): string[] {
  const committee = /^((?:ủy|uỷ) ban nhân dân)\s+(.+)$/i.exec(issuingBody.trim());
  return committee ? [upper(committee[1]), upper(committee[2])] : [letterhead(issuingBody)];
}

/**
 * "UBND" for a people's committee, otherwise the initials of the body's name: the symbol that follows
 * the number (Số: …/UBND-VP). The clerk writes the number itself when the letter is registered.
 */
export function bodySymbol(issuingBody: string): string {
  if (/^(ủy|uỷ) ban nhân dân\b/i.test(issuingBody.trim())) return 'UBND';
  return issuingBody
    .trim()
    .split(/\s+/)
    .map((word) => upper(word.charAt(0)))
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D');
}

/** The office that drafts and keeps the letters of a people's committee: its Office (Văn phòng). */
export const DRAFTING_OFFICE = 'VP';

/** Where the number goes on an unnumbered document: the clerk writes it in when the document is issued. */
export const NUMBER_BLANK = ' '.repeat(7);

/** "Số:      /UBND-VP": the number is left blank, the clerk fills it in when the letter is issued. */
export function numberLine(issuingBody: string): string {
  return `Số:${NUMBER_BLANK}/${bodySymbol(issuingBody)}-${DRAFTING_OFFICE}`;
}

const LOCALITY = /^(ủy|uỷ) ban nhân dân\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/i;

/**
 * "UBND huyện" for "Ủy ban nhân dân huyện Hà Trung": how the committee's own documents name it and its
 * office ("Chánh Văn phòng HĐND và UBND huyện"). Any other body keeps its full name.
 */
export function committeeShortName(issuingBody: string): string {
  const locality = LOCALITY.exec(issuingBody.trim());
  return locality ? `UBND ${locality[2].toLocaleLowerCase('vi-VN')}` : issuingBody.trim();
}

/** The place name of the date line: from the plan's own "Hà Trung, tháng 4 năm 2022", or the issuing body's locality. */
export function placeName(plan: PlanForLetter): string {
  const fromPlan = plan.issuePlaceAndDate?.split(',')[0]?.trim();
  if (fromPlan && !/^ngày\b|^tháng\b/i.test(fromPlan)) return fromPlan;
  return plan.issuingBody.trim().replace(LOCALITY, '');
}

/** Decree 30: a day below 10 and a month below 3 are written with a leading zero ("ngày 05 tháng 01", "tháng 4"). */
export function longDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const d = date < 10 ? `0${date}` : String(date);
  const m = month < 3 ? `0${month}` : String(month);
  return `ngày ${d} tháng ${m} năm ${year}`;
}

export function placeAndDate(plan: PlanForLetter, day: string): string {
  return `${placeName(plan)}, ${longDate(day)}`;
}

/** dd/MM/yyyy */
export function shortDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "Kế hoạch số 97/KH-UBND", or the plan's title when it was filed without a number. */
export function planName(plan: PlanForLetter): string {
  if (plan.number) return `Kế hoạch số ${plan.number}`;
  return /^kế hoạch\b/i.test(plan.title) ? plan.title : `Kế hoạch ${lowerFirst(plan.title)}`;
}

/** "Kế hoạch số 97/KH-UBND về hỗ trợ, …": a numbered plan says what it is about; an unnumbered one is named by its title already. */
export function planNameAndTopic(plan: PlanForLetter): string {
  const topic = plan.number ? ` về ${plan.title.replace(/^kế hoạch\s+/i, '')}` : '';
  return `${planName(plan)}${topic}`;
}

/** The subject line (trích yếu) under the number. */
export function subjectLine(plan: PlanForLetter): string {
  return `V/v đôn đốc thực hiện ${planName(plan)}`;
}

/** When the plan was issued, as the citation says it: its date, or the month written on an undated plan. */
function issuedWhen(plan: PlanForLetter): string | null {
  if (plan.issueDate) return `ngày ${shortDate(plan.issueDate)}`;
  const written = plan.issuePlaceAndDate?.split(',').slice(1).join(',').trim();
  return written || null;
}

/** "Kế hoạch số 97/KH-UBND ngày 12/4/2022 của Ủy ban nhân dân huyện Hà Trung về …": the plan cited by the body. */
export function planCitation(plan: PlanForLetter): string {
  const topic = lowerFirst(plan.title.replace(/^kế hoạch\s+/i, ''));
  const when = issuedWhen(plan);
  return `Kế hoạch${plan.number ? ` số ${plan.number}` : ''}${when ? ` ${when}` : ''} của ${plan.issuingBody} về ${topic}`;
}

/** "KT. Chủ tịch — Phó Chủ tịch" → ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]: one line per level of authority. */
export function signerTitleLines(signerTitle?: string | null): string[] {
  const lines = (signerTitle ?? '')
    .split(/\s*[—–/\n]\s*|\s+-\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length ? lines.map(upper) : ['CHỦ TỊCH'];
}

const STATUS_WORDS: Partial<Record<AssignmentStatus, string>> = {
  [AssignmentStatus.NOT_STARTED]: 'Chưa triển khai',
  [AssignmentStatus.IN_PROGRESS]: 'Đang thực hiện',
  [AssignmentStatus.BLOCKED]: 'Đang vướng mắc',
};

export function statusInWords(status: AssignmentStatus, progress: number): string {
  const words = STATUS_WORDS[status] ?? status;
  return status === AssignmentStatus.IN_PROGRESS ? `${words} (${progress}%)` : words;
}

/** An ASCII file name: clients that ignore the UTF-8 form of Content-Disposition still get a readable one. */
export function letterFileName(unitCode: string, day: string): string {
  const [y, m, d] = day.split('-');
  const code = unitCode
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-');
  return `Don-doc-${code}-${d}-${m}-${y}.docx`;
}
