import { useState } from 'react';
import { Alert, Box, Button, Typography, useMediaQuery, type Theme } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  DataTable, FunctionField, List, ReferenceField, SimpleList, TopToolbar, useDataProvider, useGetMany, useListContext,
  useNotify, useRefresh, useTranslate, useUnselectAll,
} from 'react-admin';
import { ActionButtons } from '../assignments/ActionButtons.js';
import { DeadlineChip } from '../assignments/chips.js';
import { ExportButtons } from '../assignments/ExportButtons.js';
import type { AppDataProvider } from '../dataProvider.js';
import { toAppError } from '../errors.js';
import { TaskTitle } from '../fields.js';
import { formatDay, formatInstant } from '../format.js';
import type { Assignment } from '../types.js';
import { ReviewEvidence } from './ReviewEvidence.js';

const WAITING = { status: ['SUBMITTED'] };

/** Verifies each selected row on its own: one refusal (a conflict, one's own unit) does not stop the others. */
function BulkVerifyButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('Assignment', 'review');
  const dataProvider = useDataProvider<AppDataProvider>();
  const { selectedIds, data } = useListContext<Assignment>();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const { data: tasks } = useGetMany('Task', { ids: (data ?? []).filter((a) => selectedIds.includes(a.id)).map((a) => a.taskId) });
  const { data: units } = useGetMany('Unit', { ids: (data ?? []).filter((a) => selectedIds.includes(a.id)).map((a) => a.unitId) });

  const verify = async () => {
    setBusy(true);
    const rows = (data ?? []).filter((a) => selectedIds.includes(a.id));
    const results = await Promise.allSettled(
      rows.map((a) => dataProvider.transitionAssignment({ id: a.id, action: 'VERIFY', version: a.version })),
    );
    const failed = results.flatMap((r, i) => {
      if (r.status === 'fulfilled') return [];
      const a = rows[i];
      const task = tasks?.find((t) => t.id === a.taskId);
      const unit = units?.find((u) => u.id === a.unitId);
      return [translate('app.review.bulk_failed_line', {
        task: task ? `${task.number}` : a.taskId,
        unit: unit?.name ?? a.unitId,
        reason: translate(toAppError(r.reason).message, { _: toAppError(r.reason).message }),
      })];
    });
    setFailures(failed);
    notify('app.review.bulk_result', {
      type: failed.length ? 'warning' : 'success',
      messageArgs: { ok: rows.length - failed.length, failed: failed.length },
    });
    unselectAll();
    refresh();
    setBusy(false);
  };

  return (
    <>
      <Button size="small" variant="contained" color="success" startIcon={<DoneAllIcon />} disabled={busy} onClick={verify} data-testid="bulk-verify">
        {translate('app.review.bulk_verify')}
      </Button>
      {failures.length > 0 && (
        <Alert severity="warning" sx={{ ml: 1 }} onClose={() => setFailures([])} data-testid="bulk-failures">
          {failures.map((f) => (
            <div key={f}>{f}</div>
          ))}
        </Alert>
      )}
    </>
  );
}

function SubmittedAt() {
  return <FunctionField<Assignment> render={(a) => formatInstant((a as unknown as { submittedAt: string }).submittedAt)} />;
}

/** Submitted work waiting for the coordinator or the vice-chairman: verify, or return with a comment. */
export default function Review() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List
      resource="Assignment"
      storeKey="review"
      title={translate('app.review.title')}
      filter={WAITING}
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={50}
      disableSyncWithLocation
      actions={
        <TopToolbar>
          <ExportButtons permanentFilter={WAITING} />
        </TopToolbar>
      }
      empty={
        <Box sx={{ p: 3 }}>
          <Typography>{translate('app.review.empty')}</Typography>
        </Box>
      }
    >
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
        {translate('app.review.subtitle')}
      </Typography>
      {isSmall ? (
        <SimpleList<Assignment>
          linkType={false}
          primaryText={(a) => (
            <ReferenceField source="taskId" reference="Task" record={a} link={false}>
              <TaskTitle />
            </ReferenceField>
          )}
          secondaryText={(a) => (
            <Box component="span" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mt: 0.5 }}>
              <ReferenceField source="unitId" reference="Unit" record={a} link={false} />
              <span>{translate('app.assignment.due', { date: formatDay(a.dueDate) })}</span>
              <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                <ReviewEvidence assignment={a} onChanged={refresh} />
                <ActionButtons assignment={a} onChanged={refresh} only={['VERIFY', 'RETURN']} />
              </Box>
            </Box>
          )}
          tertiaryText={(a) => <DeadlineChip value={a.deadlineClass} />}
          rowSx={() => ({ borderBottom: '1px solid #eee' })}
        />
      ) : (
        <DataTable bulkActionButtons={<BulkVerifyButton />} rowClick={false}>
          <DataTable.Col source="taskId" disableSort label="resources.Assignment.fields.taskId">
            <ReferenceField source="taskId" reference="Task" link={false}>
              <TaskTitle />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="unitId" disableSort label="resources.Assignment.fields.unitId">
            <ReferenceField source="unitId" reference="Unit" link={false} />
          </DataTable.Col>
          <DataTable.Col source="dueDate" render={(a: Assignment) => formatDay(a.dueDate)} />
          <DataTable.Col source="submittedAt" disableSort>
            <SubmittedAt />
          </DataTable.Col>
          <DataTable.Col source="deadlineClass" disableSort>
            <FunctionField<Assignment> render={(a) => <DeadlineChip value={a.deadlineClass} />} />
          </DataTable.Col>
          <DataTable.Col source="progress" render={(a: Assignment) => `${a.progress}%`} />
          <DataTable.Col source="evidence" disableSort label="resources.Assignment.fields.evidence">
            <FunctionField<Assignment> render={(a) => <ReviewEvidence assignment={a} onChanged={refresh} />} />
          </DataTable.Col>
          <DataTable.Col source="allowedActions" disableSort>
            <FunctionField<Assignment> render={(a) => <ActionButtons assignment={a} onChanged={refresh} only={['VERIFY', 'RETURN']} />} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}
