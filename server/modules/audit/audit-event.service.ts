import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors.js';
import { OrderDirection, type Page, type Window } from '../../shared/pagination.js';
import { isId, type ResourceOperations } from '../../shared/resource.service.js';
import { containsPattern, searchKey, searchText } from '../../shared/search.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventFilter } from './audit-event.inputs.js';
import { authorize, type Viewer } from '../../auth/policy.js';

export const AUDIT_SORTABLE = ['at', 'action'];

/** The audit log, read by ADMIN only; there is no way to write it through the API. */
export class AuditEventService implements ResourceOperations<AuditEvent> {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  async list(filterArg: Record<string, unknown> | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<AuditEvent>> {
    authorize(this.viewer, 'security:manage');
    const filter = (filterArg ?? {}) as AuditEventFilter;
    const field = sortField ?? 'at';
    if (!AUDIT_SORTABLE.includes(field)) {
      throw badInput(`Không sắp xếp được theo "${field}". Chọn một trong: ${AUDIT_SORTABLE.join(', ')}.`, { argument: 'sortField' });
    }
    const dir = (direction ?? (sortField ? OrderDirection.ASC : OrderDirection.DESC)) === OrderDirection.DESC ? 'desc' : 'asc';
    const where: Record<string, unknown>[] = [];
    const id = (value: string) => (isId(value) ? value : '00000000-0000-0000-0000-000000000000');
    if (filter.ids) where.push({ id: { $in: filter.ids.map(id) } });
    if (filter.action?.length) where.push({ action: { $in: filter.action } });
    if (filter.subjectUserId) where.push({ subjectUser: id(filter.subjectUserId) });
    if (filter.subjectTokenId) where.push({ subjectToken: id(filter.subjectTokenId) });
    const text = searchText(filter.q);
    // Usernames are lower case without marks already; only what was typed needs folding.
    if (text) where.push({ [raw((alias: string) => `${alias}.username like ${searchKey('?')}`, [containsPattern(text)])]: [] });
    if (filter.after) where.push({ at: { $gte: filter.after } });
    if (filter.before) where.push({ at: { $lt: filter.before } });
    const [items, total] = await this.em.findAndCount(AuditEvent, where.length ? { $and: where } : {}, {
      orderBy: [{ [field]: dir }, { id: 'asc' }] as never,
      limit: window.limit,
      offset: window.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<AuditEvent> {
    authorize(this.viewer, 'security:manage');
    const found = isId(id) ? await this.em.findOne(AuditEvent, { id }) : null;
    if (!found) throw notFound('sự kiện', id);
    return found;
  }

  async create(): Promise<AuditEvent> {
    throw badInput('Nhật ký an ninh chỉ do hệ thống ghi.');
  }

  async update(): Promise<AuditEvent> {
    throw badInput('Nhật ký an ninh không sửa được.');
  }

  async delete(): Promise<AuditEvent> {
    throw badInput('Nhật ký an ninh không xóa được.');
  }
}
