/**
 * What the importer reads out of a plan's text. Every item keeps the span of the normalised text it
 * came from, so the review screen can show the source beside each field and a reader can check it;
 * what the rules could not place is listed in `unplaced`, never dropped.
 *
 * Values that name entity enums are their string values (`${Sector}`): the parser stays free of the
 * ORM and GraphQL at run time, and a renamed enum value still fails the type check here.
 */
import type { FacilityLevel } from '../facilities/facility.entity.js';
import type { PlanStatus } from '../plans/plan.entity.js';
import type { Comparator, Sector, TargetMetric } from '../targets/target.entity.js';

/** Character offsets into ParsedPlan.text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type SectorValue = `${Sector}`;
export type TargetMetricValue = `${TargetMetric}`;
export type ComparatorValue = `${Comparator}`;
export type FacilityLevelValue = `${FacilityLevel}`;
export type PlanStatusValue = `${PlanStatus}`;

/** The level of government a body sits at, read from its name ("Sở …" is provincial, "Phòng …" district). */
export type BodyLevel = 'CENTRAL' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** A body named in the text, as written, with the key the unit registry is matched on later. */
export interface BodyRef {
  /** As the text writes it, whitespace unified: "phòng Văn hóa và thông tin". */
  name: string;
  /** bodyKey(name): no diacritics, lower case, abbreviations spelt out. */
  key: string;
  /** "UBND các xã, thị trấn" and the like: every commune-level unit, not one body. */
  allCommunes: boolean;
  /** "UBND các huyện, thị xã, thành phố": every district-level unit of a province. */
  allDistricts: boolean;
  level: BodyLevel | null;
  span: Span;
}

/** A document cited by the plan: "Kế hoạch số 97/KH-UBND ngày 04/4/2022 của UBND tỉnh về …". */
export interface DocumentRef {
  /** The kind of document as written in sentence case: "Kế hoạch", "Quyết định", "Luật". */
  type: string;
  /** "97/KH-UBND"; null when the text cites the document without a number (a law by name). */
  number: string | null;
  /** YYYY-MM-DD, or null when the text gives none. */
  date: string | null;
  issuer: {
    /** "Chủ tịch UBND tỉnh" */
    asWritten: string;
    /** The issuing body spelt out: "Ủy ban nhân dân tỉnh Thanh Hóa". */
    name: string;
    /** True when the body's locality ("Thanh Hóa") was not in the issuer but taken from the title. */
    localityInferred: boolean;
  } | null;
  /** "Kế hoạch hỗ trợ, thúc đẩy …": the document's own title when the text gives its subject. */
  title: string | null;
  span: Span;
}

export interface ParsedBasis {
  /** "Căn cứ …" (legal basis) or "Thực hiện …" (the document this plan carries out). */
  kind: 'CAN_CU' | 'THUC_HIEN';
  text: string;
  /** Where it was written: the opening of the plan or an appendix listing the bases. */
  source: 'BODY' | 'APPENDIX';
  document: DocumentRef | null;
  span: Span;
}

export interface ParsedHeader {
  /** The issuing body ("Ủy ban nhân dân huyện Hà Trung") and, when the heading has two lines of bodies, its superior. */
  issuer: { name: string; asWritten: string; key: string; span: Span } | null;
  superior: { name: string; asWritten: string; key: string; span: Span } | null;
  /** "Số: 125/KH-UBND" → number "125/KH-UBND"; "Số: /KH-UBND" → number null, symbol "KH-UBND". */
  number: { number: string | null; symbol: string | null; span: Span } | null;
  placeAndDate: {
    /** The place with its name capitalised as a proper name ("Hà trung" → "Hà Trung"). */
    place: string | null;
    day: number | null;
    month: number | null;
    year: number | null;
    /** YYYY-MM-DD when day, month and year are all filled in. */
    date: string | null;
    /** "Hà Trung, tháng 4 năm 2022": the blank parts left out. */
    display: string;
    span: Span;
  } | null;
}

export interface ParsedTitle {
  /** "Kế hoạch hỗ trợ, thúc đẩy …" */
  text: string;
  /** The summary line(s) under "KẾ HOẠCH", as written (trailing full stop removed). */
  summary: string;
  span: Span;
}

/** A numbered part of the plan: "II. MỤC TIÊU". */
export interface ParsedPart {
  numeral: string;
  heading: string;
  kind: 'AIMS' | 'TARGETS' | 'TASKS' | 'FUNDING' | 'ORGANISATION' | 'OTHER';
  span: Span;
}

/** Part I: "1. Mục đích" and "2. Yêu cầu", one entry per point. */
export interface ParsedAim {
  kind: 'PURPOSE' | 'REQUIREMENT' | 'OTHER';
  text: string;
  span: Span;
}

export interface ParsedTarget {
  /** The target as one statement: a sentence naming two shares gives each its own title. */
  title: string;
  sector: SectorValue | null;
  metric: TargetMetricValue | null;
  comparator: ComparatorValue;
  thresholdPercent: number;
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** Where the date came from: the sentence, an enclosing line ("Đến hết năm 2022:") or the plan's period. */
  dueDateSource: 'SENTENCE' | 'HEADING' | 'PLAN_PERIOD' | null;
  /** Facilities the target counts, when the text restricts them ("bệnh viện tuyến tỉnh"). */
  facilityLevels: FacilityLevelValue[] | null;
  /** Targets read from one sentence share its number (0, 1, …), so a reviewer sees they were split. */
  statement: number;
  /** The sentence the target was read from. */
  span: Span;
}

export interface ParsedTask {
  /** "1", "1.1", as numbered in the tasks part. */
  number: string;
  parentNumber: string | null;
  title: string;
  /** The text under the heading, one line per point ("- …"), sub-tasks excluded; null when there is none. */
  description: string | null;
  /** The sector the title speaks of, used to resolve "các nhiệm vụ thuộc lĩnh vực y tế". */
  sector: SectorValue | null;
  span: Span;
  titleSpan: Span;
}

/** Which tasks a statement of the organisation part is about. */
export interface TaskScope {
  /** Task numbers as the tasks part numbers them; empty when the statement names none. */
  taskNumbers: string[];
  /** How taskNumbers were found: named ("mục 1, mục 3"), by sector ("lĩnh vực y tế"), or not at all. */
  resolvedBy: 'NUMBERS' | 'SECTOR' | 'NONE';
  /** The clause, whitespace unified. */
  text: string;
  span: Span;
}

export interface ParsedLead extends TaskScope {
  /** Bodies the lead works with ("Chủ trì, phối hợp với các đơn vị liên quan …"). */
  with: BodyRef[];
}

export interface ParsedCoordination extends TaskScope {
  /** The bodies coordinated with ("Phối hợp với Phòng Giáo dục và Đào tạo, …"). */
  with: BodyRef[];
}

export type ParsedReportPeriod = 'SIX_MONTH' | 'ANNUAL' | 'QUARTERLY' | 'MONTHLY' | 'ONE_OFF';

export interface ParsedReportDue {
  period: ParsedReportPeriod;
  /** "trước ngày 30/6": the day and month; year only when the text writes one. */
  day: number;
  month: number | null;
  year: number | null;
  span: Span;
}

export interface ParsedReport {
  recipients: BodyRef[];
  /** "(qua phòng Văn hóa và thông tin để tổng hợp)" */
  through: BodyRef | null;
  /** What is reported: "kết quả triển khai thực hiện Kế hoạch". */
  subject: string | null;
  /** The body compiles the reports of others ("Tổng hợp báo cáo kết quả của các cơ quan, đơn vị"). */
  aggregates: boolean;
  /** Empty when the text sets no date: the reviewer (or the corrections) supply it. */
  schedule: ParsedReportDue[];
  span: Span;
}

/** One entry of the organisation part: a body and what the plan asks of it. */
export interface ParsedBody {
  /** The entry's number in the part, "1" … ("4.a" inside a group). */
  ordinal: string;
  ref: BodyRef;
  /** "Đề nghị …": a body outside the issuer's authority, asked rather than assigned. */
  requested: boolean;
  leads: ParsedLead[];
  coordinates: ParsedCoordination[];
  reports: ParsedReport[];
  /** "Thời gian thực hiện: Năm 2022." */
  period: { start: string; end: string; span: Span } | null;
  /** The duties as written, one line per point. */
  duties: string;
  span: Span;
}

export interface ParsedSigner {
  /** "KT. Chủ tịch — Phó Chủ tịch" */
  title: string;
  name: string | null;
  span: Span;
  nameSpan: Span | null;
}

export interface ParsedRecipient {
  /** "Sở TTTT" */
  name: string;
  /** "(báo cáo)", "(B/c)" and the like, without the brackets. */
  note: string | null;
  span: Span;
}

export interface Unplaced {
  text: string;
  span: Span;
  /** Why the rules left it, in Vietnamese for the reviewer. */
  reason: string;
}

export interface ParsedPlan {
  /** The normalised text every span points into. */
  text: string;
  header: ParsedHeader;
  title: ParsedTitle | null;
  bases: ParsedBasis[];
  /** The plan this one carries out ("Thực hiện Kế hoạch số 97/KH-UBND …"), when a basis names one. */
  parentPlan: DocumentRef | null;
  /** "UBND huyện Hà Trung ban hành kế hoạch … như sau:" */
  enactingClause: { text: string; span: Span } | null;
  parts: ParsedPart[];
  aims: ParsedAim[];
  /** "Thời gian thực hiện: Năm 2022", or the span of the targets' years when the text says "giai đoạn". */
  period: { start: string; end: string; span: Span } | null;
  generalObjectives: Array<{ text: string; span: Span }>;
  targets: ParsedTarget[];
  tasks: ParsedTask[];
  funding: { text: string; span: Span } | null;
  bodies: ParsedBody[];
  closing: { text: string; span: Span } | null;
  recipients: ParsedRecipient[];
  /** "Lưu: VT, VHTT." */
  filing: { text: string; span: Span } | null;
  signer: ParsedSigner | null;
  unplaced: Unplaced[];
}
