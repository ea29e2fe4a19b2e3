import type { Role } from './types.js';

/*
 * Who sees which screen, apart from the menu that lists them: the sign-in page and the first screen
 * read these without loading the menu and its icons.
 */

export const WORKING_ROLES: Role[] = ['OFFICER', 'UNIT_HEAD', 'COORDINATOR'];
/** Roles that enter their commune's facility figures (the API limits them to their own commune). */
export const FACILITY_REPORTING_ROLES: Role[] = ['ADMIN', 'OFFICER', 'UNIT_HEAD'];
export const REVIEW_ROLES: Role[] = ['LEADER', 'COORDINATOR'];
/** Roles whose first screen is their own unit's work rather than the whole plan. */
export const UNIT_FIRST_ROLES: Role[] = ['OFFICER', 'UNIT_HEAD'];
/** Roles that follow the district's compiled period reports: the aggregating office, the leadership, ADMIN. */
export const COMPILED_REPORT_ROLES: Role[] = ['COORDINATOR', 'LEADER', 'ADMIN'];
/** Roles that set the award criteria ('award:configure'); everyone else reads the nominations only. */
export const AWARD_CRITERIA_ROLES: Role[] = ['LEADER', 'ADMIN'];
/** Roles that import a plan from its document and activate it ('plan:import'). */
export const PLAN_IMPORT_ROLES: Role[] = ['ADMIN', 'LEADER'];
