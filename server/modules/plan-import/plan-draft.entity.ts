import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { User } from '../users/user.entity.js';
import type { DraftContent } from './draft-content.js';

export enum PlanDraftState {
  DRAFT = 'DRAFT',
  ACTIVATED = 'ACTIVATED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(PlanDraftState, {
  name: 'PlanDraftState',
  description: 'DRAFT: đang rà soát; ACTIVATED: đã thành kế hoạch; DISCARDED: đã bỏ',
});

export enum PlanSourceFormat {
  /** Pasted into the form. */
  TEXT = 'TEXT',
  TXT = 'TXT',
  DOCX = 'DOCX',
  PDF = 'PDF',
}
registerEnumType(PlanSourceFormat, { name: 'PlanSourceFormat', description: 'Văn bản dán vào (TEXT) hoặc tệp .txt, .docx, .pdf' });

/**
 * A plan read from its document and waiting for a person to check it: the document's text, the plan
 * as the importer read it (editable, one jsonb value), and once activated the plan it became.
 * Drafts are never deleted: a discarded or activated one records who imported what.
 */
@ObjectType({ description: 'Bản nháp kế hoạch đọc từ văn bản, chờ rà soát trước khi thành kế hoạch' })
@Entity({ tableName: 'plan_draft' })
@Index({ properties: ['state', 'createdAt'] })
export class PlanDraft extends BaseEntity {
  @Field(() => PlanDraftState)
  @Enum({ items: () => PlanDraftState, nativeEnumName: 'plan_draft_state' })
  state: Opt<PlanDraftState> = PlanDraftState.DRAFT;

  @Field(() => String, { nullable: true, description: 'Tên tệp đã tải lên; trống khi văn bản được dán vào' })
  @Property({ type: 'string', length: 255, nullable: true })
  sourceName?: string | null;

  @Field(() => PlanSourceFormat)
  @Enum({ items: () => PlanSourceFormat, nativeEnumName: 'plan_source_format' })
  sourceFormat: PlanSourceFormat;

  /** The normalised text every span points into; read only where asked for (PlanDraftFieldResolver). */
  @Property({ type: 'text', lazy: true })
  sourceText: string;

  /** The header's code and title, kept beside the content so lists sort and search without reading it. */
  @Field(() => String, { description: 'Mã kế hoạch đề xuất' })
  @Property({ type: 'string', length: 80 })
  code: string;

  @Field(() => String, { description: 'Tên kế hoạch' })
  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'json' })
  content: DraftContent;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @ManyToOne({ entity: () => Plan, nullable: true, deleteRule: 'set null' })
  activatedPlan?: Plan | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  activatedAt?: Date | null;
}
