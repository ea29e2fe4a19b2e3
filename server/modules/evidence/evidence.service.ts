import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { authorize, can, requireViewer, type Viewer } from '../../auth/policy.js';
import type { AppConfig } from '../../config.js';
import { DomainError, ErrorCode, badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import type { Loaders } from '../../loaders.js';
import type { Lean } from '../../shared/lean.js';
import { isId } from '../../shared/resource.service.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { historyActor, recordHistory } from '../assignments/history.js';
import { AssignmentAction, StatusChange } from '../assignments/status-change.entity.js';
import { WebhookEventType } from '../webhooks/webhook.entity.js';
import { evidenceAddedData, recordWebhookEvent } from '../webhooks/webhook.events.js';
import { Evidence, EvidenceOwnerKind } from './evidence.entity.js';
import { EVIDENCE_EDITABLE } from './evidence.rules.js';
import { FileCheckError, detectAllowedType, type DetectedType } from './file-check.js';
import { checkOriginalName, downloadName, withoutInvisible } from './file-name.js';
import { UploadBroken, stageUpload, type StagedFile } from './staging.js';
import { evidenceStore, type EvidenceStore } from './storage/index.js';

export const MAX_DESCRIPTION = 1000;

/** History entries whose comment tells about the evidence itself: the file's name, a removal's reason. */
const EVIDENCE_ACTIONS: ReadonlySet<AssignmentAction> = new Set([AssignmentAction.ATTACH_EVIDENCE, AssignmentAction.REMOVE_EVIDENCE]);

export interface AttachOutcome {
  evidence: Evidence;
  /** The same content was already attached to this work: nothing new was stored. */
  duplicate: boolean;
}

interface Received extends StagedFile {
  name: string;
  type: DetectedType;
  description: string | null;
}

/**
 * Evidence (minh chứng) of an assignment's work. Uploads are all-or-nothing: every file of a request
 * is received, hashed and checked before anything is stored, and a refusal leaves no row and no file.
 */
export class EvidenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: AppConfig,
    private readonly loaders: Loaders,
  ) {}

  private store(): Promise<EvidenceStore> {
    return evidenceStore(this.config);
  }

  private async assignment(id: string): Promise<Assignment> {
    authorize(this.viewer, 'plan:read');
    const assignment = isId(id) ? await this.em.findOne(Assignment, { id }) : null;
    if (!assignment) throw notFound('phân công', id);
    return assignment;
  }

  private assertEditable(assignment: Lean<Assignment>) {
    if (!EVIDENCE_EDITABLE.has(assignment.status)) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Chỉ đính kèm hoặc gỡ minh chứng khi phân công đang thực hiện hoặc vướng mắc (hiện: ${assignment.status}).`,
        { reason: 'EVIDENCE_LOCKED', status: assignment.status },
      );
    }
  }

  /** May the viewer attach evidence to this assignment now? What the upload panel shows or hides. */
  mayAttach(assignment: Lean<Assignment>): boolean {
    return EVIDENCE_EDITABLE.has(assignment.status) && can(this.viewer, 'assignment:work', { unitId: assignment.unit.id });
  }

  /** May the viewer remove (hide) this evidence now? The same rule remove() enforces. */
  async mayRemove(evidence: Evidence): Promise<boolean> {
    if (evidence.hiddenAt || !this.viewer) return false;
    if (can(this.viewer, 'evidence:hide-any')) return true;
    if (evidence.ownerKind !== EvidenceOwnerKind.ASSIGNMENT) return false;
    const assignment = await this.loaders.assignment.load(evidence.ownerId);
    return !!assignment && this.mayAttach(assignment);
  }

  /**
   * The unit that uploaded a file reads it, and so does the unit that holds the work now: work moved to
   * another unit (reassignAssignment) takes its evidence with it, while the first unit keeps its own files.
   */
  mayRead(evidence: Evidence, holderUnitId?: string): boolean {
    const units = holderUnitId && holderUnitId !== evidence.unit.id ? [evidence.unit.id, holderUnitId] : [evidence.unit.id];
    return units.some(
      (unitId) =>
        can(this.viewer, 'evidence:read', { unitId }) && (!evidence.hiddenAt || can(this.viewer, 'evidence:read-hidden', { unitId })),
    );
  }

  /** The assignment's evidence this viewer may see, oldest first; removed items only on request and only for auditors. */
  async forAssignment(assignment: Lean<Assignment>, includeHidden = false): Promise<Evidence[]> {
    if (!can(this.viewer, 'evidence:read', { unitId: assignment.unit.id })) return [];
    const all = await this.loaders.evidenceByAssignment.load(assignment.id);
    return all.filter((e) => (includeHidden ? this.mayRead(e, assignment.unit.id) : !e.hiddenAt));
  }

  /**
   * A history entry's comment as this viewer may read it. An evidence entry's comment names the file
   * and, for a removal, why it was removed ("Tệp có dữ liệu cá nhân"): it is read under the evidence
   * rule, so another unit sees that evidence was attached or removed, and when, but no comment.
   * The assignment comes through the request's loader: a whole feed costs one statement.
   */
  async historyComment(change: Lean<StatusChange>): Promise<string | null> {
    const comment = change.comment ?? null;
    if (!comment || !EVIDENCE_ACTIONS.has(change.action)) return comment;
    // With no unit named, the policy answers whether the viewer reads every unit's evidence.
    let readable = can(this.viewer, 'evidence:read');
    if (!readable) {
      const assignment = await this.loaders.assignment.load(change.assignment.id);
      readable = !!assignment && can(this.viewer, 'evidence:read', { unitId: assignment.unit.id });
    }
    // Entries written before names were cleaned at upload may still carry direction overrides.
    return readable ? withoutInvisible(comment) : null;
  }

  async get(id: string): Promise<Evidence> {
    authorize(this.viewer, 'plan:read');
    const evidence = isId(id) ? await this.em.findOne(Evidence, { id }) : null;
    if (!evidence || (evidence.hiddenAt && !can(this.viewer, 'evidence:read-hidden', { unitId: evidence.unit.id }))) {
      throw notFound('minh chứng', id);
    }
    const holder = evidence.ownerKind === EvidenceOwnerKind.ASSIGNMENT ? await this.loaders.assignment.load(evidence.ownerId) : null;
    if (!this.mayRead(evidence, holder?.unit.id)) throw forbidden('Minh chứng này thuộc đơn vị khác: bạn không có quyền xem.');
    return evidence;
  }

  async attachToAssignment(assignmentId: string, uploads: Array<Promise<FileUpload>>, descriptions: Array<string | null | undefined> = []): Promise<AttachOutcome[]> {
    const assignment = await this.assignment(assignmentId);
    const viewer = authorize(this.viewer, 'assignment:work', { unitId: assignment.unit.id });
    this.assertEditable(assignment);
    const { maxFiles, maxFileBytes } = this.config.evidence;
    if (uploads.length === 0) throw badInput('Chưa chọn tệp minh chứng nào.', { argument: 'files', reason: 'NO_FILES' });
    if (uploads.length > maxFiles) {
      throw badInput(`Chỉ được gửi tối đa ${maxFiles} tệp mỗi lần.`, { argument: 'files', reason: 'TOO_MANY_FILES' });
    }
    if (descriptions.length > uploads.length) {
      throw badInput('Số mô tả nhiều hơn số tệp.', { argument: 'descriptions' });
    }
    const tooLong = descriptions.findIndex((d) => (d ?? '').length > MAX_DESCRIPTION);
    if (tooLong >= 0) {
      throw badInput(`Mô tả tệp thứ ${tooLong + 1} dài quá ${MAX_DESCRIPTION} ký tự.`, { argument: 'descriptions', index: tooLong });
    }

    const store = await this.store();
    const received: Received[] = [];
    const stored: string[] = [];
    try {
      for (const [index, pending] of uploads.entries()) {
        received.push(await this.receive(pending, index, descriptions[index], store, maxFileBytes));
      }

      const existing = await this.em.find(Evidence, {
        ownerKind: EvidenceOwnerKind.ASSIGNMENT,
        ownerId: assignment.id,
        hiddenAt: null,
        sha256: { $in: received.map((r) => r.sha256) },
      });
      const bySha = new Map(existing.map((e) => [e.sha256, e]));
      const outcomes: AttachOutcome[] = [];
      const actor = historyActor(this.em, viewer).actor;
      const startedAt = Date.now();
      for (const file of received) {
        const known = bySha.get(file.sha256);
        if (known) {
          outcomes.push({ evidence: known, duplicate: true });
          continue;
        }
        const id = randomUUID();
        await store.put(id, file.path, { size: file.size, contentType: file.type.mime });
        stored.push(id);
        const evidence = this.em.create(Evidence, {
          id,
          ownerKind: EvidenceOwnerKind.ASSIGNMENT,
          ownerId: assignment.id,
          unit: assignment.unit,
          uploadedBy: actor,
          uploadedAt: new Date(startedAt + outcomes.length),
          originalName: file.name,
          description: file.description,
          size: file.size,
          contentType: file.type.mime,
          detectedExtension: file.type.ext,
          sha256: file.sha256,
          storageKey: id,
        });
        recordHistory(this.em, viewer, assignment, {
          action: AssignmentAction.ATTACH_EVIDENCE,
          from: assignment.status,
          comment: `Đính kèm minh chứng: ${downloadName(file.name, file.type.ext)}`,
          // History sorts by time: one millisecond apart keeps the files of one request in their order.
          at: new Date(startedAt + outcomes.length),
        });
        bySha.set(file.sha256, evidence);
        outcomes.push({ evidence, duplicate: false });
      }
      const added = outcomes.filter((o) => !o.duplicate).map((o) => o.evidence);
      if (added.length) await recordWebhookEvent(this.em, WebhookEventType.EVIDENCE_ADDED, evidenceAddedData(this.em, assignment, added));
      await this.em.flush();
      stored.length = 0;
      return outcomes;
    } catch (error) {
      this.em.clear();
      await Promise.all(stored.map((key) => store.discard(key).catch(() => {})));
      throw error;
    } finally {
      await Promise.all(received.map((r) => rm(r.path, { force: true })));
    }
  }

  private async receive(
    pending: Promise<FileUpload>,
    index: number,
    description: string | null | undefined,
    store: EvidenceStore,
    maxBytes: number,
  ): Promise<Received> {
    let rawName: string | undefined;
    let staged: StagedFile | undefined;
    try {
      const upload = await pending.catch((error: unknown) => {
        throw (error as { status?: number })?.status === 413 ? error : new UploadBroken(error);
      });
      rawName = upload.filename;
      const name = checkOriginalName(upload.filename);
      staged = await stageUpload(upload.createReadStream(), store.stagingDir, maxBytes);
      if (staged.size === 0) throw new FileCheckError('EMPTY_FILE', 'Tệp rỗng (0 byte).');
      const type = await detectAllowedType(staged.path, name);
      return { ...staged, name, type, description: description?.trim() || null };
    } catch (error) {
      if (staged) await rm(staged.path, { force: true });
      if (error instanceof FileCheckError) {
        throw badInput(`Tệp thứ ${index + 1}${rawName ? ` (${rawName})` : ''}: ${error.message}`, {
          argument: 'files',
          reason: error.reason,
          index,
          fileName: rawName ?? null,
        });
      }
      if ((error as { status?: number })?.status === 413) {
        throw badInput(`Tệp thứ ${index + 1}: vượt quá dung lượng cho phép.`, { argument: 'files', reason: 'FILE_TOO_LARGE', index });
      }
      if (error instanceof UploadBroken || (error as { status?: number })?.status === 400) {
        throw badInput(`Tệp thứ ${index + 1}: dữ liệu tải lên bị lỗi hoặc không trọn vẹn (tên tệp có ký tự lạ?). Hãy thử lại.`, { argument: 'files', reason: 'INVALID_UPLOAD', index });
      }
      throw error;
    }
  }

  /** Hides evidence; the file and the row stay, and the history says who removed it and why. */
  async remove(id: string, reason: string): Promise<Evidence> {
    const viewer = requireViewer(this.viewer);
    const evidence = isId(id) ? await this.em.findOne(Evidence, { id }) : null;
    if (!evidence || evidence.ownerKind !== EvidenceOwnerKind.ASSIGNMENT) throw notFound('minh chứng', id);
    const assignment = await this.assignment(evidence.ownerId);
    const hidesAny = can(viewer, 'evidence:hide-any');
    if (!hidesAny) authorize(viewer, 'assignment:work', { unitId: assignment.unit.id });
    if (evidence.hiddenAt) throw conflict('Minh chứng này đã được gỡ trước đó.', { reason: 'ALREADY_REMOVED' });
    if (!hidesAny) this.assertEditable(assignment);
    const why = reason.trim();
    if (!why) throw badInput('Cần ghi rõ lý do gỡ minh chứng.', { argument: 'reason' });
    if (why.length > MAX_DESCRIPTION) throw badInput(`Lý do dài quá ${MAX_DESCRIPTION} ký tự.`, { argument: 'reason' });

    const actor = historyActor(this.em, viewer).actor;
    evidence.hiddenAt = new Date();
    evidence.hiddenBy = actor;
    evidence.hiddenReason = why;
    recordHistory(this.em, viewer, assignment, {
      action: AssignmentAction.REMOVE_EVIDENCE,
      from: assignment.status,
      comment: `Gỡ minh chứng ${downloadName(evidence.originalName, evidence.detectedExtension)}: ${why}`,
    });
    await this.em.flush();
    return evidence;
  }
}
