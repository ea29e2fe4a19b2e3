import type { EntityManager } from '@mikro-orm/postgresql';
import { apiTokenLoaders } from './auth/api-token.loaders.js';
import { assignmentLoaders } from './modules/assignments/assignment.loaders.js';
import { escalationLoaders } from './modules/escalations/escalation.loaders.js';
import { unitReportLoaders } from './modules/reports/unit-report.loaders.js';
import { awardLoaders } from './modules/awards/award.loaders.js';
import { evidenceLoaders } from './modules/evidence/evidence.loaders.js';
import { notificationLoaders } from './modules/notifications/notification.loaders.js';
import { facilityLoaders } from './modules/facilities/facility.loaders.js';
import { planLoaders } from './modules/plans/plan.loaders.js';
import { targetLoaders } from './modules/targets/target.loaders.js';
import { taskLoaders } from './modules/tasks/task.loaders.js';
import { unitLoaders } from './modules/units/unit.loaders.js';
import { userLoaders } from './modules/users/user.loaders.js';

/** Per-request batching, each module's loaders side by side: one query per relation and request. */
export function createLoaders(em: EntityManager) {
  return {
    ...planLoaders(em),
    ...taskLoaders(em),
    ...unitLoaders(em),
    ...userLoaders(em),
    ...apiTokenLoaders(em),
    ...facilityLoaders(em),
    ...assignmentLoaders(em),
    ...targetLoaders(em),
    ...evidenceLoaders(em),
    ...notificationLoaders(em),
    ...escalationLoaders(em),
    ...unitReportLoaders(em),
    ...awardLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
