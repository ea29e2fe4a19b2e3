import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123233542_initial } from './Migration20261123233542_initial.js';
import { Migration20261123235110_assignment_action_evidence } from './Migration20261123235110_assignment_action_evidence.js';
import { Migration20261123235111_task_requires_evidence } from './Migration20261123235111_task_requires_evidence.js';
import { Migration20261123235112_evidence } from './Migration20261123235112_evidence.js';
import { Migration20261123235241_security } from './Migration20261123235241_security.js';
import { Migration20261129190000_deadline_class_function } from './Migration20261129190000_deadline_class_function.js';
import { Migration20261129191000_status_change_plan } from './Migration20261129191000_status_change_plan.js';
import { Migration20261129210504_escalation } from './Migration20261129210504_escalation.js';
import { Migration20261129211415_webhooks } from './Migration20261129211415_webhooks.js';
import { Migration20261129214202_notification_link_indexes } from './Migration20261129214202_notification_link_indexes.js';
import { Migration20261129221424_scope_and_assumptions } from './Migration20261129221424_scope_and_assumptions.js';
import { Migration20261129221429_indicator_value_corrections } from './Migration20261129221429_indicator_value_corrections.js';
import { Migration20261129233250_unit_and_compiled_reports } from './Migration20261129233250_unit_and_compiled_reports.js';
import { Migration20261129235716_awards } from './Migration20261129235716_awards.js';
import { Migration20261130001122_search_without_diacritics } from './Migration20261130001122_search_without_diacritics.js';
import { Migration20261130001335_demo_flags } from './Migration20261130001335_demo_flags.js';
import { Migration20261201090000_status_change_cancel_index } from './Migration20261201090000_status_change_cancel_index.js';
import { Migration20261207164700_append_only_truncate } from './Migration20261207164700_append_only_truncate.js';
import { Migration20261207170426_plan_drafts } from './Migration20261207170426_plan_drafts.js';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the same list runs under tsx,
 * Vitest and a bundled build. Append new migrations; never edit one that has been released.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123233542_initial', class: Migration20261123233542_initial },
  { name: 'Migration20261123235110_assignment_action_evidence', class: Migration20261123235110_assignment_action_evidence },
  { name: 'Migration20261123235111_task_requires_evidence', class: Migration20261123235111_task_requires_evidence },
  { name: 'Migration20261123235112_evidence', class: Migration20261123235112_evidence },
  { name: 'Migration20261123235241_security', class: Migration20261123235241_security },
  { name: 'Migration20261129190000_deadline_class_function', class: Migration20261129190000_deadline_class_function },
  { name: 'Migration20261129191000_status_change_plan', class: Migration20261129191000_status_change_plan },
  { name: 'Migration20261129210504_escalation', class: Migration20261129210504_escalation },
  { name: 'Migration20261129211415_webhooks', class: Migration20261129211415_webhooks },
  { name: 'Migration20261129214202_notification_link_indexes', class: Migration20261129214202_notification_link_indexes },
  { name: 'Migration20261129221424_scope_and_assumptions', class: Migration20261129221424_scope_and_assumptions },
  { name: 'Migration20261129221429_indicator_value_corrections', class: Migration20261129221429_indicator_value_corrections },
  { name: 'Migration20261129233250_unit_and_compiled_reports', class: Migration20261129233250_unit_and_compiled_reports },
  { name: 'Migration20261129235716_awards', class: Migration20261129235716_awards },
  { name: 'Migration20261130001122_search_without_diacritics', class: Migration20261130001122_search_without_diacritics },
  { name: 'Migration20261130001335_demo_flags', class: Migration20261130001335_demo_flags },
  { name: 'Migration20261201090000_status_change_cancel_index', class: Migration20261201090000_status_change_cancel_index },
  { name: 'Migration20261207164700_append_only_truncate', class: Migration20261207164700_append_only_truncate },
  { name: 'Migration20261207170426_plan_drafts', class: Migration20261207170426_plan_drafts },
];
