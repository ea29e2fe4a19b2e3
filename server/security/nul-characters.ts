import type { RequestHandler } from 'express';
import {
  GraphQLError, Kind, type ASTNode, type ASTVisitor, type ValidationRule, type ValueNode,
} from 'graphql';
import { badInput, type DomainError } from '../shared/errors.js';
import { sendDomainError } from '../shared/http-errors.js';

/**
 * PostgreSQL text cannot hold U+0000: a string carrying one fails its whole statement ("invalid message
 * format") and would surface as a server error. No field of the product has a use for it, so every string
 * a client sends is checked here, at the edge, and a NUL is the client's mistake.
 */
const NUL = '\u0000';

/** Where the NUL was found: the argument (with the field or directive it belongs to), a variable, or a request parameter. */
type NulPlace =
  | { field?: string; directive?: string; argument: string }
  | { variable: string }
  | { parameter: string };

function describe(place: NulPlace): string {
  if ('variable' in place) return `biến $${place.variable}`;
  if ('parameter' in place) return `tham số ${place.parameter}`;
  const owner = place.field ? ` của ${place.field}` : place.directive ? ` của @${place.directive}` : '';
  return `đối số ${place.argument}${owner}`;
}

export function nulInput(place: NulPlace): DomainError {
  return badInput(`Dữ liệu gửi lên chứa ký tự NUL (\\u0000) không hợp lệ (${describe(place)}). Hãy xóa ký tự này rồi gửi lại.`, {
    reason: 'NUL_CHARACTER',
    ...place,
  });
}

/** The refusal as GraphQL carries it: BAD_USER_INPUT (kept by formatError from the domain error) and HTTP 400. */
function nulGraphQLError(place: NulPlace, nodes?: ASTNode): GraphQLError {
  const domain = nulInput(place);
  return new GraphQLError(domain.message, { nodes, originalError: domain, extensions: { code: domain.code, http: { status: 400 } } });
}

const isPlain = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The path of the first string (or object key) holding a NUL in a JSON-shaped value, e.g. `filter.ids[1]`;
 * null when there is none. Walked without recursion: a request body may nest far deeper than the stack.
 * Only plain objects and arrays are entered; an upload's placeholder is the server's own object.
 */
export function findNul(value: unknown, path = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length) {
    const [current, at] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return at;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${at}[${i}]`]);
    } else if (current && typeof current === 'object' && isPlain(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i];
        const inside = at ? `${at}.${key}` : key;
        if (key.includes(NUL)) return inside;
        stack.push([inner, inside]);
      }
    }
  }
  return null;
}

/** The path below `at` of the first string literal holding a NUL (a document is bounded in size, so recursion is fine). */
function nulInLiteral(node: ValueNode, at: string): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes(NUL) ? at : null;
    case Kind.LIST:
      for (const [i, item] of node.values.entries()) {
        const found = nulInLiteral(item, `${at}[${i}]`);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = nulInLiteral(field.value, `${at}.${field.name.value}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * Strings written into the document: arguments of fields and directives (inside input objects and lists
 * too) and the default values of variables. Checked on the argument rather than on each string, so the
 * refusal comes before graphql-js's own complaints about the same value.
 */
export const noNulLiteralsRule: ValidationRule = (context): ASTVisitor => ({
  Argument(node, _key, _parent, _path, ancestors) {
    const found = nulInLiteral(node.value, node.name.value);
    if (!found) return;
    const owner = ancestors[ancestors.length - 1] as ASTNode | undefined;
    const place =
      owner?.kind === Kind.FIELD ? { field: owner.name.value, argument: found }
        : owner?.kind === Kind.DIRECTIVE ? { directive: owner.name.value, argument: found }
          : { argument: found };
    context.reportError(nulGraphQLError(place, node));
  },
  VariableDefinition(node) {
    const found = node.defaultValue && nulInLiteral(node.defaultValue, node.variable.name.value);
    if (found) context.reportError(nulGraphQLError({ variable: found }, node));
  },
});

/** Strings sent beside the document: the operation's name and the variables, however deep. */
export function nulInRequest(request: { operationName?: string | null; variables?: Record<string, unknown> | null }): GraphQLError | null {
  if (request.operationName?.includes(NUL)) return nulGraphQLError({ parameter: 'operationName' });
  const found = findNul(request.variables ?? {});
  return found ? nulGraphQLError({ variable: found }) : null;
}

/**
 * Plain HTTP routes (exports, downloads, templates) read ids from the path and filters from the query
 * string: a `%00` in either is refused before any route sees it.
 */
export const refuseNulInUrl: RequestHandler = (req, res, next) => {
  if (req.path.includes('%00')) return sendDomainError(res, nulInput({ parameter: 'path' }));
  const found = findNul(req.query);
  if (found) return sendDomainError(res, nulInput({ parameter: found }));
  next();
};
