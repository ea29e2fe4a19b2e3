import { Document, Packer, Paragraph, Table, TableBorders, TableRow, WidthType } from 'docx';
import { A4_PAGE, FONT, LEFT_COLUMN, RIGHT_COLUMN, TEXT_WIDTH, cell, line, mm, nationalMotto, pt, rule } from './decree30.docx.js';
import {
  letterhead, numberLine, placeAndDate, planCitation, shortDate, signerTitleLines, statusInWords, subjectLine, type PlanForLetter,
} from './letter-text.js';
import type { LateAssignment } from './late-work.js';

export interface LateRow extends LateAssignment {
  workingDaysLate: number;
}

/** Everything a letter says, fixed before it is drawn. */
export interface LetterContent {
  plan: PlanForLetter;
  unitName: string;
  /** The office the unit reports to (Phòng Văn hóa và Thông tin). */
  reportTo: string;
  /** The letter's day, YYYY-MM-DD. */
  day: string;
  /** The day the unit must have completed and reported by. */
  reportBy: string;
  rows: LateRow[];
}

/** Letterhead: issuing body, number and subject on the left; the national motto, place and date on the right. */
function heading(content: LetterContent) {
  const { plan, day } = content;
  const none = { borders: false };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, RIGHT_COLUMN],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(LEFT_COLUMN, [line({ text: letterhead(plan.issuingBody), size: 13, bold: true }, { align: 'center' }), rule(LEFT_COLUMN)], none),
          cell(RIGHT_COLUMN, nationalMotto(), none),
        ],
      }),
      new TableRow({
        children: [
          cell(LEFT_COLUMN, [
            line({ text: numberLine(plan.issuingBody), size: 13 }, { align: 'center' }),
            line({ text: subjectLine(plan), size: 12 }, { align: 'center', before: 60 }),
          ], none),
          cell(RIGHT_COLUMN, [line({ text: placeAndDate(plan, day), size: 14, italics: true }, { align: 'center' })], none),
        ],
      }),
    ],
  });
}

const LATE_COLUMNS = [
  { title: 'STT', share: 0.07 },
  { title: 'Nhiệm vụ', share: 0.45 },
  { title: 'Hạn hoàn thành', share: 0.15 },
  { title: 'Số ngày làm việc chậm', share: 0.14 },
  { title: 'Tình trạng', share: 0.19 },
];

function lateTable(rows: LateRow[]) {
  const widths = LATE_COLUMNS.map((c) => Math.round(TEXT_WIDTH * c.share));
  const row = (texts: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: texts.map((text, i) =>
        cell(widths[i], [line({ text, size: 13, bold: header }, { align: i === 1 && !header ? 'left' : 'center', before: 40, after: 40 })], {
          center: true,
        })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(LATE_COLUMNS.map((c) => c.title), true),
      ...rows.map((r, i) =>
        row([String(i + 1), `${r.taskNumber}. ${r.taskTitle}`, shortDate(r.dueDate), String(r.workingDaysLate), statusInWords(r.status, r.progress)], false)),
    ],
  });
}

/** "Nơi nhận:" on the left, the signer's title and name on the right. */
function signature(content: LetterContent) {
  const { plan, unitName, reportTo } = content;
  const recipients = [`- ${unitName};`, `- ${reportTo};`, '- Lưu: VT.'];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, RIGHT_COLUMN],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(LEFT_COLUMN, [
            line({ text: 'Nơi nhận:', size: 12, bold: true, italics: true }),
            ...recipients.map((text) => line({ text, size: 11 })),
          ], { borders: false }),
          cell(RIGHT_COLUMN, [
            ...signerTitleLines(plan.signerTitle).map((text) => line({ text, size: 14, bold: true }, { align: 'center' })),
            // Room for the signature and the seal.
            ...[0, 1, 2, 3].map(() => line({ text: '' })),
            line({ text: plan.signerName ?? '', size: 14, bold: true }, { align: 'center' }),
          ], { borders: false }),
        ],
      }),
    ],
  });
}

function body(content: LetterContent): Paragraph[] {
  const { plan, unitName, day, rows } = content;
  const indent = mm(10);
  return [
    line([{ text: 'Kính gửi: ', size: 14 }, { text: unitName, size: 14 }], { align: 'center', before: 240, after: 240 }),
    line(
      {
        text:
          `Thực hiện ${planCitation(plan)}, đến ngày ${shortDate(day)}, ${unitName} còn ${rows.length} nhiệm vụ ` +
          'đã quá thời hạn hoàn thành nhưng chưa hoàn thành, cụ thể như sau:',
      },
      { align: 'both', indent, after: 120 },
    ),
  ];
}

function closing(content: LetterContent): Paragraph[] {
  const { plan, unitName, reportTo, reportBy } = content;
  const indent = mm(10);
  return [
    line(
      {
        text:
          `Để bảo đảm tiến độ thực hiện Kế hoạch, ${plan.issuingBody} đề nghị ${unitName} khẩn trương triển khai, hoàn thành ` +
          `các nhiệm vụ nêu trên; báo cáo kết quả thực hiện về ${plan.issuingBody} (qua ${reportTo}) trước ngày ` +
          `${shortDate(reportBy)} để tổng hợp, báo cáo.`,
      },
      { align: 'both', indent, before: 120 },
    ),
    line({ text: `Đề nghị ${unitName} nghiêm túc thực hiện./.` }, { align: 'both', indent, before: 60, after: 240 }),
  ];
}

/** The letter as a DOCX file, ready for the clerk to number and the leader to sign. */
export async function letterDocx(content: LetterContent): Promise<Buffer> {
  const document = new Document({
    creator: content.plan.issuingBody,
    title: subjectLine(content.plan),
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: A4_PAGE,
        children: [heading(content), ...body(content), lateTable(content.rows), ...closing(content), signature(content)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
