import { BREAK, GraphQLError, visit, type DocumentNode, type ValidationRule } from 'graphql';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config.js';
import type { Context } from '../context.js';
import { Role } from '../modules/users/user.entity.js';
import { limitError, maxAliasesRule, maxDepthRule, maxDirectivesRule, queryCost } from './graphql-limits.js';

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

/**
 * Checks that need the request: the cost counts the page sizes sent as variables, and in production
 * the schema is described only to ADMIN (integrators get the committed schema file instead).
 */
function requestChecksPlugin(config: AppConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (config.isProduction && contextValue.viewer?.role !== Role.ADMIN && asksForIntrospection(document)) {
            throw new GraphQLError('Không hỗ trợ truy vấn cấu trúc (introspection). Xem tệp schema/schema.graphql.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          if (!operation) return;
          const max = config.limits.maxCost;
          const cost = queryCost(schema, document, operation, request.variables ?? {});
          if (cost > max) {
            throw limitError(
              `Truy vấn quá tốn kém (ước tính ${cost} bản ghi, tối đa ${max}): giảm first/perPage hoặc bớt danh sách lồng nhau.`,
              'cost',
              max,
              cost,
            );
          }
        },
      };
    },
  };
}

/** The Apollo options that bound what one request may ask of the server. */
export function graphqlSecurityOptions(config: AppConfig): {
  options: Pick<ApolloServerOptions<Context>, 'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests' | 'hideSchemaDetailsFromClientErrors' | 'introspection'>;
  plugins: ApolloServerPlugin<Context>[];
} {
  const { limits } = config;
  const validationRules: ValidationRule[] = [
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
    plugins: [requestChecksPlugin(config)],
  };
}
