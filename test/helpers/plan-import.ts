import { expect } from 'vitest';
import { clean, fold } from '../../server/modules/plan-import/text.js';
import type { ParsedPlan, Span } from '../../server/modules/plan-import/types.js';

/** The text of a span, whitespace unified: how a value is compared with where it came from. */
export const at = (plan: ParsedPlan, span: Span) => clean(plan.text.slice(span.start, span.end));

/**
 * Every span of a parsed plan lies in its text and holds the item read from it: a reviewer clicking an
 * item must land on the words it was read from.
 */
export function expectSpansHold(plan: ParsedPlan) {
  const within = (span: Span, what: string) => {
    expect(span.start, what).toBeGreaterThanOrEqual(0);
    expect(span.end, what).toBeLessThanOrEqual(plan.text.length);
    expect(span.start, what).toBeLessThan(span.end);
  };
  const holds = (span: Span, value: string, what: string) => {
    within(span, what);
    expect(at(plan, span), what).toContain(value);
  };
  /** The value's words in the span, in order: a value may be made of pieces (a body's name over two heading lines). */
  const holdsInOrder = (span: Span, value: string, what: string) => {
    within(span, what);
    const source = fold(at(plan, span));
    let from = 0;
    for (const word of fold(value).split(/\s+/)) {
      const found = source.indexOf(word, from);
      expect(found, `"${word}" của "${what}"`).toBeGreaterThanOrEqual(0);
      from = found + word.length;
    }
  };
  const { header, title, signer } = plan;
  if (header.issuer) holdsInOrder(header.issuer.span, header.issuer.asWritten, 'cơ quan ban hành');
  if (header.superior) holdsInOrder(header.superior.span, header.superior.asWritten, 'cơ quan chủ quản');
  if (header.number) holds(header.number.span, header.number.symbol ?? '', 'số, ký hiệu');
  if (header.placeAndDate) holds(header.placeAndDate.span, String(header.placeAndDate.year ?? ''), 'ngày tháng');
  if (title) holds(title.span, title.summary, 'tên kế hoạch');
  for (const basis of plan.bases) {
    holds(basis.span, basis.text, 'căn cứ');
    if (basis.document?.number) holds(basis.document.span, basis.document.number, 'số văn bản căn cứ');
  }
  for (const task of plan.tasks) {
    expect(at(plan, task.titleSpan), `nhiệm vụ ${task.number}`).toBe(task.title);
    holds(task.span, task.title, `nhiệm vụ ${task.number}`);
    for (const line of task.description?.split('\n') ?? []) holds(task.span, line.replace(/^[-+] |^[a-zđ]\) /, ''), `mô tả nhiệm vụ ${task.number}`);
  }
  for (const target of plan.targets) {
    holds(target.span, `${target.thresholdPercent}%`, target.title);
    // A split sentence gives each target its own title from the sentence's words, in their order.
    holdsInOrder(target.span, target.title, target.title);
  }
  for (const body of plan.bodies) {
    expect(at(plan, body.ref.span)).toBe(body.ref.name);
    holds(body.span, body.ref.name, body.ref.name);
    for (const scope of [...body.leads, ...body.coordinates]) {
      expect(at(plan, scope.span)).toBe(scope.text);
      for (const ref of scope.with) expect(at(plan, ref.span)).toBe(ref.name);
    }
    for (const report of body.reports) {
      within(report.span, `báo cáo của ${body.ref.name}`);
      for (const ref of [...report.recipients, ...(report.through ? [report.through] : [])]) expect(at(plan, ref.span)).toBe(ref.name);
      for (const due of report.schedule) holds(due.span, String(due.day), `hạn báo cáo của ${body.ref.name}`);
    }
  }
  for (const recipient of plan.recipients) holds(recipient.span, recipient.name, 'nơi nhận');
  if (signer) {
    within(signer.span, 'người ký');
    if (signer.name && signer.nameSpan) expect(at(plan, signer.nameSpan)).toBe(signer.name);
  }
  for (const item of plan.unplaced) expect(at(plan, item.span)).toBe(item.text);
}
