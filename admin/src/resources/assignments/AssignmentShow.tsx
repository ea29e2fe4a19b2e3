import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  FunctionField, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, useDataProvider, usePermissions, useRecordContext, useRefresh,
  useTranslate, type RaRecord,
} from 'react-admin';
import { ASSIGNMENT_RECORD_FIELDS, type AppDataProvider } from '../../dataProvider.js';
import { REVIEW_ROLES } from '../../roles.js';
import { AssignmentEvidence } from '../../evidence/index.js';
import { ActionButtons } from '../../assignments/ActionButtons.js';
import { DeadlineChipField, ScopeField, StatusChipField } from '../../assignments/chips.js';
import { EscalationHistory } from '../../assignments/EscalationHistory.js';
import { HistoryList } from '../../assignments/HistoryList.js';
import { ReassignButton } from '../../assignments/ReassignButton.js';
import { AssumptionLine, DayField, EnumField, InstantField, TaskTitle } from '../../fields.js';
import type { Assignment, Role } from '../../types.js';
import { URGING_ROLES } from '../../letters/api.js';
import { UrgeButton } from '../../letters/UrgeButton.js';

function Actions() {
  const record = useRecordContext<Assignment>();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (!record) return null;
  return record.allowedActions.length ? (
    <ActionButtons assignment={record} onChanged={refresh} />
  ) : (
    <Typography variant="body2" color="text.secondary">
      {translate('app.assignment.no_actions')}
    </Typography>
  );
}

/** "Đôn đốc" the assignment's unit about all its late work in the plan, not only this assignment. */
function UrgeUnit() {
  const record = useRecordContext<Assignment>();
  if (!record) return null;
  return (
    <ReferenceField source="unitId" reference="Unit" record={record} link={false}>
      <UrgeUnitOf planId={record.planId} />
    </ReferenceField>
  );
}

function UrgeUnitOf({ planId }: { planId: string }) {
  const unit = useRecordContext<{ id: string; name: string }>();
  return unit ? <UrgeButton planId={planId} unitId={unit.id} unitName={unit.name} /> : null;
}

/** Reviewers and ADMIN also see removed evidence (marked), the record of what was taken back and why. */
function Evidence() {
  const record = useRecordContext<Assignment>();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Role>();
  if (!record) return null;
  const auditor = permissions === 'ADMIN' || (!!permissions && REVIEW_ROLES.includes(permissions));
  return (
    <AssignmentEvidence
      assignmentId={record.id}
      includeHidden={auditor}
      hideTitle
      onChanged={refresh}
      reloadKey={`${record.version}:${record.status}:${record.evidenceCount}`}
    />
  );
}

function Escalations() {
  const record = useRecordContext<Assignment>();
  return record ? <EscalationHistory assignmentId={record.id} reloadKey={`${record.version}:${record.status}`} /> : null;
}

/** Read on its own, again whenever the assignment's version moves: each write adds to it. */
function History() {
  const record = useRecordContext<Assignment>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const history = useQuery({
    queryKey: ['assignmentHistory', record?.id, record?.version],
    queryFn: () => dataProvider.assignmentHistory(record!.id),
    enabled: !!record,
  });
  if (!record) return null;
  if (!history.data) return <LinearProgress sx={{ width: 160 }} />;
  return <HistoryList history={history.data} />;
}

/** The unit doing the work, and for the leadership and ADMIN the button that moves it to another. */
function UnitWithMove() {
  const record = useRecordContext<Assignment>();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <ReferenceField source="unitId" reference="Unit" record={record} />
      <ReassignButton assignment={record} onChanged={refresh} />
    </Stack>
  );
}

/** The page title names the task, not the record's id. */
function AssignmentTitle() {
  const translate = useTranslate();
  const record = useRecordContext<Assignment>();
  return (
    <span>
      {translate('resources.Assignment.name', { smart_count: 1 })}
      {record && (
        <>
          {': '}
          <ReferenceField source="taskId" reference="Task" record={record} link={false}>
            <TaskNumber />
          </ReferenceField>
        </>
      )}
    </span>
  );
}

function TaskNumber() {
  const task = useRecordContext<{ number: string }>();
  return task ? <span>{task.number}</span> : null;
}

export default function AssignmentShow() {
  const { permissions } = usePermissions<Role>();
  const mayUrge = !!permissions && URGING_ROLES.includes(permissions);
  return (
    <Show title={<AssignmentTitle />} queryOptions={{ meta: { sparseFields: ASSIGNMENT_RECORD_FIELDS } }}>
      <SimpleShowLayout>
        <ReferenceField source="taskId" reference="Task">
          <TaskTitle />
        </ReferenceField>
        <Labeled label="resources.Assignment.fields.unitId">
          <UnitWithMove />
        </Labeled>
        {mayUrge && (
          <Labeled label="app.letters.urge_unit">
            <Box>
              <UrgeUnit />
            </Box>
          </Labeled>
        )}
        <ReferenceField source="planId" reference="Plan" />
        <EnumField source="role" enumName="AssignmentRole" />
        <ScopeField source="scope" />
        <AssumptionLine />
        <StatusChipField source="status" />
        <DeadlineChipField source="deadlineClass" />
        <DayField source="dueDate" />
        <FunctionField source="daysOverdue" render={(r: RaRecord) => r.daysOverdue} />
        <FunctionField source="progress" render={(r: RaRecord) => `${r.progress}%`} />
        <TextField source="note" emptyText="—" />
        <TextField source="blockedReason" emptyText="—" />
        <InstantField source="startedAt" />
        <InstantField source="submittedAt" />
        <InstantField source="completedAt" />
        <Labeled label="resources.Assignment.fields.allowedActions">
          <Box>
            <Actions />
          </Box>
        </Labeled>
        <Labeled label="resources.Assignment.fields.evidence" fullWidth>
          <Box>
            <Evidence />
          </Box>
        </Labeled>
        <Labeled label="resources.Assignment.fields.escalations" fullWidth>
          <Box>
            <Escalations />
          </Box>
        </Labeled>
        <Labeled label="resources.Assignment.fields.history" fullWidth>
          <Box>
            <History />
          </Box>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
