import DataLoader from 'dataloader';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { actingUserId, authorize, type Viewer } from '../../auth/policy.js';
import type { AppConfig } from '../../config.js';
import { today } from '../../shared/dates.js';
import { DomainError, badInput, conflict, notFound } from '../../shared/errors.js';
import { type Lean, uuidArray } from '../../shared/lean.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { ResourceService, isId, type ResourceSpec } from '../../shared/resource.service.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit, UnitKind } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';
import { type DraftBuildContext, buildDraftContent } from './draft-build.js';
import { type DraftEdit, applyDraftEdit } from './draft-edit.js';
import { type DraftProblem, draftProblems } from './draft-problems.js';
import { textTooLong } from './errors.js';
import { DEFAULT_MAX_LENGTH, extractText } from './extract.js';
import { parsePlan } from './parser.js';
import { PlanDraft, PlanDraftState, PlanSourceFormat } from './plan-draft.entity.js';
import { type DraftFactLoaders, draftFactLoaders } from './plan-draft.loaders.js';
import { planFromDraft } from './plan-materialise.js';
import { checkPlanFileType, receivePlanFile } from './plan-upload.js';
import type { ParsedPlan } from './types.js';
import { UnitMatcher } from './unit-match.js';

export const PLAN_DRAFT_SPEC: ResourceSpec = {
  label: 'bản nháp kế hoạch',
  searchFields: ['code', 'title'],
  sortable: ['createdAt', 'updatedAt', 'code', 'title', 'state'],
  defaultSort: ['createdAt', OrderDirection.DESC],
  writePermission: 'plan:import',
};

/** Problems as the client reads them: where, and what to do. */
const shown = (problems: DraftProblem[]) => problems.map(({ path, message }) => ({ path, message }));

function refusal(problems: DraftProblem[], what: string, reason: string): DomainError {
  const first = problems.slice(0, 3).map((p) => p.message).join(' ');
  return badInput(`${what}: ${problems.length} điều cần sửa. ${first}${problems.length > 3 ? ' …' : ''}`, {
    reason,
    problems: shown(problems),
  });
}

/**
 * Plans from their documents: a text or file is read into a draft, a person reviews and edits it, and
 * activation makes the plan, its units, tasks, targets, assignments and obligations in one transaction.
 * Everything here is for those who may import plans (ADMIN and the leadership), reading included.
 */
export class PlanDraftService extends ResourceService<PlanDraft> {
  private facts?: DraftFactLoaders;
  private texts?: DataLoader<string, string | null>;

  constructor(
    em: EntityManager,
    viewer: Viewer | null,
    private readonly config: AppConfig,
  ) {
    super(em, viewer, PlanDraft, PLAN_DRAFT_SPEC);
  }

  override list(filter: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<PlanDraft>>> {
    authorize(this.viewer, 'plan:import');
    return super.list(filter, sortField, direction, window);
  }

  override get(id: string): Promise<PlanDraft> {
    authorize(this.viewer, 'plan:import');
    return super.get(id);
  }

  /** What blocks activation now; none once the draft is activated or discarded. */
  async problems(draft: Pick<PlanDraft, 'state' | 'content'>): Promise<DraftProblem[]> {
    if (draft.state !== PlanDraftState.DRAFT) return [];
    this.facts ??= draftFactLoaders(this.em);
    return draftProblems(draft.content, await this.facts.facts(draft.content));
  }

  /** The texts of the drafts a request shows, in one query however many it lists. */
  sourceText(id: string): Promise<string | null> {
    authorize(this.viewer, 'plan:import');
    this.texts ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.em.getConnection().execute<Array<{ id: string; source_text: string }>>(
        'select id, source_text from plan_draft where id = any(?::uuid[])',
        [uuidArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, r.source_text]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return this.texts.load(id);
  }

  /** Text pasted or a file (exactly one) → a stored draft. A document that is not a plan stores nothing. */
  async importDraft(text: string | null | undefined, file: Promise<FileUpload> | null | undefined): Promise<PlanDraft> {
    const viewer = authorize(this.viewer, 'plan:import');
    if ((text === null || text === undefined) === (file === null || file === undefined)) {
      throw badInput('Gửi văn bản kế hoạch (dán vào) hoặc một tệp, một trong hai.', { argument: 'text', reason: 'ONE_SOURCE_REQUIRED' });
    }
    let source: { text: string; format: PlanSourceFormat; name: string | null };
    if (file) {
      const received = await receivePlanFile(file, this.config.planImport.maxFileBytes);
      await checkPlanFileType(received.bytes);
      const extracted = await extractText(received.bytes, received.name);
      source = { text: extracted.text, format: extracted.format as PlanSourceFormat, name: received.name };
    } else {
      if (text!.length > DEFAULT_MAX_LENGTH) throw onText(textTooLong(DEFAULT_MAX_LENGTH));
      source = { text: text!, format: PlanSourceFormat.TEXT, name: null };
    }
    let parsed: ParsedPlan;
    try {
      parsed = parsePlan(source.text);
    } catch (error) {
      throw file || !(error instanceof DomainError) ? error : onText(error);
    }
    const content = buildDraftContent(parsed, await this.context(parsed));
    const userId = actingUserId(viewer);
    const draft = this.em.create(PlanDraft, {
      sourceName: source.name,
      sourceFormat: source.format,
      sourceText: parsed.text,
      code: content.header.code,
      title: content.header.title,
      content,
      createdBy: userId ? this.em.getReference(User, userId) : null,
    });
    await this.em.flush();
    return draft;
  }

  private async context(parsed: ParsedPlan): Promise<DraftBuildContext> {
    const registry = await this.em.find(Unit, {}, { fields: ['id', 'code', 'name', 'shortName', 'kind'], orderBy: { code: 'asc' } });
    const parentNumber = parsed.parentPlan?.number;
    const candidates = parentNumber ? await this.em.find(Plan, { number: parentNumber }, { fields: ['id', 'number', 'issueDate'] }) : [];
    // A second import of the same document proposes another code than the first one's draft.
    const codes = await this.em.getConnection().execute<Array<{ code: string }>>(
      `select code from plan union select code from plan_draft where state = 'DRAFT'`,
    );
    return {
      matcher: new UnitMatcher(registry, parsed.header.issuer?.name ?? null),
      parentCandidates: candidates.map((p) => ({ id: p.id, number: p.number ?? null, issueDate: p.issueDate ?? null })),
      takenPlanCodes: new Set(codes.map((c) => c.code)),
      takenUnitCodes: new Set(registry.map((u) => u.code)),
      currentYear: Number(today().slice(0, 4)),
    };
  }

  /** The draft, if it may still change: found, not activated or discarded, and at the version the client read. */
  private async editable(em: EntityManager, id: string, version: number, lock = false): Promise<PlanDraft> {
    const draft = isId(id)
      ? await em.findOne(PlanDraft, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['sourceText'] } : {})
      : null;
    if (!draft) throw notFound(PLAN_DRAFT_SPEC.label, id);
    if (draft.state !== PlanDraftState.DRAFT) {
      throw conflict(
        draft.state === PlanDraftState.ACTIVATED ? 'Bản nháp đã được kích hoạt thành kế hoạch: không sửa được nữa.' : 'Bản nháp đã bị bỏ: không sửa được nữa.',
        { reason: `DRAFT_${draft.state}`, currentVersion: draft.version },
      );
    }
    if (draft.version !== version) {
      throw conflict(`Bản nháp đã được người khác sửa (phiên bản ${draft.version}, bạn gửi ${version}). Hãy tải lại.`, { currentVersion: draft.version });
    }
    return draft;
  }

  /**
   * Replaces the draft's content with the reviewer's. Content that is wrong in itself is refused with
   * every problem listed; a draft that is only unfinished (a body to match, a passage to look at) is saved.
   */
  async saveDraft(id: string, version: number, edit: DraftEdit): Promise<PlanDraft> {
    authorize(this.viewer, 'plan:import');
    const draft = await this.editable(this.em, id, version);
    const content = applyDraftEdit(draft.content, edit);
    const invalid = draftProblems(content, await draftFactLoaders(this.em).facts(content)).filter((p) => p.invalid);
    if (invalid.length) throw refusal(invalid, 'Bản nháp chưa lưu được', 'INVALID_DRAFT');
    draft.content = content;
    draft.code = content.header.code;
    draft.title = content.header.title;
    await this.em.flush();
    return draft;
  }

  async discardDraft(id: string, version: number): Promise<PlanDraft> {
    authorize(this.viewer, 'plan:import');
    const draft = await this.editable(this.em, id, version);
    draft.state = PlanDraftState.DISCARDED;
    await this.em.flush();
    return draft;
  }

  /** The draft → a running plan, all in one transaction: a failure at any step leaves nothing created. */
  async activateDraft(id: string, version: number): Promise<Plan> {
    authorize(this.viewer, 'plan:import');
    return this.em.transactional(async (tx) => {
      // Locked: a second activation of the same draft waits, then finds it activated.
      const draft = await this.editable(tx, id, version, true);
      const problems = draftProblems(draft.content, await draftFactLoaders(tx).facts(draft.content));
      if (problems.length) throw refusal(problems, 'Bản nháp chưa kích hoạt được', 'DRAFT_HAS_PROBLEMS');
      const registry = await tx.find(Unit, {}, { fields: ['id', 'code', 'name', 'shortName', 'kind'], orderBy: { code: 'asc' } });
      const matcher = new UnitMatcher(registry, draft.content.header.issuingBody);
      const { plan } = await planFromDraft(tx, draft.content, {
        status: 'ACTIVE',
        sourceText: draft.sourceText,
        communeIds: registry.filter((u) => u.kind === UnitKind.COMMUNE || u.kind === UnitKind.TOWNSHIP).map((u) => u.id),
        issuerUnitId: matcher.issuerUnit?.id ?? null,
        newPlanOnly: true,
      });
      draft.state = PlanDraftState.ACTIVATED;
      draft.activatedPlan = plan;
      draft.activatedAt = new Date();
      await tx.flush();
      return plan;
    });
  }

  override async create(): Promise<PlanDraft> {
    throw badInput('Bản nháp được tạo bằng importPlan.');
  }

  override async update(): Promise<PlanDraft> {
    throw badInput('Bản nháp được sửa bằng updatePlanDraft.');
  }

  override async delete(): Promise<PlanDraft> {
    throw badInput('Bản nháp không xóa được: dùng discardPlanDraft.');
  }
}

/** A refusal of pasted text names the text, not a file. */
function onText(error: DomainError): DomainError {
  return new DomainError(error.code, error.message, { ...error.details, argument: 'text' });
}
