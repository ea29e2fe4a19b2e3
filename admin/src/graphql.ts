import { toAppError, type GraphQLErrorShape } from './errors.js';

export const GRAPHQL_URL = '/graphql';

/**
 * A plain GraphQL request for the domain operations the generic provider does not know
 * (sign-in, transitions, progress figures). The session travels in the HttpOnly cookie, except for
 * `anonymous` requests: public pages must show what a stranger sees, whoever uses the browser.
 */
export async function gqlRequest<T>(query: string, variables: Record<string, unknown> = {}, { anonymous = false } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: anonymous ? 'omit' : 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw toAppError(error);
  }
  let body: { data?: T; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw toAppError({ status: response.status });
  }
  if (body.errors?.length) throw toAppError({ errors: body.errors });
  if (!response.ok || !body.data) throw toAppError({ status: response.status });
  return body.data;
}
