import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { IsIn, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
/** getMany-style lookups by id may ask for more than one page at once. */
export const MAX_IDS = 500;

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

/** A window into an ordered list. */
export interface Window {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** react-admin (ra-data-graphql-simple) list arguments: allX(page, perPage, sortField, sortOrder, filter). */
@ArgsType()
export class RaListArgs {
  @Field(() => Int, { nullable: true, description: 'Trang, bắt đầu từ 0' })
  @IsOptional()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true, description: `Số dòng mỗi trang (tối đa ${MAX_PAGE_SIZE})` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  perPage?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  sortField?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}

export function raWindow(args: RaListArgs, idsRequested?: number): Window {
  const perPage = args.perPage ?? (idsRequested ? Math.min(idsRequested, MAX_IDS) : DEFAULT_PAGE_SIZE);
  return { limit: perPage, offset: (args.page ?? 0) * perPage };
}

export function raDirection(sortOrder?: string): OrderDirection {
  return sortOrder?.toUpperCase() === 'DESC' ? OrderDirection.DESC : OrderDirection.ASC;
}

@ObjectType({ description: 'Số liệu phân trang cho react-admin' })
export class ListMetadata {
  @Field(() => Int)
  count: number;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Số phần tử (mặc định ${DEFAULT_PAGE_SIZE}, tối đa ${MAX_PAGE_SIZE})` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Con trỏ endCursor của trang trước' })
  @IsOptional()
  @MaxLength(64)
  after?: string;
}

const CURSOR_PREFIX = 'pos:';

/**
 * Cursors are positions in the ordered, filtered list (as graphql-relay's array connections are):
 * opaque to clients, stable as long as the list does not change under them.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(position) || position < 0) {
    throw badInput('Con trỏ phân trang (after) không hợp lệ.', { argument: 'after' });
  }
  return position;
}

export function connectionWindow(args: ConnectionArgs): Window {
  return { limit: args.first ?? DEFAULT_PAGE_SIZE, offset: args.after ? decodeCursor(args.after) + 1 : 0 };
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>(page: Page<T>, window: Window): Connection<T> {
  const edges = page.items.map((node, i) => ({ node, cursor: encodeCursor(window.offset + i) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: window.offset + page.items.length < page.total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Relay connection and edge types for a node type, named XConnection and XEdge. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}
