import {
  BREAK, GraphQLError, Kind, valueFromASTUntyped, visit,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule,
} from 'graphql';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config.js';
import type { Context } from '../context.js';
import { Role } from '../modules/users/user.entity.js';
import {
  PAGE_ARGUMENTS, limitError, maxAliasesRule, maxDepthRule, maxDirectivesRule, pageSizeOf, queryCost,
} from './graphql-limits.js';
import { rateLimitedError, setBudgetHeaders, type Caller, type RequestBudget } from './request-budget.js';
import { noNulLiteralsRule, nulInRequest } from './nul-characters.js';

/** Whether any field of the document, fragments included, is __schema or __type. */
function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Variables given as a page size anywhere in the document: the only way variables change the cost. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_ARGUMENTS.includes(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/** Beyond this many page-size combinations of one operation, the cost is worked out each time, not kept. */
const COSTS_PER_OPERATION = 64;

interface DocumentFacts {
  introspection: boolean;
  pageVariables: string[];
  costs: Map<OperationDefinitionNode, Map<string, number>>;
}

/**
 * What the per-request checks learn from a document, worked out once per distinct query. Apollo keeps
 * parsed and validated documents in its document store and hands every request with the same query
 * text the same DocumentNode object, so a WeakMap on it lives exactly as long as Apollo keeps the
 * document. The cost is kept per operation and per page size of each page-size variable (normalised
 * as the cost reads them), so a different `first` is costed again.
 */
export class DocumentChecks {
  private readonly facts = new WeakMap<DocumentNode, DocumentFacts>();

  introspection(document: DocumentNode): boolean {
    return this.of(document).introspection;
  }

  cost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
    const facts = this.of(document);
    let costs = facts.costs.get(operation);
    if (!costs) facts.costs.set(operation, (costs = new Map()));
    const values = withDefaults(operation, variables);
    const key = facts.pageVariables.map((name) => pageSizeOf(values[name]) ?? '').join(',');
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = queryCost(schema, document, operation, values);
      if (costs.size < COSTS_PER_OPERATION) costs.set(key, cost);
    }
    return cost;
  }

  private of(document: DocumentNode): DocumentFacts {
    let facts = this.facts.get(document);
    if (!facts) {
      facts = { introspection: asksForIntrospection(document), pageVariables: pageVariables(document), costs: new Map() };
      this.facts.set(document, facts);
    }
    return facts;
  }
}

/** A variable left out takes its declared default, as it will when the operation runs. */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const defaults = operation.variableDefinitions?.filter((d) => d.defaultValue && variables[d.variable.name.value] === undefined);
  if (!defaults?.length) return variables;
  return { ...Object.fromEntries(defaults.map((d) => [d.variable.name.value, valueFromASTUntyped(d.defaultValue!)])), ...variables };
}

/** The cost limit, and for a budgeted caller the whole budget: an operation costing more could never run. */
function costLimitError(config: AppConfig, cost: number, caller: Caller | undefined): GraphQLError {
  const max = config.limits.maxCost;
  if (caller && caller.limit < max) {
    return limitError(
      `Truy vấn quá tốn kém (ước tính ${cost} điểm) so với cả hạn mức ${caller.limit} điểm mỗi ` +
        `${config.limits.budget.windowSeconds} giây của bạn: giảm first/perPage hoặc bớt danh sách lồng nhau.`,
      'cost',
      caller.limit,
      cost,
    );
  }
  return limitError(
    `Truy vấn quá tốn kém (ước tính ${cost} bản ghi, tối đa ${max}): giảm first/perPage hoặc bớt danh sách lồng nhau.`,
    'cost',
    max,
    cost,
  );
}

/**
 * Checks that need the request: no NUL in the variables or the operation's name, the cost counts the
 * page sizes sent as variables, in production the schema is described only to ADMIN (integrators get the
 * committed schema file instead), and the cost is spent from the caller's budget before anything runs.
 */
function requestChecksPlugin(config: AppConfig, budget: RequestBudget | undefined): ApolloServerPlugin<Context> {
  const checks = new DocumentChecks();
  return {
    async requestDidStart({ contextValue }) {
      const caller = budget?.callerOf(contextValue.viewer, contextValue.req?.ip);
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request, response }) {
          const nul = nulInRequest(request);
          if (nul) throw nul;
          if (config.isProduction && contextValue.viewer?.role !== Role.ADMIN && checks.introspection(document)) {
            throw new GraphQLError('Không hỗ trợ truy vấn cấu trúc (introspection). Xem tệp schema/schema.graphql.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          if (!operation) return;
          const cost = checks.cost(schema, document, operation, request.variables ?? {});
          if (cost > Math.min(config.limits.maxCost, caller?.limit ?? Infinity)) throw costLimitError(config, cost, caller);
          if (!budget || !caller) return;
          // Every operation costs at least a point: a mutation without fields to fan out to still runs.
          const state = await budget.spend(caller, Math.max(1, cost));
          contextValue.budget = state;
          setBudgetHeaders(response.http.headers, state);
          if (!state.allowed) throw rateLimitedError(state);
        },
        async willSendResponse({ contextValue, response }) {
          // A request refused before its cost was known (unreadable, invalid, over the cost limit) costs a
          // point, so that a flood of them is budgeted too, and its answer carries the headers all the same.
          if (!budget || !caller || contextValue.budget) return;
          contextValue.budget = await budget.spend(caller, 1);
          setBudgetHeaders(response.http.headers, contextValue.budget);
        },
      };
    },
  };
}

/** The Apollo options that bound what one request may ask of the server. */
export function graphqlSecurityOptions(config: AppConfig, budget?: RequestBudget): {
  options: Pick<ApolloServerOptions<Context>, 'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests' | 'hideSchemaDetailsFromClientErrors' | 'introspection'>;
  plugins: ApolloServerPlugin<Context>[];
} {
  const { limits } = config;
  const validationRules: ValidationRule[] = [
    noNulLiteralsRule,
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
  ];
  return {
    options: {
      validationRules,
      // graphql-js stops lexing past this many tokens, so a huge document costs no more than a small one.
      parseOptions: { maxTokens: limits.maxTokens },
      allowBatchedHttpRequests: false,
      // No "Did you mean …?" that would spell out the schema to someone who may not introspect it.
      hideSchemaDetailsFromClientErrors: config.isProduction,
      // Introspection is answered by the server and refused per request by requestChecksPlugin.
      introspection: true,
    },
    plugins: [requestChecksPlugin(config, budget)],
  };
}
