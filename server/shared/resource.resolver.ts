import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import {
  Arg, Args, ArgsType, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver, UseMiddleware, registerEnumType, type ClassType,
} from 'type-graphql';
import type { Permission } from '../auth/policy.js';
import { requires } from '../auth/requires.js';
import type { Context } from '../context.js';
import {
  ConnectionArgs, ConnectionType, ListMetadata, MAX_IDS, OrderDirection, RaListArgs, connectionWindow, raDirection, raWindow, toConnection,
} from './pagination.js';
import type { ResourceOperations } from './resource.service.js';

const constantCase = (field: string) => field.replace(/([A-Z])/g, '_$1').toUpperCase();

export interface ResourceResolverOptions<T extends object> {
  type: ClassType<T>;
  /** Singular type name, e.g. "Plan": gives allPlans, _allPlansMeta, Plan, createPlan, updatePlan, deletePlan. */
  name: string;
  plural: string;
  /** Relay connection field for integrators, e.g. "plans". */
  connectionField: string;
  filter: ClassType<object>;
  sortable: string[];
  service: (ctx: Context) => ResourceOperations<T>;
  /** Flat argument classes, as ra-data-graphql-simple sends them. Omit to make the resource read-only. */
  createArgs?: ClassType<object>;
  updateArgs?: ClassType<{ id: string; version: number }>;
  /**
   * Who may ever create, update and delete (any one of these): checked before the arguments are validated.
   * Required with the write arguments; the service checks again for the row itself.
   */
  writePermissions?: [Permission, ...Permission[]];
  /** Who may ever update, when it differs from writePermissions. */
  updatePermissions?: [Permission, ...Permission[]];
}

/**
 * The read (and optionally write) surface of one resource, in both shapes the product serves:
 * react-admin's ra-data-graphql-simple conventions and Relay connections for integrators.
 */
export function createResourceResolver<T extends object>(o: ResourceResolverOptions<T>): ClassType {
  const OrderField: Record<string, string> = Object.fromEntries(o.sortable.map((f) => [constantCase(f), f]));
  registerEnumType(OrderField, { name: `${o.name}OrderField` });

  @InputType(`${o.name}Order`)
  class Order {
    @Field(() => OrderField)
    field: string;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction: OrderDirection;
  }

  @ArgsType()
  class ListArgs extends RaListArgs {
    @Field(() => o.filter, { nullable: true })
    @IsOptional()
    filter?: Record<string, unknown>;
  }

  @ArgsType()
  class ConnArgs extends ConnectionArgs {
    @Field(() => o.filter, { nullable: true })
    @IsOptional()
    filter?: Record<string, unknown>;

    @Field(() => Order, { nullable: true })
    @IsOptional()
    orderBy?: Order;
  }

  const Connection = ConnectionType(o.type, o.name);

  @Resolver(() => o.type)
  class ReadResolver {
    @Query(() => [o.type], { name: `all${o.plural}` })
    async all(@Args(() => ListArgs) args: ListArgs, @Ctx() ctx: Context) {
      const ids = args.filter?.ids as string[] | undefined;
      const page = await o.service(ctx).list(args.filter, args.sortField, raDirection(args.sortOrder), raWindow(args, ids?.length));
      return page.items;
    }

    @Query(() => ListMetadata, { name: `_all${o.plural}Meta` })
    async meta(@Args(() => ListArgs) args: ListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
      const page = await o.service(ctx).list(args.filter, args.sortField, raDirection(args.sortOrder), { limit: 1, offset: 0 });
      return { count: page.total };
    }

    @Query(() => o.type, { name: o.name, nullable: true })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).get(id);
    }

    @Query(() => Connection, { name: o.connectionField })
    async connection(@Args(() => ConnArgs) args: ConnArgs, @Ctx() ctx: Context) {
      const window = connectionWindow(args);
      const page = await o.service(ctx).list(args.filter, args.orderBy?.field, args.orderBy?.direction, window);
      return toConnection(page, window);
    }
  }

  if (!o.createArgs || !o.updateArgs) return ReadResolver;
  if (!o.writePermissions) throw new Error(`${o.name}: a writable resource names its writePermissions`);
  const CreateArgs = o.createArgs;
  const UpdateArgs = o.updateArgs;
  const mayWrite = requires(...o.writePermissions);
  const mayUpdate = o.updatePermissions ? requires(...o.updatePermissions) : mayWrite;

  @Resolver(() => o.type)
  class WriteResolver extends ReadResolver {
    @Mutation(() => o.type, { name: `create${o.name}` })
    @UseMiddleware(mayWrite)
    create(@Args(() => CreateArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
      return o.service(ctx).create({ ...args });
    }

    @Mutation(() => o.type, { name: `update${o.name}` })
    @UseMiddleware(mayUpdate)
    update(@Args(() => UpdateArgs) args: { id: string; version: number }, @Ctx() ctx: Context) {
      const { id, version, ...data } = args;
      return o.service(ctx).update(id, version, data);
    }

    @Mutation(() => o.type, { name: `delete${o.name}` })
    @UseMiddleware(mayWrite)
    delete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).delete(id);
    }
  }
  return WriteResolver;
}

/** Base for update arguments: which row, and the version the client read. */
@ArgsType()
export class VersionedArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc; phiên bản cũ bị từ chối với mã CONFLICT' })
  version: number;
}

/** Base for list filters: ids (react-admin getMany) and free text. */
@InputType()
export class BaseFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_IDS)
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'Tìm theo tên, mã' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}
