/**
 * The draft award decision as DOCX: an individual decision (quyết định cá biệt) of the district
 * chairman in the layout of Decree 30/2020/NĐ-CP, Phụ lục I, giving a certificate of merit (Giấy khen)
 * to the schools, health facilities and units the plan's part III.3 asks to be honoured for practical,
 * effective digital transformation and cashless payment. Drawn from the content alone: the same
 * content gives the same bytes.
 */
import { Document, type Paragraph, type Table } from 'docx';
import { isValidDay } from '../../shared/dates.js';
import {
  A4_PAGE, FONT, LEFT_COLUMN, TEXT_WIDTH, grid, headingTable, line, mm, packFixed, pt, rule, signatureTable, type GridColumn,
} from '../letters/decree30.docx.js';
import {
  NUMBER_BLANK, bodySymbol, committeeShortName, letterheadLines, placeAndDate, planCitation, planNameAndTopic,
  signerTitleLines,
} from '../letters/letter-text.js';
import type { AwardDecisionContent, HonouredEntry } from './award-decision.content.js';

const INDENT = mm(10);
const paragraph = (text: string, options: { italics?: boolean; after?: number } = {}) =>
  line({ text, italics: options.italics }, { align: 'both', indent: INDENT, before: 60, after: options.after ?? 0 });
const article = (number: number, text: string, after = 0) =>
  line([{ text: `Điều ${number}. `, bold: true }, { text }], { align: 'both', indent: INDENT, before: 120, after });

/**
 * "Số: 125/QĐ-UBND" from what the clerk typed ("125", "125/QĐ-UBND", "Số: 125/QĐ-UBND"), or the
 * blank the clerk writes the number into when the decision is registered.
 */
export function decisionNumberLine(issuingBody: string, typed: string): string {
  const symbol = `QĐ-${bodySymbol(issuingBody)}`;
  const number = typed.trim().replace(/^số\s*:?\s*/i, '');
  if (!number) return `Số:${NUMBER_BLANK}/${symbol}`;
  return number.includes('/') ? `Số: ${number}` : `Số: ${number}/${symbol}`;
}

/** The trích yếu under "QUYẾT ĐỊNH". */
export function decisionSubject(content: Pick<AwardDecisionContent, 'plan' | 'periodLabel'>): string {
  return `Về việc khen thưởng tập thể có thành tích trong thực hiện ${planNameAndTopic(content.plan)} ${content.periodLabel}`;
}

/**
 * The emulation and commendation law the decision rests on, as in force on its day: the 2022 law and
 * its Decree 98/2023 replaced the 2003 law (amended 2005, 2013) and Decree 91/2017 on 1 January 2024.
 */
function commendationLaw(day: string): string[] {
  if (day >= '2024-01-01') {
    return [
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ];
  }
  return [
    'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ' +
      'ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
    'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ];
}

/** The "Căn cứ" lines: each ends with a semicolon, the proposal that closes them with a full stop (Decree 30). */
function legalBases(content: AwardDecisionContent): string[] {
  return [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của ' +
      'Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    ...commendationLaw(content.decisionDate),
    `Căn cứ ${planCitation(content.plan)};`,
    'Xét đề nghị của Trưởng phòng Văn hóa và Thông tin.',
  ];
}

/** Administrative documents write a count below ten with a leading zero: "03 tập thể". */
const countText = (count: number) => (count < 10 ? `0${count}` : String(count));

function heading(content: AwardDecisionContent) {
  const { plan } = content;
  return headingTable({
    issuer: [
      ...letterheadLines(plan.issuingBody).map((text) => line({ text, size: 13, bold: true }, { align: 'center' })),
      rule(LEFT_COLUMN),
    ],
    number: [line({ text: decisionNumberLine(plan.issuingBody, content.decisionNumber), size: 13 }, { align: 'center' })],
    date: [line({ text: placeAndDate(plan, content.decisionDate), italics: true }, { align: 'center' })],
  });
}

function title(content: AwardDecisionContent): Paragraph[] {
  return [
    line({ text: 'QUYẾT ĐỊNH', bold: true }, { align: 'center', before: 360 }),
    line({ text: decisionSubject(content), bold: true }, { align: 'center' }),
    rule(TEXT_WIDTH),
    line({ text: `Chủ tịch ${content.plan.issuingBody.trim()}`.toLocaleUpperCase('vi-VN'), bold: true }, { align: 'center', before: 120, after: 120 }),
    ...legalBases(content).map((text) => paragraph(text, { italics: true })),
    line({ text: 'QUYẾT ĐỊNH:', bold: true }, { align: 'center', before: 240, after: 120 }),
  ];
}

const HONOURED_COLUMNS: GridColumn[] = [
  { title: 'STT', share: 0.08 },
  { title: 'Tên tập thể', share: 0.3, left: true },
  { title: 'Xã/thị trấn', share: 0.16 },
  { title: 'Thành tích', share: 0.46, left: true },
];

function honouredTable(honoured: HonouredEntry[]) {
  return grid(
    HONOURED_COLUMNS,
    // A district office or unit belongs to no commune.
    honoured.map((h, i) => [String(i + 1), h.name, h.communeName ?? '–', h.achievement]),
    { headerSize: 12, size: 12 },
  );
}

function articles(content: AwardDecisionContent): Array<Paragraph | Table> {
  const committee = committeeShortName(content.plan.issuingBody);
  return [
    article(
      1,
      // The plan is named in the subject and cited in full above; the article says what the plan's III.3 rewards.
      `Tặng Giấy khen của Chủ tịch ${committee} cho ${countText(content.honoured.length)} tập thể đã có thành tích trong ` +
        `chuyển đổi số, thanh toán không dùng tiền mặt thiết thực, hiệu quả trong ${content.periodLabel}:`,
      120,
    ),
    honouredTable(content.honoured),
    article(
      2,
      'Kèm theo Giấy khen, mỗi tập thể được thưởng theo quy định của pháp luật về thi đua, khen thưởng. ' +
        `Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng của ${committee}.`,
    ),
    article(
      3,
      `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và ${committee}, Trưởng phòng Nội vụ, ` +
        'Trưởng phòng Văn hóa và Thông tin, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể có tên tại Điều 1 ' +
        'chịu trách nhiệm thi hành Quyết định này./.',
      240,
    ),
  ];
}

function signature(content: AwardDecisionContent) {
  const { plan } = content;
  return signatureTable({
    recipients: ['- Như Điều 3;', `- Chủ tịch, các PCT ${committeeShortName(plan.issuingBody)};`, '- Lưu: VT.'],
    titleLines: signerTitleLines(plan.signerTitle),
    // Room for the signature and the seal.
    room: 4,
    name: plan.signerName ?? '',
  });
}

/** The draft decision as a DOCX file, for the clerk to register and the vice-chairman to sign. */
export async function awardDecisionDocx(content: AwardDecisionContent): Promise<Buffer> {
  if (!isValidDay(content.decisionDate)) throw new Error(`Ngày quyết định không hợp lệ: "${content.decisionDate}".`);
  if (!content.honoured.length) throw new Error('Quyết định khen thưởng phải có ít nhất một tập thể được khen thưởng.');
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: A4_PAGE,
        children: [heading(content), ...title(content), ...articles(content), signature(content)],
      },
    ],
  });
  return packFixed(document, {
    title: `Quyết định ${decisionSubject(content).replace(/^Về/, 'về')}`,
    subject: content.periodLabel,
    creator: content.plan.issuingBody,
    // The decision's day, midnight in Hà Trung: the draft carries no other time, so its bytes depend on its content alone.
    at: new Date(`${content.decisionDate}T00:00:00+07:00`),
  });
}
