import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidDay } from './dates.js';

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isValidDay(value)) {
    throw new GraphQLError(`Ngày không hợp lệ: ${JSON.stringify(value)}. Dùng dạng YYYY-MM-DD.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar day in Vietnam (YYYY-MM-DD), with no time and no zone to misread. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Ngày theo lịch Việt Nam (Asia/Ho_Chi_Minh), dạng YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDay(value)),
  parseValue: parseDay,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Ngày phải là chuỗi dạng YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parseDay(ast.value);
  },
});

function parseVnd(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new GraphQLError(`Số tiền không hợp lệ: ${JSON.stringify(value)}. Dùng số nguyên đồng, không âm.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * An amount of money in đồng. GraphQL's Int stops at about 2.1 billion, less than a hospital's
 * half-year takings, so amounts are whole numbers up to 2^53 (stored as bigint).
 */
export const VndScalar = new GraphQLScalarType<number, number>({
  name: 'Vnd',
  description: 'Số tiền (đồng), số nguyên không âm, tối đa 9 007 199 254 740 991.',
  serialize: (value) => parseVnd(typeof value === 'string' ? Number(value) : value),
  parseValue: parseVnd,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Số tiền phải là số nguyên.', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseVnd(Number(ast.value));
  },
});
