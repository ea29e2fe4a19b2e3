import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import { ApiTokenResolver, ApiTokenResourceResolver } from './auth/api-token.resolver.js';
import { AuditEventFieldResolver, AuditEventResourceResolver } from './modules/audit/audit-event.resolver.js';
import { AssignmentResourceResolver, AssignmentWorkflowResolver, StatusChangeFieldResolver } from './modules/assignments/assignment.resolver.js';
import { ProgressResolver } from './modules/assignments/progress.resolver.js';
import { AssignmentEscalationFieldResolver, EscalationFieldResolver, EscalationResourceResolver } from './modules/escalations/escalation.resolver.js';
import { AssignmentEvidenceFieldResolver, EvidenceResolver } from './modules/evidence/evidence.resolver.js';
import {
  FacilityFieldResolver, FacilityResourceResolver, IndicatorValueFieldResolver, IndicatorValueResourceResolver,
} from './modules/facilities/facility.resolver.js';
import { PlanFieldResolver, PlanResourceResolver } from './modules/plans/plan.resolver.js';
import { ReportingObligationFieldResolver, ReportingObligationResourceResolver } from './modules/reporting/reporting-obligation.resolver.js';
import { TargetFieldResolver, TargetResourceResolver } from './modules/targets/target.resolver.js';
import { TaskFieldResolver, TaskResourceResolver } from './modules/tasks/task.resolver.js';
import { UnitFieldResolver, UnitResourceResolver } from './modules/units/unit.resolver.js';
import { UserFieldResolver, UserResourceResolver } from './modules/users/user.resolver.js';
import { projectPath } from './paths.js';

export const SCHEMA_FILE = projectPath('schema/schema.graphql');

let cached: Promise<GraphQLSchema> | undefined;

/** Built once per process: TypeGraphQL's metadata is global, so a second build would add nothing. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      AuthResolver,
      ApiTokenResourceResolver, ApiTokenResolver,
      AuditEventResourceResolver, AuditEventFieldResolver,
      PlanResourceResolver, PlanFieldResolver,
      TaskResourceResolver, TaskFieldResolver,
      TargetResourceResolver, TargetFieldResolver,
      UnitResourceResolver, UnitFieldResolver,
      AssignmentResourceResolver, AssignmentWorkflowResolver, StatusChangeFieldResolver,
      ProgressResolver,
      EvidenceResolver, AssignmentEvidenceFieldResolver,
      EscalationResourceResolver, EscalationFieldResolver, AssignmentEscalationFieldResolver,
      FacilityResourceResolver, FacilityFieldResolver,
      IndicatorValueResourceResolver, IndicatorValueFieldResolver,
      ReportingObligationResourceResolver, ReportingObligationFieldResolver,
      UserResourceResolver, UserFieldResolver,
    ],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** The committed SDL: sorted so that a diff shows only real changes. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
