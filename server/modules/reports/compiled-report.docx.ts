import { Document, Paragraph, Table } from 'docx';
import type { ProgressFigures } from '../assignments/deadline.js';
import { TargetStatus } from '../targets/target-status.js';
import {
  A4_PAGE, FONT, LEFT_COLUMN, TEXT_WIDTH, grid, headingTable, line, mm, packFixed, pt, rule, signatureTable,
} from '../letters/decree30.docx.js';
import { placeAndDate, planCitation, shortDate } from '../letters/letter-text.js';
import {
  DEADLINE_CLASSES, UNIT_REPORT_STATE_WORDS, asOfAndVersion, assertKnownSchema, instantShortDate, officeSymbol,
  paragraphsOf, percentText, rateText, reportDay, reportNumberLine, reportSubject, superiorBody, targetStatusInWords,
  thresholdInWords,
} from './compiled-report.render.js';
import type { CompiledReportSnapshot, SnapshotUnitReport } from './compiled-report.snapshot.js';

const INDENT = mm(10);
const body = (text: string, options: { italics?: boolean; bold?: boolean; after?: number } = {}) =>
  line({ text, italics: options.italics, bold: options.bold }, { align: 'both', indent: INDENT, before: 60, after: options.after ?? 0 });
const heading1 = (text: string) => line({ text, bold: true }, { indent: INDENT, before: 180, after: 60 });
const heading2 = (text: string) => line({ text, bold: true }, { align: 'both', indent: INDENT, before: 120 });
const heading3 = (text: string) => line({ text, bold: true, italics: true }, { align: 'both', indent: INDENT, before: 120 });

/** Issuing body and number on the left; the national name, the motto, place and date on the right. */
function heading(snapshot: CompiledReportSnapshot) {
  return headingTable({
    issuer: [
      line({ text: superiorBody(snapshot.plan.issuingBody), size: 13 }, { align: 'center' }),
      line({ text: snapshot.compiledByUnit.toLocaleUpperCase('vi-VN'), size: 13, bold: true }, { align: 'center' }),
      rule(LEFT_COLUMN),
    ],
    number: [line({ text: reportNumberLine(snapshot.compiledByUnit), size: 13 }, { align: 'center' })],
    date: [line({ text: placeAndDate(snapshot.plan, reportDay(snapshot)), italics: true }, { align: 'center' })],
  });
}

function title(snapshot: CompiledReportSnapshot): Paragraph[] {
  const [first, ...more] = snapshot.recipients;
  const addressees = more.length
    ? [line({ text: 'Kính gửi:' }, { align: 'center', before: 120 }), ...snapshot.recipients.map((r, i) =>
      line({ text: `- ${r}${i === snapshot.recipients.length - 1 ? '.' : ';'}` }, { indent: mm(45) }))]
    : first ? [line({ text: `Kính gửi: ${first}.` }, { align: 'center', before: 120 })] : [];
  return [
    line({ text: 'BÁO CÁO', bold: true }, { align: 'center', before: 360 }),
    line({ text: reportSubject(snapshot), bold: true }, { align: 'center' }),
    rule(TEXT_WIDTH),
    ...addressees,
    body(
      `Thực hiện ${planCitation(snapshot.plan)}, ${snapshot.compiledByUnit} tổng hợp kết quả thực hiện Kế hoạch ` +
        `${snapshot.periodLabel} của các cơ quan, đơn vị, báo cáo như sau:`,
      { after: 0 },
    ),
    body(asOfAndVersion(snapshot), { italics: true }),
  ];
}

const figureCells = (f: ProgressFigures) => [String(f.total), ...DEADLINE_CLASSES.map((c) => String(f[c.key])), rateText(f.completionRate)];

function progress(snapshot: CompiledReportSnapshot): Array<Paragraph | Table> {
  const f = snapshot.overall;
  const classes = DEADLINE_CLASSES.map((c, i) => body(`- ${c.words}: ${f[c.key]} nhiệm vụ${i === DEADLINE_CLASSES.length - 1 ? '.' : ';'}`));
  const rate = f.completionRate === null
    ? 'Chưa có nhiệm vụ nào đến hạn hoàn thành.'
    : `Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn (${f.comeDue} nhiệm vụ): ${rateText(f.completionRate)}.`;
  const average = f.averageProgress === null ? '' : ` Tiến độ bình quân: ${percentText(f.averageProgress)}.`;
  return [
    heading2('1. Tiến độ thực hiện các nhiệm vụ'),
    body(`Tổng số nhiệm vụ đã phân công cho các cơ quan, đơn vị: ${f.total} nhiệm vụ, trong đó:`),
    ...classes,
    body(rate + average),
    body('Kết quả theo từng cơ quan, đơn vị:', { after: 60 }),
    grid(
      [
        { title: 'STT', share: 0.07 }, { title: 'Cơ quan, đơn vị', share: 0.27, left: true }, { title: 'Tổng số', share: 0.09 },
        ...DEADLINE_CLASSES.map((c) => ({ title: c.words, share: 0.11 })), { title: 'Tỷ lệ hoàn thành', share: 0.13 },
      ],
      [
        ...snapshot.byUnit.map((u, i) => [String(i + 1), u.unitName, ...figureCells(u.figures)]),
        ['', 'Tổng cộng', ...figureCells(f)],
      ],
      { boldLast: true },
    ),
  ];
}

function targets(snapshot: CompiledReportSnapshot): Array<Paragraph | Table> {
  if (!snapshot.targets.length) return [heading2('2. Kết quả thực hiện các mục tiêu'), body('Kế hoạch không đặt mục tiêu định lượng.')];
  const result = (valuePercent: number | null, numerator: number | null, denominator: number | null) =>
    valuePercent === null ? 'Chưa có số liệu' : `${percentText(valuePercent)}${numerator !== null && denominator !== null ? ` (${numerator}/${denominator})` : ''}`;
  const demo = snapshot.targets.filter((t) => t.basedOnDemoData).map((t) => t.code);
  return [
    heading2('2. Kết quả thực hiện các mục tiêu'),
    body(`Kết quả các mục tiêu của Kế hoạch trên địa bàn huyện tính đến ngày ${shortDate(snapshot.asOf)}:`, { after: 60 }),
    grid(
      [
        { title: 'Mã', share: 0.08 }, { title: 'Mục tiêu', share: 0.32, left: true }, { title: 'Chỉ tiêu', share: 0.15 },
        { title: 'Kết quả', share: 0.13 }, { title: 'Cơ sở đã báo cáo', share: 0.12 }, { title: 'Đánh giá', share: 0.2 },
      ],
      snapshot.targets.map((t) => [
        t.code,
        t.title,
        `${thresholdInWords(t.comparator, t.thresholdPercent)}, đến ${shortDate(t.deadline)}`,
        t.status === TargetStatus.NOT_APPLICABLE ? '–' : result(t.valuePercent, t.numerator, t.denominator),
        `${t.facilitiesCounted}/${t.facilitiesInScope}`,
        targetStatusInWords(t.status, t.notApplicableReason),
      ]),
    ),
    ...(demo.length
      ? [body(`Ghi chú: số liệu của mục tiêu ${demo.join(', ')} được tính trên dữ liệu minh họa, chưa phải số liệu chính thức của các cơ sở.`, { italics: true })]
      : []),
  ];
}

function unitFiguresLine(report: SnapshotUnitReport): Paragraph[] {
  const f = report.figures;
  if (!f) return [];
  const a = f.assignments;
  const classes = DEADLINE_CLASSES.map((c) => `${c.words.toLocaleLowerCase('vi-VN')} ${a[c.key]}`).join(', ');
  const facilities = f.facilities ? `; ${f.facilities.reported}/${f.facilities.total} cơ sở đã báo cáo số liệu` : '';
  return [body(`Số liệu đến ngày ${shortDate(f.asOf)}: ${a.total} nhiệm vụ (${classes}); ${f.evidenceCount} tệp minh chứng${facilities}.`, { italics: true })];
}

function unitReports(snapshot: CompiledReportSnapshot): Paragraph[] {
  const accepted = snapshot.unitReports.filter((r) => r.state === 'ACCEPTED');
  const missing = snapshot.unitReports.filter((r) => r.state !== 'ACCEPTED');
  const late = snapshot.unitReports.filter((r) => r.late);
  const listEnd = (i: number, length: number) => (i === length - 1 ? '.' : ';');
  return [
    heading2('3. Kết quả thực hiện của các cơ quan, đơn vị'),
    ...(accepted.length ? [] : [body('Đến thời điểm tổng hợp, chưa có báo cáo nào của các cơ quan, đơn vị được chấp nhận.')]),
    ...accepted.flatMap((r, i) => {
      const results = paragraphsOf(r.results);
      return [
        heading3(`3.${i + 1}. ${r.unitName}`),
        ...unitFiguresLine(r),
        ...(results.length ? results.map((text) => body(text)) : [body('Báo cáo không nêu kết quả cụ thể.')]),
      ];
    }),
    ...(missing.length
      ? [
        body(`Các cơ quan, đơn vị chưa có báo cáo được chấp nhận (${missing.length} đơn vị):`, { bold: true }),
        ...missing.map((r, i) => body(`- ${r.unitName}: ${UNIT_REPORT_STATE_WORDS[r.state].toLocaleLowerCase('vi-VN')}${listEnd(i, missing.length)}`)),
      ]
      : [body('Tất cả các cơ quan, đơn vị đã có báo cáo được chấp nhận.')]),
    ...(late.length
      ? [
        body(`Các cơ quan, đơn vị gửi báo cáo muộn (${late.length} đơn vị):`, { bold: true }),
        ...late.map((r, i) => {
          const sent = instantShortDate(r.submittedAt);
          return body(`- ${r.unitName}${sent ? `: gửi ngày ${sent}` : ''}, hạn trước ngày ${shortDate(r.dueBefore)}${listEnd(i, late.length)}`);
        }),
      ]
      : []),
  ];
}

/**
 * The plan's part III.3: the schools, health facilities and units honoured in the period. A snapshot
 * taken before awards existed has no list, and its report is drawn without the subsection, as it was.
 */
function honours(snapshot: CompiledReportSnapshot): Array<Paragraph | Table> {
  if (!snapshot.honours) return [];
  const title = heading2('4. Đánh giá, khen thưởng, vinh danh');
  if (!snapshot.honours.length) return [title, body('Trong kỳ chưa có tập thể được khen thưởng, vinh danh.')];
  return [
    title,
    body(
      `Trong kỳ có ${snapshot.honours.length} tập thể được khen thưởng, vinh danh vì chuyển đổi số, thanh toán không dùng tiền mặt ` +
        'thiết thực, hiệu quả:',
      { after: 60 },
    ),
    grid(
      [
        { title: 'STT', share: 0.08 }, { title: 'Tên tập thể', share: 0.3, left: true }, { title: 'Xã/thị trấn', share: 0.16 },
        { title: 'Thành tích', share: 0.46, left: true },
      ],
      // A district office or unit belongs to no commune.
      snapshot.honours.map((h, i) => [String(i + 1), h.name, h.communeName ?? '–', h.achievement]),
    ),
  ];
}

/** Difficulties or proposals of the accepted reports, each led by its unit's name. */
function gathered(snapshot: CompiledReportSnapshot, field: 'difficulties' | 'proposals', none: string): Paragraph[] {
  const items = snapshot.unitReports
    .filter((r) => r.state === 'ACCEPTED')
    .map((r) => ({ unit: r.unitName, texts: paragraphsOf(r[field]) }))
    .filter((item) => item.texts.length);
  if (!items.length) return [body(none)];
  return items.flatMap(({ unit, texts }) => [
    line([{ text: `- ${unit}: `, italics: true }, { text: texts[0] }], { align: 'both', indent: INDENT, before: 60 }),
    ...texts.slice(1).map((text) => body(text)),
  ]);
}

function closing(snapshot: CompiledReportSnapshot): Paragraph[] {
  const to = snapshot.recipients.length ? ` kính báo cáo ${snapshot.recipients.join(', ')}` : '';
  return [
    body(
      `Trên đây là báo cáo kết quả thực hiện Kế hoạch ${snapshot.periodLabel} của ${snapshot.compiledByUnit};` +
        `${to} xem xét, chỉ đạo./.`,
      { after: 240 },
    ),
  ];
}

/** "Nơi nhận:" on the left; the head of the office signs on the right, the name written when signed. */
function signature(snapshot: CompiledReportSnapshot) {
  return signatureTable({
    recipients: [...snapshot.recipients.map((r) => `- ${r} (báo cáo);`), `- Lưu: VT, ${officeSymbol(snapshot.compiledByUnit)}.`],
    titleLines: ['TRƯỞNG PHÒNG'],
    // Room for the signature and the seal, then the name, written in when the head signs.
    room: 5,
  });
}

/** The compiled district report as a DOCX file, drawn from the snapshot alone: the same snapshot gives the same bytes. */
export async function compiledReportDocx(snapshot: CompiledReportSnapshot): Promise<Buffer> {
  assertKnownSchema(snapshot);
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: A4_PAGE,
        children: [
          heading(snapshot),
          ...title(snapshot),
          heading1('I. KẾT QUẢ THỰC HIỆN'),
          ...progress(snapshot),
          ...targets(snapshot),
          ...unitReports(snapshot),
          ...honours(snapshot),
          heading1('II. KHÓ KHĂN, VƯỚNG MẮC'),
          ...gathered(snapshot, 'difficulties', 'Các cơ quan, đơn vị không nêu khó khăn, vướng mắc.'),
          heading1('III. ĐỀ XUẤT, KIẾN NGHỊ'),
          ...gathered(snapshot, 'proposals', 'Các cơ quan, đơn vị không có đề xuất, kiến nghị.'),
          ...closing(snapshot),
          signature(snapshot),
        ],
      },
    ],
  });
  return packFixed(document, {
    title: `Báo cáo: ${reportSubject(snapshot)}`,
    subject: asOfAndVersion(snapshot),
    creator: snapshot.compiledByUnit,
    lastModifiedBy: snapshot.compiledByName ?? snapshot.compiledByUnit,
    revision: snapshot.version,
    at: new Date(snapshot.compiledAt),
  });
}
