/**
 * What stops a draft from becoming a plan, each with where it is (a path into the draft, as the review
 * screen addresses its fields) and what to do. Computed on every read and again inside activation,
 * from the draft and a few facts the database holds (which units exist, which codes are taken).
 */
import { isValidDay } from '../../shared/dates.js';
import { type DraftContent, type DraftProblemData, TASK_NUMBER, parentNumberOf } from './draft-content.js';
import { leafNumbers } from './draft-build.js';

export interface DraftFacts {
  /** Of the unit ids the draft names, those that exist. */
  existingUnitIds: ReadonlySet<string>;
  /** Of the unit codes the draft proposes, those already in the registry. */
  takenUnitCodes: ReadonlySet<string>;
  /** Another plan already has the draft's code. */
  planCodeTaken: boolean;
  /** The parent plan the draft names exists (true when it names none). */
  parentPlanExists: boolean;
  /** Commune-level units in the registry: the units "UBND các xã, thị trấn" stands for. */
  communeCount: number;
}

export const LIMITS = {
  code: 80,
  number: 80,
  title: 2000,
  issuingBody: 255,
  issuePlaceAndDate: 120,
  signer: 120,
  unitName: 255,
  unitCode: 40,
  targetCode: 20,
  text: 20_000,
} as const;

const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]*$/;
const PLAN_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u;

export interface DraftProblem extends DraftProblemData {
  /**
   * The content itself is wrong (a malformed number, a reference to nothing, a value out of range): a
   * save is refused. Otherwise the draft is only not finished (a body still to match, a field the text
   * left empty, a passage to look at) and is saved, but not activated.
   */
  invalid: boolean;
}

export function draftProblems(content: DraftContent, facts: DraftFacts): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (path: string, message: string, invalid = false) => problems.push({ path, message, invalid });
  const text = (path: string, value: string | null | undefined, label: string, max: number, required = true) => {
    const v = value?.trim() ?? '';
    if (required && !v) add(path, `Cần nhập ${label}.`);
    else if (v.length > max) add(path, `${label[0].toLocaleUpperCase('vi-VN')}${label.slice(1)} dài quá ${max.toLocaleString('vi-VN')} ký tự.`, true);
  };
  const day = (path: string, value: string | null | undefined, label: string, required = true) => {
    if (!value) {
      if (required) add(path, `Cần nhập ${label}.`);
      return false;
    }
    if (!isValidDay(value)) {
      add(path, `${label[0].toLocaleUpperCase('vi-VN')}${label.slice(1)} không hợp lệ (${value}).`, true);
      return false;
    }
    return true;
  };

  const h = content.header;
  text('header.code', h.code, 'mã kế hoạch', LIMITS.code);
  if (h.code?.trim() && !PLAN_CODE.test(h.code.trim())) add('header.code', 'Mã kế hoạch chỉ gồm chữ, số và các dấu - _ . /, không có khoảng trắng.', true);
  if (facts.planCodeTaken) add('header.code', `Mã kế hoạch ${h.code} đã có: hãy chọn mã khác.`);
  text('header.title', h.title, 'tên kế hoạch', LIMITS.title);
  text('header.issuingBody', h.issuingBody, 'cơ quan ban hành', LIMITS.issuingBody);
  text('header.number', h.number, 'số hiệu', LIMITS.number, false);
  text('header.issuePlaceAndDate', h.issuePlaceAndDate, 'địa danh, ngày tháng', LIMITS.issuePlaceAndDate, false);
  text('header.signerName', h.signerName, 'tên người ký', LIMITS.signer, false);
  text('header.signerTitle', h.signerTitle, 'chức vụ người ký', LIMITS.signer, false);
  text('header.assumption', h.assumption, 'giả định', LIMITS.text, false);
  day('header.issueDate', h.issueDate, 'ngày ban hành', false);
  const periodOk = day('header.periodStart', h.periodStart, 'ngày bắt đầu thực hiện') && day('header.periodEnd', h.periodEnd, 'ngày kết thúc thực hiện');
  if (periodOk && h.periodStart > h.periodEnd) add('header.periodEnd', 'Ngày kết thúc thực hiện phải sau ngày bắt đầu.', true);
  if (!facts.parentPlanExists) add('header.parentPlanId', 'Không tìm thấy kế hoạch cấp trên đã chọn.', true);

  if (!content.tasks.length) add('tasks', 'Kế hoạch cần ít nhất một nhiệm vụ.');
  const numbers = new Set<string>();
  content.tasks.forEach((t, i) => {
    const at = `tasks[${i}]`;
    if (!TASK_NUMBER.test(t.number ?? '')) add(`${at}.number`, `Số nhiệm vụ "${t.number}" không đúng dạng (1, 2, … hoặc 1.1, 1.2, …).`, true);
    else if (numbers.has(t.number)) add(`${at}.number`, `Số nhiệm vụ ${t.number} bị trùng.`, true);
    else {
      const parent = parentNumberOf(t.number);
      if (parent && !content.tasks.some((p) => p.number === parent)) add(`${at}.number`, `Nhiệm vụ ${t.number} cần nhiệm vụ cha ${parent}.`, true);
    }
    numbers.add(t.number);
    text(`${at}.title`, t.title, `tên nhiệm vụ ${t.number}`, LIMITS.title);
    text(`${at}.description`, t.description, `mô tả nhiệm vụ ${t.number}`, LIMITS.text, false);
    text(`${at}.assumption`, t.assumption, `giả định của nhiệm vụ ${t.number}`, LIMITS.text, false);
    day(`${at}.dueDate`, t.dueDate, `hạn nhiệm vụ ${t.number}`);
  });

  const codes = new Set<string>();
  content.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    text(`${at}.code`, t.code, 'mã mục tiêu', LIMITS.targetCode);
    if (t.code && codes.has(t.code)) add(`${at}.code`, `Mã mục tiêu ${t.code} bị trùng.`, true);
    codes.add(t.code);
    text(`${at}.title`, t.title, `tên mục tiêu ${t.code}`, LIMITS.title);
    if (!t.sector) add(`${at}.sector`, `Chọn lĩnh vực của mục tiêu ${t.code}.`);
    if (!t.metric) add(`${at}.metric`, `Chọn chỉ số đo của mục tiêu ${t.code}.`);
    if (!Number.isFinite(t.thresholdPercent) || t.thresholdPercent < 0 || t.thresholdPercent > 100) {
      add(`${at}.thresholdPercent`, `Ngưỡng của mục tiêu ${t.code} phải từ 0 đến 100 (%).`, true);
    }
    day(`${at}.deadline`, t.deadline, `thời hạn mục tiêu ${t.code}`);
    text(`${at}.note`, t.note, 'ghi chú', LIMITS.text, false);
    text(`${at}.notApplicableReason`, t.notApplicableReason, 'lý do không áp dụng', LIMITS.text, false);
  });

  const bodyKeys = new Set(content.bodies.map((b) => b.key));
  const proposedCodes = new Set<string>();
  const leaves = leafNumbers(content.tasks.map((t) => t.number));
  content.bodies.forEach((b, i) => {
    const at = `bodies[${i}]`;
    text(`${at}.name`, b.name, 'tên cơ quan', LIMITS.unitName);
    if (b.allCommunes) {
      if (!facts.communeCount) add(at, 'Danh mục đơn vị chưa có xã, thị trấn nào để giao việc cho "các xã, thị trấn".');
    } else if (b.createUnit) {
      const code = b.unitCode?.trim() ?? '';
      if (!code) add(`${at}.unitCode`, `Cần mã cho đơn vị mới "${b.name}".`);
      else if (code.length > LIMITS.unitCode || !UNIT_CODE.test(code)) {
        add(`${at}.unitCode`, `Mã đơn vị "${code}" chỉ gồm chữ in hoa không dấu, số và dấu -, tối đa ${LIMITS.unitCode} ký tự.`, true);
      } else if (facts.takenUnitCodes.has(code)) add(`${at}.unitCode`, `Mã đơn vị ${code} đã có trong danh mục: chọn đơn vị đó hoặc đặt mã khác.`);
      else if (proposedCodes.has(code)) add(`${at}.unitCode`, `Mã đơn vị ${code} trùng với một đơn vị mới khác.`, true);
      proposedCodes.add(code);
      if (!b.unitKind) add(`${at}.unitKind`, `Chọn loại đơn vị cho đơn vị mới "${b.name}".`);
    } else if (!b.unitId) {
      add(`${at}.unitId`, `"${b.name}" chưa khớp với đơn vị nào: chọn đơn vị trong danh mục, hoặc tạo đơn vị mới.`);
    } else if (!facts.existingUnitIds.has(b.unitId)) add(`${at}.unitId`, `Không tìm thấy đơn vị đã chọn cho "${b.name}".`, true);
    for (const [role, list] of [['leads', b.leads], ['coordinates', b.coordinates]] as const) {
      for (const n of list) if (!numbers.has(n)) add(`${at}.${role}`, `Nhiệm vụ ${n} của "${b.name}" không có trong danh sách nhiệm vụ.`, true);
    }
    // Every commune leads at its own facilities and coordinates the district's part: both may name a task.
    if (!b.allCommunes) {
      const led = new Set(b.leads.filter((n) => numbers.has(n)).flatMap(leaves));
      const both = [...new Set(b.coordinates.filter((n) => numbers.has(n)).flatMap(leaves))].filter((n) => led.has(n));
      if (both.length) add(`${at}.coordinates`, `"${b.name}" vừa chủ trì vừa phối hợp nhiệm vụ ${both.join(', ')}: chỉ giữ một vai trò.`, true);
    }
  });

  const bodyOf = (key: string | null) => content.bodies.find((b) => b.key === key);
  content.obligations.forEach((o, i) => {
    const at = `obligations[${i}]`;
    const reporter = bodyOf(o.reporterKey);
    const recipient = bodyOf(o.recipientKey);
    if (!reporter) add(`${at}.reporterKey`, 'Chọn cơ quan báo cáo trong danh sách cơ quan.', true);
    if (!recipient) add(`${at}.recipientKey`, 'Chọn nơi nhận báo cáo trong danh sách cơ quan.', true);
    else if (recipient.allCommunes) add(`${at}.recipientKey`, 'Nơi nhận báo cáo phải là một cơ quan, không phải "các xã, thị trấn".', true);
    if (o.throughKey !== null && !bodyKeys.has(o.throughKey)) add(`${at}.throughKey`, 'Chọn cơ quan tổng hợp trong danh sách cơ quan.', true);
    else if (o.throughKey && bodyOf(o.throughKey)?.allCommunes) add(`${at}.throughKey`, 'Cơ quan tổng hợp phải là một cơ quan, không phải "các xã, thị trấn".', true);
    if (reporter && recipient && reporter.key === recipient.key) add(`${at}.recipientKey`, 'Cơ quan không báo cáo cho chính mình.', true);
    day(`${at}.dueBefore`, o.dueBefore, 'hạn báo cáo');
    text(`${at}.subject`, o.subject, 'nội dung báo cáo', LIMITS.text);
  });
  const owed = new Map<string, number>();
  content.obligations.forEach((o, i) => {
    const key = `${o.reporterKey}|${o.recipientKey}|${o.period}|${o.dueBefore}`;
    if (owed.has(key)) add(`obligations[${i}]`, `Nghĩa vụ báo cáo trùng với dòng ${owed.get(key)! + 1} (cùng cơ quan, nơi nhận, kỳ và hạn).`, true);
    else owed.set(key, i);
  });

  content.unplaced.forEach((u, i) => {
    if (u.dismissed) return;
    const excerpt = u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text;
    add(`unplaced[${i}]`, `Đoạn "${excerpt}" chưa được xử lý (${u.reason.replace(/[.:]\s*$/, '')}): đưa vào kế hoạch nếu cần, rồi đánh dấu đã xem.`);
  });
  return problems;
}
