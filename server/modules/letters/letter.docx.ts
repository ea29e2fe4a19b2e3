import { Document, Packer, Paragraph } from 'docx';
import {
  A4_PAGE, FONT, LEFT_COLUMN, grid, headingTable, line, mm, pt, rule, signatureTable, type GridColumn,
} from './decree30.docx.js';
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
  return headingTable({
    issuer: [line({ text: letterhead(plan.issuingBody), size: 13, bold: true }, { align: 'center' }), rule(LEFT_COLUMN)],
    number: [
      line({ text: numberLine(plan.issuingBody), size: 13 }, { align: 'center' }),
      line({ text: subjectLine(plan), size: 12 }, { align: 'center', before: 60 }),
    ],
    date: [line({ text: placeAndDate(plan, day), size: 14, italics: true }, { align: 'center' })],
  });
}

const LATE_COLUMNS: GridColumn[] = [
  { title: 'STT', share: 0.07 },
  { title: 'Nhiệm vụ', share: 0.45, left: true },
  { title: 'Hạn hoàn thành', share: 0.15 },
  { title: 'Số ngày làm việc chậm', share: 0.14 },
  { title: 'Tình trạng', share: 0.19 },
];

function lateTable(rows: LateRow[]) {
  return grid(
    LATE_COLUMNS,
    rows.map((r, i) => [String(i + 1), `${r.taskNumber}. ${r.taskTitle}`, shortDate(r.dueDate), String(r.workingDaysLate), statusInWords(r.status, r.progress)]),
    { headerSize: 13, size: 13, padding: 40 },
  );
}

/** "Nơi nhận:" on the left, the signer's title and name on the right. */
function signature(content: LetterContent) {
  const { plan, unitName, reportTo } = content;
  return signatureTable({
    recipients: [`- ${unitName};`, `- ${reportTo};`, '- Lưu: VT.'],
    titleLines: signerTitleLines(plan.signerTitle),
    // Room for the signature and the seal.
    room: 4,
    name: plan.signerName ?? '',
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
