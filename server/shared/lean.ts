import DataLoader from 'dataloader';
import { ReferenceKind, type EntityMetadata, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A row read only to be displayed: the entity's properties as plain values, each many-to-one relation
 * as `{ id }`. It has the shape the GraphQL resolvers read (`task.parent.id`, `a.unit.id`), so they
 * serve rows and managed entities alike, but it is not managed: no identity map, no unit of work,
 * no change tracking, which is what makes hot lists cheap. Writes load entities instead.
 */
export type Lean<T> = {
  [K in keyof T]: T[K] extends { id: string } ? Ref : T[K] extends { id: string } | null | undefined ? Ref | null : T[K];
};
export interface Ref {
  id: string;
}

function relationProps(meta: EntityMetadata<object>): string[] {
  return meta.props.filter((p) => p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.ONE_TO_ONE && p.owner).map((p) => p.name);
}

/** Maps raw database rows (column names, driver types) to lean rows, as MikroORM would map them. */
export function leanRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: object[]): Lean<T>[] {
  const meta = em.getMetadata().find(entity)! as unknown as EntityMetadata<object>;
  const driver = em.getDriver();
  const relations = relationProps(meta);
  return rows.map((row) => wrapRelations(driver.mapResult(row as never, meta) as Record<string, unknown>, relations) as Lean<T>);
}

/** Rows already mapped to property names (a query builder's `execute('all', true)`): relations become `{ id }`. */
export function leanMapped<T extends object>(em: EntityManager, entity: EntityName<T>, rows: object[]): Lean<T>[] {
  const relations = relationProps(em.getMetadata().find(entity)! as unknown as EntityMetadata<object>);
  return rows.map((row) => wrapRelations(row as Record<string, unknown>, relations) as Lean<T>);
}

function wrapRelations(row: Record<string, unknown>, relations: string[]) {
  for (const name of relations) {
    const value = row[name];
    if (typeof value === 'string') row[name] = { id: value };
    else if (value === undefined) row[name] = null;
  }
  return row;
}

/** The properties a displayed row carries: lazy ones (a plan's full source text) are read only where asked for. */
export function displayedProps(meta: EntityMetadata<object>) {
  return meta.props.filter(
    (p) => !p.lazy && p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE),
  );
}

/** Lean rows of a table by id, one query per request however many resolvers ask. */
export function leanById<T extends { id: string }>(em: EntityManager, entity: EntityName<T>): DataLoader<string, Lean<T> | null> {
  const meta = em.getMetadata().find(entity)! as unknown as EntityMetadata<object>;
  const columns = displayedProps(meta).flatMap((p) => p.fieldNames.map((name) => `"${name}"`)).join(', ');
  return new DataLoader(async (ids) => {
    const rows = await em.getConnection().execute(`select ${columns} from "${meta.tableName}" where id = any(?::uuid[])`, [uuidArray(ids)]);
    const map = new Map(leanRows(em, entity, rows).map((row) => [(row as { id: string }).id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A PostgreSQL array literal of ids, bound as one parameter (`= any(?::uuid[])`, `unnest(?::uuid[])`):
 * the driver would otherwise spread a JS array into a list of parameters. Only well-formed ids pass.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.filter((id) => UUID.test(id)).join(',')}}`;
}

/** Groups the rows of one batched query by key, in the order the query returned them. */
export function groupedBy<T, K extends string>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
    for (const row of await load([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key)!);
  });
}
