import { raw, ReferenceKind, wrap, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, type Permission, type Viewer } from '../auth/policy.js';
import { badInput, conflict, notFound } from './errors.js';
import { OrderDirection, type Page, type Window } from './pagination.js';
import { displayedProps, leanMapped, type Lean } from './lean.js';
import { containsCondition, containsPattern, searchText } from './search.js';

export interface ResourceSpec {
  /** Vietnamese name used in messages, e.g. "kế hoạch". */
  label: string;
  /** Properties matched by the free-text filter `q`. */
  searchFields: string[];
  /** Properties a list may be sorted by. */
  sortable: string[];
  defaultSort: [string, OrderDirection];
  /** Who may create, update and delete. Reading needs plan:read. */
  writePermission: Permission;
}

type Filter = Record<string, unknown>;

/** What the resource resolvers need from a service; ResourceService is the generic one. */
export interface ResourceOperations<T, Row = T, ListRow = Row> {
  list(filter: Filter | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<ListRow>>;
  get(id: string): Promise<Row>;
  create(data: Record<string, unknown>): Promise<T>;
  update(id: string, version: number, data: Record<string, unknown>): Promise<T>;
  delete(id: string): Promise<T>;
}
type Entity = { id: string; version: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row, so it is treated as "not found", not a database error. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Keeps only well-formed ids; a list of nothing but bad ids still matches nothing. */
function ids(value: unknown): string[] {
  const list = (Array.isArray(value) ? value : [value]).filter(isId);
  return list.length ? list : ['00000000-0000-0000-0000-000000000000'];
}

/**
 * Read and write for reference data edited from the admin: typed filters become MikroORM queries,
 * `<relation>Id` arguments become checked references, and every write is authorised and versioned.
 */
export class ResourceService<T extends Entity> implements ResourceOperations<T, T, Lean<T>> {
  constructor(
    protected readonly em: EntityManager,
    protected readonly viewer: Viewer | null,
    protected readonly entity: EntityName<T> & (new () => T),
    protected readonly spec: ResourceSpec,
  ) {}

  private get meta() {
    return this.em.getMetadata().find(this.entity)!;
  }

  private get listedFields(): string[] {
    return displayedProps(this.meta as never).map((p) => p.name);
  }

  protected where(filter: Filter = {}): FilterQuery<T> {
    const conditions: Record<string, unknown>[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      if (key === 'ids') conditions.push({ id: { $in: ids(value) } });
      else if (key === 'q') {
        const text = searchText(value);
        if (text && this.spec.searchFields.length) conditions.push({ $or: this.searchConditions(text) });
      } else {
        const isRelation = key.endsWith('Id');
        const property = isRelation ? key.slice(0, -2) : key;
        const values = isRelation ? ids(value) : value;
        conditions.push({ [property]: Array.isArray(values) ? { $in: values } : values });
      }
    }
    return (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>;
  }

  /** One condition per search field, each ignoring marks and case; a fresh raw key per use, as MikroORM asks. */
  private searchConditions(text: string): Record<string, unknown>[] {
    const pattern = containsPattern(text);
    return this.spec.searchFields.map((field) => {
      const column = this.meta.properties[field as never].fieldNames[0];
      return { [raw((alias: string) => containsCondition(`${alias}."${column}"`), [pattern])]: [] };
    });
  }

  protected orderBy(sortField?: string | null, direction?: OrderDirection) {
    const [defaultField, defaultDirection] = this.spec.defaultSort;
    const field = sortField ?? defaultField;
    if (!this.spec.sortable.includes(field)) {
      throw badInput(`Không sắp xếp được theo "${field}". Chọn một trong: ${this.spec.sortable.join(', ')}.`, {
        argument: 'sortField',
      });
    }
    const dir = (direction ?? (sortField ? OrderDirection.ASC : defaultDirection)) === OrderDirection.DESC ? 'desc' : 'asc';
    // The id breaks ties so that pages never repeat or skip rows.
    return [{ [field]: dir }, { id: 'asc' }] as never;
  }

  /** Lists are only displayed: plain rows, not managed entities; the count in its own statement. */
  async list(filter: Filter | undefined, sortField: string | undefined, direction: OrderDirection | undefined, window: Window): Promise<Page<Lean<T>>> {
    authorize(this.viewer, 'plan:read');
    const qb = this.em.createQueryBuilder(this.entity).where(this.where(filter) as never);
    const [rows, total] = await Promise.all([
      qb.clone().select(this.listedFields as never).orderBy(this.orderBy(sortField, direction)).limit(window.limit).offset(window.offset).execute('all', true),
      qb.getCount(),
    ]);
    return { items: leanMapped(this.em, this.entity, rows as object[]), total };
  }

  async get(id: string): Promise<T> {
    authorize(this.viewer, 'plan:read');
    const found = isId(id) ? await this.em.findOne(this.entity, { id } as FilterQuery<T>) : null;
    if (!found) throw notFound(this.spec.label, id);
    return found;
  }

  /** Turns `planId: "…"` into `plan: <Plan>`, refusing ids that point nowhere. */
  protected async resolveRelations(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      const relation = key.endsWith('Id') ? this.meta.properties[key.slice(0, -2) as never] : undefined;
      if (relation && relation.kind === ReferenceKind.MANY_TO_ONE) {
        if (value === null) {
          out[relation.name] = null;
          continue;
        }
        const target = isId(value) ? await this.em.findOne(relation.targetMeta!.class, { id: value } as never) : null;
        if (!target) throw badInput(`${key}: không tìm thấy (${String(value)}).`, { argument: key });
        out[relation.name] = target;
      } else out[key] = value;
    }
    return out;
  }

  async create(data: Record<string, unknown>): Promise<T> {
    authorize(this.viewer, this.spec.writePermission);
    const entity = this.em.create(this.entity, (await this.resolveRelations(data)) as never);
    await this.em.flush();
    return entity;
  }

  async update(id: string, version: number, data: Record<string, unknown>): Promise<T> {
    authorize(this.viewer, this.spec.writePermission);
    const entity = await this.get(id);
    if (entity.version !== version) {
      throw conflict(`${this.spec.label} đã được người khác sửa (phiên bản ${entity.version}, bạn gửi ${version}). Hãy tải lại.`, {
        currentVersion: entity.version,
      });
    }
    wrap(entity).assign((await this.resolveRelations(data)) as never);
    await this.em.flush();
    return entity;
  }

  async delete(id: string): Promise<T> {
    authorize(this.viewer, this.spec.writePermission);
    const entity = await this.get(id);
    const snapshot = { ...entity };
    await this.em.remove(entity).flush();
    return snapshot as T;
  }
}
