import buildGraphQLProvider from 'ra-data-graphql-simple';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { DataProvider } from 'react-admin';
import schemaSdl from '../../schema/schema.graphql?raw';
import { GRAPHQL_URL } from './graphql.js';

/**
 * react-admin's generic provider over the API. Introspection from the committed SDL, not from the
 * server: production refuses introspection to everyone but administrators, and the admin must work
 * for officers too.
 */
export function genericDataProvider(): DataProvider {
  const schema = introspectionFromSchema(buildSchema(schemaSdl)).__schema;
  return buildGraphQLProvider({
    clientOptions: { uri: GRAPHQL_URL, credentials: 'include' },
    introspection: { schema } as never,
  }) as unknown as DataProvider;
}
