import { Alert } from '@mui/material';
import { FunctionField, SelectField, SelectInput, useRecordContext, useTranslate, type FunctionFieldProps } from 'react-admin';
import { formatDay, formatInstant } from './format.js';

/** What every field shows when there is nothing to show, so a blank never reads as "not loaded yet". */
export const EMPTY = '—';

/** A LocalDate field shown dd/MM/yyyy. */
export function DayField(props: { source: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const { source, ...rest } = props;
  return (
    <FunctionField
      source={source}
      {...(rest as Partial<FunctionFieldProps>)}
      render={(record: Record<string, unknown>) => formatDay(record?.[source] as string) || EMPTY}
    />
  );
}

/** A DateTimeISO field shown dd/MM/yyyy HH:mm in Vietnam time. */
export function InstantField(props: { source: string; label?: string; sortable?: boolean }) {
  const { source, ...rest } = props;
  return (
    <FunctionField
      source={source}
      {...(rest as Partial<FunctionFieldProps>)}
      render={(record: Record<string, unknown>) => formatInstant(record?.[source] as string) || EMPTY}
    />
  );
}

/** Choices of an API enum, labelled from the catalogue's app.enums.<Enum>. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((value) => ({ id: value, name: `app.enums.${enumName}.${value}` }));
}

export const ENUMS = {
  AssignmentStatus: ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'BLOCKED', 'DONE', 'CANCELLED'],
  DeadlineClass: ['DONE_ON_TIME', 'DONE_LATE', 'NOT_DONE_WITHIN_DEADLINE', 'OVERDUE'],
  AssignmentRole: ['LEAD', 'COORDINATE'],
  AssignmentScope: ['DISTRICT', 'OWN_FACILITIES'],
  Role: ['ADMIN', 'LEADER', 'COORDINATOR', 'UNIT_HEAD', 'OFFICER', 'VIEWER'],
  UnitKind: ['LEADERSHIP', 'OFFICE', 'CENTRE', 'COMMUNE', 'TOWNSHIP', 'BANK', 'ENTERPRISE', 'PROVINCIAL_DEPARTMENT'],
  PlanStatus: ['DRAFT', 'ACTIVE', 'CLOSED'],
  Sector: ['EDUCATION', 'HEALTH', 'EDUCATION_AND_HEALTH'],
  Comparator: ['AT_LEAST', 'MORE_THAN'],
  TargetMetric: ['FACILITIES_USING_DIGITAL_PLATFORM', 'FACILITIES_ACCEPTING_CASHLESS', 'CASHLESS_TRANSACTION_SHARE'],
  FacilitySector: ['EDUCATION', 'HEALTH'],
  FacilityLevel: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'HEALTH_STATION', 'DISTRICT_HOSPITAL', 'PROVINCIAL_HOSPITAL'],
  ReportPeriod: ['SIX_MONTH', 'ANNUAL'],
  PlanDraftState: ['DRAFT', 'ACTIVATED', 'DISCARDED'],
  UnitReportState: ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'],
  CalendarDayKind: ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'],
  ApiTokenScope: ['READ', 'READ_WRITE'],
  WebhookEventType: ['ASSIGNMENT_STATUS_CHANGED', 'ESCALATION_RAISED', 'EVIDENCE_ADDED', 'ASSIGNMENT_REASSIGNED'],
  WebhookDeliveryState: ['PENDING', 'SUCCEEDED', 'FAILED'],
  AuditAction: [
    'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'SIGN_OUT', 'PASSWORD_CHANGED', 'ROLE_CHANGED', 'UNIT_CHANGED',
    'USER_CREATED', 'USER_DISABLED', 'USER_ENABLED', 'TOKEN_CREATED', 'TOKEN_REVOKED',
  ],
} as const;

type EnumName = keyof typeof ENUMS;

export function EnumField({ source, enumName, ...rest }: { source: string; enumName: EnumName; label?: string; sortable?: boolean }) {
  return <SelectField source={source} choices={enumChoices(enumName, ENUMS[enumName])} {...rest} />;
}

export function EnumInput({ source, enumName, ...rest }: { source: string; enumName: EnumName; [key: string]: unknown }) {
  return <SelectInput source={source} choices={enumChoices(enumName, ENUMS[enumName])} {...rest} />;
}

/** "1.2. Title" for a task record. */
export function TaskTitle() {
  const record = useRecordContext<{ number: string; title: string }>();
  return record ? <span>{`${record.number}. ${record.title}`}</span> : null;
}

/** What the data entry assumed where the document is silent: shown, never hidden in the seed. */
export function AssumptionLine() {
  const record = useRecordContext<{ assumption?: string | null }>();
  const translate = useTranslate();
  if (!record?.assumption) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ my: 1 }} data-testid="assumption">
      {translate('app.assumption', { text: record.assumption })}
    </Alert>
  );
}
