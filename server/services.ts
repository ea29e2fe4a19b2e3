import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import type { Viewer } from './auth/policy.js';
import type { CredentialInvalidator } from './auth/credential-cache.js';
import type { Loaders } from './loaders.js';
import type { Queues } from '../jobs/queues.js';
import { ResourceService } from './shared/resource.service.js';
import { AssignmentService } from './modules/assignments/assignment.service.js';
import { ProgressService } from './modules/assignments/progress.service.js';
import { CalendarDayService } from './modules/calendar/calendar-day.service.js';
import { EscalationPolicyService } from './modules/escalations/escalation-policy.service.js';
import { EscalationService } from './modules/escalations/escalation.service.js';
import { EvidenceService } from './modules/evidence/evidence.service.js';
import { FacilityService, IndicatorValueService } from './modules/facilities/facility.service.js';
import { Plan } from './modules/plans/plan.entity.js';
import { PLAN_SPEC } from './modules/plans/plan.service.js';
import { ReportingObligation } from './modules/reporting/reporting-obligation.entity.js';
import { REPORTING_OBLIGATION_SPEC } from './modules/reporting/reporting-obligation.resolver.js';
import { TargetService } from './modules/targets/target.service.js';
import { TaskService } from './modules/tasks/task.service.js';
import { Unit } from './modules/units/unit.entity.js';
import { UNIT_SPEC } from './modules/units/unit.resolver.js';
import { UserService } from './modules/users/user.service.js';
import { UrgingLetterService } from './modules/letters/urging-letter.service.js';
import { NotificationService, type NotificationPublisher } from './modules/notifications/notification.service.js';
import { WebhookService } from './modules/webhooks/webhook.service.js';
import { UnitReportService } from './modules/reports/unit-report.service.js';
import { CompiledReportService } from './modules/reports/compiled-report.service.js';
import { AwardService } from './modules/awards/award.service.js';
import { PlanDraftService } from './modules/plan-import/plan-draft.service.js';

/** The request's services, all sharing its entity manager and viewer. */
export function createServices(
  em: EntityManager, viewer: Viewer | null, config: AppConfig, loaders: Loaders, credentials?: CredentialInvalidator,
  publisher?: NotificationPublisher, queues?: Queues,
) {
  const notifications = new NotificationService(em, viewer, publisher);
  const escalations = new EscalationService(em, viewer);
  return {
    escalations,
    plans: new ResourceService(em, viewer, Plan, PLAN_SPEC),
    tasks: new TaskService(em, viewer),
    targets: new TargetService(em, viewer),
    units: new ResourceService(em, viewer, Unit, UNIT_SPEC),
    facilities: new FacilityService(em, viewer),
    indicatorValues: new IndicatorValueService(em, viewer),
    reportingObligations: new ResourceService(em, viewer, ReportingObligation, REPORTING_OBLIGATION_SPEC),
    users: new UserService(em, viewer, credentials),
    assignments: new AssignmentService(em, viewer, loaders, notifications, escalations),
    progress: new ProgressService(em, viewer, loaders),
    evidence: new EvidenceService(em, viewer, config, loaders),
    notifications,
    calendarDays: new CalendarDayService(em, viewer),
    escalationPolicies: new EscalationPolicyService(em, viewer),
    letters: new UrgingLetterService(em, viewer, queues),
    webhooks: new WebhookService(em, viewer, config.webhooks),
    unitReports: new UnitReportService(em, viewer, notifications),
    compiledReports: new CompiledReportService(em, viewer, queues),
    awards: new AwardService(em, viewer, config, queues),
    planDrafts: new PlanDraftService(em, viewer, config),
  };
}

export type Services = ReturnType<typeof createServices>;
