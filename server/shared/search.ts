/**
 * Free-text search that ignores Vietnamese tone marks, "đ" and case: "ha bac" finds "Xã Hà Bắc",
 * "thanh toan" finds "thanh toán". Officers type on phones and keyboards without a Vietnamese input
 * method, so requiring exact diacritics makes search fail for the people who need it most.
 *
 * Both sides go through the same SQL, `lower(immutable_unaccent(…))`, so PostgreSQL's unaccent rules
 * (which also map đ→d and drop combining marks, i.e. text typed in decomposed form) decide what
 * matches, never a second copy of those rules here. The same expression is indexed with pg_trgm
 * (see searchIndex), which serves `like '%…%'` without reading the whole table.
 */

/** The comparable form of a column or parameter: unaccented first, so "Đ" lowers to "d" under any locale. */
export function searchKey(sqlExpression: string): string {
  return `lower(immutable_unaccent(${sqlExpression}))`;
}

/** The text made a `like` pattern matching it anywhere; its own `%`, `_` and `\` match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The trimmed query, or null when there is nothing to search for. */
export function searchText(q: unknown): string | null {
  const text = typeof q === 'string' ? q.trim() : '';
  return text ? text : null;
}

/** `<column> contains the text`, ignoring marks and case: one condition and its one parameter. */
export function containsCondition(sqlColumn: string): string {
  return `${searchKey(sqlColumn)} like ${searchKey('?')}`;
}

/**
 * A column matching any of the columns, for hand-written SQL: `(a like … or b like …)` and one
 * pattern parameter per column.
 */
export function anyContains(sqlColumns: string[], text: string): { sql: string; params: string[] } {
  const pattern = containsPattern(text);
  return {
    sql: `(${sqlColumns.map(containsCondition).join(' or ')})`,
    params: sqlColumns.map(() => pattern),
  };
}

/**
 * The trigram index behind `containsCondition` on one column, for an entity's `@Index({ name, expression })`.
 * Named `<table>_<column>_search_index`; the expression must stay identical to searchKey's, or the
 * planner will not use it.
 */
export function searchIndex(table: string, column: string): { name: string; expression: string } {
  const name = `${table}_${column}_search_index`;
  return { name, expression: `create index "${name}" on "${table}" using gin (${searchKey(`"${column}"`)} gin_trgm_ops)` };
}
