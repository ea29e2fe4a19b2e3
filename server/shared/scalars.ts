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
