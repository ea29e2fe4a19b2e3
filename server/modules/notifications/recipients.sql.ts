/**
 * SQL pieces every writer of notifications and mail shares, so the sweep, the workflow's notices, the
 * letters and the digest agree on who "the unit" is and where a link points.
 */

/** The people a unit's work is addressed to: its officers and its head (not its viewers). */
export const UNIT_STAFF_ROLES_SQL = `('OFFICER', 'UNIT_HEAD')`;

/** The admin's page of an assignment (hash router), from a SQL expression giving its id; null for a null id. */
export function assignmentPathSql(idExpression: string): string {
  return `'/#/Assignment/' || ${idExpression} || '/show'`;
}

/** The admin's page of a unit report, from a SQL expression giving its id; null for a null id. */
export function unitReportPathSql(idExpression: string): string {
  return `'/#/UnitReport/' || ${idExpression} || '/show'`;
}
