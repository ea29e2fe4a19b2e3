import {
  GraphQLError, Kind, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, isInterfaceType,
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule,
  type ValueNode, type DocumentNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/pagination.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
}

/** Lists without a page argument (a task's subtasks, an assignment's history) are costed as this many rows. */
export const UNPAGED_LIST_COST = 10;
/** Arguments that set how many rows a list returns. */
export const PAGE_ARGUMENTS = ['first', 'perPage', 'last'];

/** Rejections are request errors: graphql-js's own code, HTTP 400, and a message the caller can act on. */
export function limitError(message: string, limit: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, actual, http: { status: 400 } },
  });
}

const isIntrospection = (node: FieldNode) => node.name.value === '__schema' || node.name.value === '__type';

type Fragments = Record<string, FragmentDefinitionNode | undefined>;

/**
 * Walks an operation with its fragments inlined, calling `visit` for every field with the depth it sits at.
 * A fragment already on the path is not entered again (NoFragmentCyclesRule reports those).
 */
function walk(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  visit: (field: FieldNode, depth: number) => boolean | void,
  depth = 1,
  path: ReadonlySet<string> = new Set(),
) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const enter = visit(selection, depth);
      if (enter !== false && selection.selectionSet) walk(selection.selectionSet, fragments, visit, depth + 1, path);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, fragments, visit, depth, path);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !path.has(name)) walk(fragment.selectionSet, fragments, visit, depth, new Set([...path, name]));
    }
  }
}

export function fragmentsOf(document: DocumentNode): Fragments {
  return Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
}

/** Depth of nested fields. Introspection is exempt: its depth is bounded by the schema, and it is ADMIN-only in production. */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      let deepest = 0;
      walk(operation.selectionSet, fragmentsOf(context.getDocument()), (field, depth) => {
        if (isIntrospection(field)) return false;
        deepest = Math.max(deepest, depth);
        return deepest <= max;
      });
      if (deepest > max) {
        context.reportError(limitError(`Truy vấn lồng quá sâu: tối đa ${max} cấp.`, 'depth', max, deepest));
      }
    },
  });
}

/** Every alias counts, `__typename` ones included: a hundred aliases of anything is a batch in disguise. */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      let count = 0;
      walk(operation.selectionSet, fragmentsOf(context.getDocument()), (field) => {
        if (field.alias) count++;
        return count <= max;
      });
      if (count > max) {
        context.reportError(limitError(`Quá nhiều bí danh (alias) trong một yêu cầu: tối đa ${max}.`, 'aliases', max, count));
      }
    },
  });
}

/** Directives anywhere in the document, fragments and operation headers included. */
export function maxDirectivesRule(max: number): ValidationRule {
  return (context): ASTVisitor => {
    let count = 0;
    return {
      Directive() {
        count++;
      },
      Document: {
        leave() {
          if (count > max) {
            context.reportError(limitError(`Quá nhiều chỉ thị (directive): tối đa ${max}.`, 'directives', max, count));
          }
        },
      },
    };
  };
}

function pageSize(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const argument of field.arguments ?? []) {
    if (!PAGE_ARGUMENTS.includes(argument.name.value)) continue;
    return pageSizeOf(valueOf(argument.value, variables));
  }
  return undefined;
}

/** The rows a page argument's value stands for: all the cost ever learns from a variable. */
export function pageSizeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.min(Math.trunc(value), MAX_PAGE_SIZE));
  if (value === undefined || value === null) return undefined;
  return MAX_PAGE_SIZE;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.NULL:
      return null;
    default:
      return MAX_PAGE_SIZE;
  }
}

function fieldDef(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/**
 * Rows a query may touch, counted before it runs: every object a field returns costs 1 times the page
 * sizes of the lists around it, so `plans { tasks { assignments { history } } }` multiplies out.
 * Connections carry their page size on the connection field; their `edges` list adds no factor of its own.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = fragmentsOf(document);
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  let total = 0;
  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, factor: number, path: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        visit(selection.selectionSet, typeName ? (schema.getType(typeName) ?? parentType) : parentType, factor, path);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment && !path.has(fragment.name.value)) {
          visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parentType, factor, new Set([...path, fragment.name.value]));
        }
        continue;
      }
      if (isIntrospection(selection) || !selection.selectionSet) continue;
      const def = fieldDef(parentType, selection.name.value);
      const type = def ? getNullableType(def.type) : undefined;
      const named = def ? getNamedType(def.type) : undefined;
      const isConnection = named !== undefined && named.name.endsWith('Connection');
      const isEdges = selection.name.value === 'edges' && parentType?.name.endsWith('Connection');
      let multiplier = 1;
      if (isConnection) multiplier = pageSize(selection, variables) ?? DEFAULT_PAGE_SIZE;
      else if (type && isListType(type) && !isEdges) {
        multiplier = pageSize(selection, variables) ?? (factor === 1 ? DEFAULT_PAGE_SIZE : UNPAGED_LIST_COST);
      }
      const here = factor * multiplier;
      total += here;
      if (named && isCompositeType(named)) visit(selection.selectionSet, named, here, path);
    }
  };
  visit(operation.selectionSet, rootType, 1, new Set());
  return total;
}
