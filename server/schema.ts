import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import { ApiTokenResolver, ApiTokenResourceResolver } from './auth/api-token.resolver.js';
import { AuditEventFieldResolver, AuditEventResourceResolver } from './modules/audit/audit-event.resolver.js';
import { AssignmentResourceResolver, AssignmentWorkflowResolver, StatusChangeFieldResolver } from './modules/assignments/assignment.resolver.js';
import { ProgressResolver } from './modules/assignments/progress.resolver.js';
import { CalendarDayResourceResolver, WorkingCalendarResolver } from './modules/calendar/calendar-day.resolver.js';
import { EscalationPolicyResolver, PlanEscalationPolicyFieldResolver } from './modules/escalations/escalation-policy.resolver.js';
import { AssignmentEscalationFieldResolver, EscalationFieldResolver, EscalationResourceResolver } from './modules/escalations/escalation.resolver.js';
import { AssignmentEvidenceFieldResolver, EvidenceResolver } from './modules/evidence/evidence.resolver.js';
import {
  FacilityFieldResolver, FacilityReportingResolver, FacilityResourceResolver, IndicatorValueFieldResolver, IndicatorValueResourceResolver,
} from './modules/facilities/facility.resolver.js';
import { NotificationResolver } from './modules/notifications/notification.resolver.js';
import { PlanFieldResolver, PlanResourceResolver } from './modules/plans/plan.resolver.js';
import { PlanDraftResolver, PlanDraftResourceResolver } from './modules/plan-import/plan-draft.resolver.js';
import { UrgingLetterResolver } from './modules/letters/urging-letter.resolver.js';
import { UnitReportEventResolver, UnitReportResolver, UnitReportResourceResolver } from './modules/reports/unit-report.resolver.js';
import { AWARD_RESOLVERS } from './modules/awards/award.resolver.js';
import { CompiledReportResolver, PlanProgressReportsResolver, ReportingPeriodResolver } from './modules/reports/compiled-report.resolver.js';
import { ReportingObligationFieldResolver, ReportingObligationResourceResolver } from './modules/reporting/reporting-obligation.resolver.js';
import { TargetCommuneValueResolver, TargetFieldResolver, TargetResourceResolver } from './modules/targets/target.resolver.js';
import { TaskFieldResolver, TaskResourceResolver } from './modules/tasks/task.resolver.js';
import { UnitFieldResolver, UnitResourceResolver } from './modules/units/unit.resolver.js';
import { UserFieldResolver, UserResourceResolver } from './modules/users/user.resolver.js';
import { WebhookDeliveryFieldResolver, WebhookEndpointResolver, WebhookEndpointResourceResolver } from './modules/webhooks/webhook.resolver.js';
import { RateLimitResolver } from './security/rate-limit.resolver.js';
import { projectPath } from './paths.js';

export const SCHEMA_FILE = projectPath('schema/schema.graphql');

let cached: Promise<GraphQLSchema> | undefined;

/**
 * TypeGraphQL insists on a PubSub once any subscription exists, even when every subscription brings its
 * own `subscribe` (as ours do: they read the process's hub from their context, while this schema is
 * shared by every app in the process). This one is never used.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Subscriptions use their own subscribe function, not topics.');
  },
  subscribe() {
    throw new Error('Subscriptions use their own subscribe function, not topics.');
  },
};

/** Built once per process: TypeGraphQL's metadata is global, so a second build would add nothing. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      AuthResolver, RateLimitResolver,
      ApiTokenResourceResolver, ApiTokenResolver,
      AuditEventResourceResolver, AuditEventFieldResolver,
      PlanResourceResolver, PlanFieldResolver,
      PlanDraftResourceResolver, PlanDraftResolver,
      TaskResourceResolver, TaskFieldResolver,
      TargetResourceResolver, TargetFieldResolver, TargetCommuneValueResolver,
      UnitResourceResolver, UnitFieldResolver,
      AssignmentResourceResolver, AssignmentWorkflowResolver, StatusChangeFieldResolver,
      ProgressResolver,
      EvidenceResolver, AssignmentEvidenceFieldResolver,
      EscalationResourceResolver, EscalationFieldResolver, AssignmentEscalationFieldResolver,
      FacilityResourceResolver, FacilityFieldResolver, FacilityReportingResolver,
      IndicatorValueResourceResolver, IndicatorValueFieldResolver,
      ReportingObligationResourceResolver, ReportingObligationFieldResolver,
      UserResourceResolver, UserFieldResolver,
      NotificationResolver,
      CalendarDayResourceResolver, WorkingCalendarResolver,
      EscalationPolicyResolver, PlanEscalationPolicyFieldResolver,
      UrgingLetterResolver,
      UnitReportResourceResolver, UnitReportResolver, UnitReportEventResolver,
      ReportingPeriodResolver, CompiledReportResolver, PlanProgressReportsResolver,
      ...AWARD_RESOLVERS,
      WebhookEndpointResourceResolver, WebhookEndpointResolver, WebhookDeliveryFieldResolver,
    ],
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** The committed SDL: sorted so that a diff shows only real changes. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
