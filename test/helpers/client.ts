export const DEMO_PASSWORD = 'tiendo-demo';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
  headers: Headers;
}

export interface GraphQLClient {
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(username: string, password?: string): Promise<string>;
}

/** JSON GraphQL over HTTP against a running server, as an integrator's script would send it. */
export function graphqlClient(baseUrl: string): GraphQLClient {
  const gql: GraphQLClient['gql'] = async (query, variables, token) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: any };
    return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers };
  };
  return {
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
  };
}
