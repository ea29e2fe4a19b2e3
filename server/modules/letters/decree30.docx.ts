/**
 * The page and the building blocks of an administrative document as Decree 30/2020/NĐ-CP (Phụ lục I)
 * lays it out: A4, its margins, Times New Roman, the two-column heading's pieces and the signature
 * block's table. Shared by the urging letter, the compiled report and the award decision, so they look
 * like one office's papers.
 */
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
  type ISectionOptions,
} from 'docx';
import { pinZipTimestamps } from '../../shared/zip-timestamps.js';

export const FONT = 'Times New Roman';
/** Half-points, as WordprocessingML counts font sizes. */
export const pt = (points: number) => points * 2;

/** Twips, rounded: docx's own converter rounds down, and 20 mm must not become 19.99. */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

// A4 with the decree's margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 };
export const TEXT_WIDTH = mm(210 - MARGIN.left - MARGIN.right);
export const LEFT_COLUMN = Math.round(TEXT_WIDTH * 0.42);
export const RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;

/** The section properties of every page: A4 portrait with the decree's margins. */
export const A4_PAGE: NonNullable<ISectionOptions['properties']> = {
  page: {
    size: PAGE,
    margin: { top: mm(MARGIN.top), bottom: mm(MARGIN.bottom), left: mm(MARGIN.left), right: mm(MARGIN.right) },
  },
};

export interface Run {
  text: string;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

export interface LineOptions {
  align?: 'left' | 'center' | 'right' | 'both';
  before?: number;
  after?: number;
  /** First-line indent, in twips. */
  indent?: number;
}

export function line(runs: Run | Run[], options: LineOptions = {}) {
  const alignment = {
    left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED,
  }[options.align ?? 'left'];
  return new Paragraph({
    alignment,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    indent: options.indent ? { firstLine: options.indent } : undefined,
    children: (Array.isArray(runs) ? runs : [runs]).map(
      (run) => new TextRun({
        text: run.text, font: FONT, size: pt(run.size ?? 14), bold: run.bold, italics: run.italics,
        underline: run.underline ? {} : undefined,
      }),
    ),
  });
}

/** The short rule drawn under the issuing body: about a third of its column, centred. */
export function rule(columnWidth: number) {
  const side = Math.round(columnWidth / 3);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

export function cell(width: number, children: Paragraph[], options: { borders?: boolean; center?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    borders: options.borders === false ? TableBorders.NONE : undefined,
    children,
  });
}

/** The national name and the motto, the right-hand top of every administrative document. */
export function nationalMotto(): Paragraph[] {
  return [
    line({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 12, bold: true }, { align: 'center' }),
    line({ text: 'Độc lập - Tự do - Hạnh phúc', size: 13, bold: true, underline: true }, { align: 'center', after: 120 }),
  ];
}

export interface HeadingPieces {
  /** Left, top: the issuing body (and the body above it), with its rule. */
  issuer: Paragraph[];
  /** Left, under the issuer: the number and symbol, and for a letter its subject. */
  number: Paragraph[];
  /** Right, under the national name and motto: place and date. */
  date: Paragraph[];
}

/**
 * The two-column heading: the decree puts the number level with the place and date, so it is a
 * borderless table of two rows rather than two columns of free text.
 */
export function headingTable(pieces: HeadingPieces) {
  const none = { borders: false };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, RIGHT_COLUMN],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(LEFT_COLUMN, pieces.issuer, none), cell(RIGHT_COLUMN, nationalMotto(), none)] }),
      new TableRow({ children: [cell(LEFT_COLUMN, pieces.number, none), cell(RIGHT_COLUMN, pieces.date, none)] }),
    ],
  });
}

export interface GridColumn {
  title: string;
  /** The column's share of the text width. */
  share: number;
  /** Left-aligned in the body rows (names, sentences); centred otherwise. */
  left?: boolean;
}

/** A bordered table whose first row repeats on every page and whose rows never split across pages. */
export function grid(
  columns: GridColumn[],
  rows: string[][],
  options: { boldLast?: boolean; headerSize?: number; size?: number; padding?: number } = {},
) {
  const widths = columns.map((c) => Math.round(TEXT_WIDTH * c.share));
  const row = (texts: string[], bold: boolean, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: texts.map((text, i) =>
        cell(widths[i], [
          line(
            { text, size: header ? options.headerSize ?? 11 : options.size ?? 12, bold },
            { align: columns[i].left && !header ? 'left' : 'center', before: options.padding ?? 30, after: options.padding ?? 30 },
          ),
        ], { center: true })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(columns.map((c) => c.title), true, true),
      ...rows.map((r, i) => row(r, !!options.boldLast && i === rows.length - 1, false)),
    ],
  });
}

export interface SignaturePieces {
  /** The lines under "Nơi nhận:", each with its own "- " and closing punctuation. */
  recipients: string[];
  /** "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": one line per level of authority. */
  titleLines: string[];
  /** Empty lines left for the signature and the seal. */
  room: number;
  /** The signer's name under the room; left out when it is written in by hand. */
  name?: string;
}

/** "Nơi nhận:" on the left, the signer's title, room to sign and name on the right; kept on one page. */
export function signatureTable(pieces: SignaturePieces) {
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
            ...pieces.recipients.map((text) => line({ text, size: 11 })),
          ], { borders: false }),
          cell(RIGHT_COLUMN, [
            ...pieces.titleLines.map((text) => line({ text, bold: true }, { align: 'center' })),
            ...Array.from({ length: pieces.room }, () => line({ text: '' })),
            ...(pieces.name === undefined ? [] : [line({ text: pieces.name, bold: true }, { align: 'center' })]),
          ], { borders: false }),
        ],
      }),
    ],
  });
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FixedProperties {
  title: string;
  subject?: string;
  creator: string;
  lastModifiedBy?: string;
  revision?: number;
  /** Written as the document's creation and modification time, and as every ZIP entry's time. */
  at: Date;
}

/**
 * docx always stamps docProps/core.xml with new Date(), and its ZIP entries with Date.now(): the same
 * document packed twice differs. This packs it with its properties written here from `at`, then pins
 * the entries' times to `at`, so the bytes depend on the content alone.
 */
export async function packFixed(document: Document, properties: FixedProperties): Promise<Buffer> {
  const stamp = properties.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:lastModifiedBy', properties.lastModifiedBy ?? properties.creator) +
    element('cp:revision', String(properties.revision ?? 1)) +
    element('dc:language', 'vi-VN') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>';
  const packed = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return pinZipTimestamps(packed, properties.at);
}
