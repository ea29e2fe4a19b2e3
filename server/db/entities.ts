import { Session } from '../auth/session.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Assignment } from '../modules/assignments/assignment.entity.js';
import { StatusChange } from '../modules/assignments/status-change.entity.js';
import { Facility } from '../modules/facilities/facility.entity.js';
import { IndicatorValue } from '../modules/facilities/indicator-value.entity.js';
import { Plan } from '../modules/plans/plan.entity.js';
import { ReportingObligation } from '../modules/reporting/reporting-obligation.entity.js';
import { Target } from '../modules/targets/target.entity.js';
import { Task } from '../modules/tasks/task.entity.js';
import { Unit } from '../modules/units/unit.entity.js';
import { User } from '../modules/users/user.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { Evidence } from '../modules/evidence/evidence.entity.js';
import { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { Escalation } from '../modules/escalations/escalation.entity.js';
import { EscalationPolicy } from '../modules/escalations/escalation-policy.entity.js';
import { UrgingLetter } from '../modules/letters/urging-letter.entity.js';
import { UnitReport, UnitReportEvent } from '../modules/reports/unit-report.entity.js';
import { CompiledReport } from '../modules/reports/compiled-report.entity.js';
import { AwardCriteria, AwardDecision, AwardEvaluation, AwardNomination, AwardNominationEvent } from '../modules/awards/award.entity.js';
import { OutboxEmail } from '../modules/outbox/outbox-email.entity.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../modules/webhooks/webhook.entity.js';
import { PlanDraft } from '../modules/plan-import/plan-draft.entity.js';

export const entities = [
  Plan,
  Target,
  Task,
  Unit,
  Assignment,
  StatusChange,
  Facility,
  IndicatorValue,
  ReportingObligation,
  User,
  Session,
  ApiToken,
  AuditEvent,
  Notification,
  Evidence,
  CalendarDay,
  Escalation,
  EscalationPolicy,
  UrgingLetter,
  UnitReport,
  UnitReportEvent,
  CompiledReport,
  AwardCriteria,
  AwardNomination,
  AwardNominationEvent,
  AwardEvaluation,
  AwardDecision,
  OutboxEmail,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  PlanDraft,
];
