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

/**
 * A GraphQL multipart request (files in `variables`, as graphql-upload reads them): `files` maps each
 * variable path ("variables.file", "variables.files.0") to its file. XMLHttpRequest rather than fetch,
 * for upload progress on a slow link; the header is the one Apollo's CSRF protection requires.
 */
export function gqlUpload<T>(
  query: string,
  variables: Record<string, unknown>,
  files: Array<[path: string, file: File]>,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
  files.forEach(([, file], i) => form.append(String(i), file, file.name));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', GRAPHQL_URL);
    xhr.withCredentials = true;
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(toAppError(new TypeError('network')));
    xhr.onload = () => {
      let body: { data?: T; errors?: GraphQLErrorShape[] };
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(toAppError({ status: xhr.status }));
        return;
      }
      if (body.errors?.length) reject(toAppError({ errors: body.errors }));
      else if (body.data) resolve(body.data);
      else reject(toAppError({ status: xhr.status }));
    };
    xhr.send(form);
  });
}
