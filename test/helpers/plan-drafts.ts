import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { normaliseText } from '../../server/modules/plan-import/text.js';
import { gqlUpload } from './evidence.js';
import type { GraphQLResponse, TestServer } from './server.js';

/** Plan drafts through the API: the Hà Trung plan's text, the draft's fields, and a reviewer's edit. */

export const SOURCE = readFileSync(path.resolve(import.meta.dirname, '../../server/db/seed/ke-hoach-ha-trung-2022.txt'), 'utf8');
export const TEXT = normaliseText(SOURCE);

const SPAN = 'span { start end }';
export const DRAFT = `id version state sourceName sourceFormat sourceText createdAt createdByName updatedAt activatedPlanId activatedAt
  header { code number title issuingBody issueDate issuePlaceAndDate signerName signerTitle periodStart periodEnd parentPlanId parentReference assumption ${SPAN} }
  targets { key code title sector metric comparator thresholdPercent deadline facilityLevels note notApplicableReason ${SPAN} }
  tasks { key number title description dueDate assumption ${SPAN} }
  bodies { key name unitId matchedBy allCommunes createUnit unitCode unitKind leads coordinates leadAssumption ${SPAN} }
  obligations { key reporterKey throughKey recipientKey period dueBefore subject ${SPAN} }
  unplaced { key text reason dismissed ${SPAN} }
  problems { path message }`;

export const IMPORT = `mutation($text: String, $file: Upload) { importPlan(text: $text, file: $file) { ${DRAFT} } }`;
export const UPDATE = `mutation($id: ID!, $version: Int!, $header: DraftPlanHeaderInput!, $targets: [DraftTargetInput!]!, $tasks: [DraftTaskInput!]!,
  $bodies: [DraftBodyInput!]!, $obligations: [DraftObligationInput!]!, $dismissedUnplaced: [ID!]) {
  updatePlanDraft(id: $id, version: $version, header: $header, targets: $targets, tasks: $tasks, bodies: $bodies, obligations: $obligations,
    dismissedUnplaced: $dismissedUnplaced) { ${DRAFT} } }`;
export const ACTIVATE = 'mutation($id: ID!, $version: Int!) { activatePlanDraft(id: $id, version: $version) { id code status parentId } }';
export const DISCARD = 'mutation($id: ID!, $version: Int!) { discardPlanDraft(id: $id, version: $version) { id version state } }';
export const GET = `query($id: ID!) { PlanDraft(id: $id) { ${DRAFT} } }`;

export type Draft = Record<string, any>;

export const importText = (server: TestServer, text: string, token?: string) => server.gql<{ importPlan: Draft }>(IMPORT, { text }, token);
export const importFile = (server: TestServer, name: string, content: Buffer | string, token?: string) =>
  gqlUpload<{ importPlan: Draft }>(server, IMPORT, { text: null, file: null }, { 'variables.file': { name, content } }, token);

export function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The draft as the edit form sends it back: every part, without what only the server writes. */
export function edit(draft: Draft, change: (input: Record<string, any>) => void = () => {}) {
  const { span: _s, ...header } = draft.header;
  const input: Record<string, any> = {
    id: draft.id,
    version: draft.version,
    header,
    targets: draft.targets.map(({ span: _, ...t }: any) => t),
    tasks: draft.tasks.map(({ span: _, ...t }: any) => t),
    bodies: draft.bodies.map(({ span: _, matchedBy: _m, ...b }: any) => b),
    obligations: draft.obligations.map(({ span: _, ...o }: any) => o),
    dismissedUnplaced: draft.unplaced.filter((u: any) => u.dismissed).map((u: any) => u.key),
  };
  change(input);
  return input;
}

export function bodyNamed(input: Record<string, any>, start: string) {
  const found = input.bodies.find((b: any) => b.name.startsWith(start));
  if (!found) throw new Error(`no body ${start}`);
  return found;
}

/**
 * What the transcription decided where the text is silent (the seed's corrections file), as a reviewer
 * enters it: the communes' tasks, the centre's, the bank's, the aggregating office's report dates.
 */
export function review(draft: Draft, code: string) {
  return edit(draft, (input) => {
    input.header.code = code;
    Object.assign(bodyNamed(input, 'UBND các xã'), { leads: ['1.1', '1.2', '2.1', '2.2', '4', '5'], coordinates: ['1.1', '1.2', '2.1', '2.2', '3'] });
    bodyNamed(input, 'Trung tâm').coordinates = ['3'];
    bodyNamed(input, 'Ngân hàng').coordinates = ['1.2', '2.2', '6'];
    bodyNamed(input, 'các doanh nghiệp').coordinates = ['6'];
    const vhtt = bodyNamed(input, 'Phòng Văn hóa').key;
    for (const recipient of [bodyNamed(input, 'Chủ tịch').key, bodyNamed(input, 'Sở Thông tin').key]) {
      for (const [period, dueBefore, label] of [['SIX_MONTH', '2022-06-30', '6 tháng'], ['ANNUAL', '2022-12-20', 'năm']]) {
        input.obligations.push({
          reporterKey: vhtt, recipientKey: recipient, throughKey: null, period, dueBefore,
          subject: `Tổng hợp báo cáo ${label} kết quả của các cơ quan, đơn vị`,
        });
      }
    }
    input.dismissedUnplaced = draft.unplaced.map((u: any) => u.key);
  });
}

/** Rows of the tables a draft or its activation could touch. */
export async function counts(server: TestServer) {
  const [row] = await server.app.orm.em.getConnection().execute(`select (select count(*) from plan_draft)::int drafts, (select count(*) from plan)::int plans,
    (select count(*) from unit)::int units, (select count(*) from task)::int tasks, (select count(*) from assignment)::int assignments,
    (select count(*) from reporting_obligation)::int obligations`);
  return row;
}
