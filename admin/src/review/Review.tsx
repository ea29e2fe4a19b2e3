import { useState } from 'react';
import { Box, Link, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable, FunctionField, List, ReferenceField, SimpleList, TopToolbar, useListContext, useRefresh, useTranslate, type Identifier,
} from 'react-admin';
import { ActionButtons } from '../assignments/ActionButtons.js';
import { DeadlineChip } from '../assignments/chips.js';
import { ExportButtons } from '../assignments/ExportButtons.js';
import { TaskTitle } from '../fields.js';
import { formatDay, formatInstant } from '../format.js';
import type { Assignment } from '../types.js';
import { BulkVerifyButton } from './BulkVerifyButton.js';
import { ReviewPanel } from './ReviewPanel.js';

const WAITING = { status: ['SUBMITTED'] };

/** Two lines of the unit's note, enough to tell "done" from "half done" without opening the row. */
const clampTwoLines = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  whiteSpace: 'normal',
} as const;

/**
 * The task's title opens the panel: a real button, so the keyboard gets there too (a row click is
 * only the mouse's way).
 */
function OpenTask({ assignment: a, onOpen }: { assignment: Assignment; onOpen: (id: Identifier) => void }) {
  return (
    <Link
      component="button"
      type="button"
      underline="hover"
      onClick={(e) => {
        e.stopPropagation();
        onOpen(a.id);
      }}
      data-testid="review-open"
      data-assignment-id={a.id}
      sx={{ textAlign: 'left', font: 'inherit', fontWeight: 500, verticalAlign: 'baseline' }}
    >
      <ReferenceField source="taskId" reference="Task" record={a} link={false}>
        <TaskTitle />
      </ReferenceField>
    </Link>
  );
}

/** How far the unit says it got, what it wrote, and how much proof it sent. */
function Reported({ assignment: a }: { assignment: Assignment }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 200, maxWidth: 320 }}>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500 }} color={a.progress < 100 ? 'warning.main' : 'success.main'}>
        {a.progress}% · {translate('app.assignment.evidence', { count: a.evidenceCount ?? 0 })}
      </Typography>
      <Typography variant="body2" component="div" sx={clampTwoLines} data-testid="review-row-note">
        {a.note ?? '—'}
      </Typography>
    </Box>
  );
}

/** The queue and the panel of the row opened from it. */
function Queue() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const { data } = useListContext<Assignment>();
  const [openId, setOpenId] = useState<Identifier | null>(null);
  // The panel reads the row the list holds, so a refresh (or someone else's decision) updates or closes it.
  const opened = openId === null ? undefined : data?.find((a) => a.id === openId);
  const open = (id: Identifier) => {
    setOpenId(id);
    return false as const;
  };
  const decided = () => {
    setOpenId(null);
    refresh();
  };

  return (
    <>
      {isSmall ? (
        <SimpleList<Assignment>
          rowClick={(id) => open(id)}
          primaryText={(a) => (
            <Box component="span" data-testid="review-row" data-assignment-id={a.id} sx={{ fontWeight: 500 }}>
              <ReferenceField source="taskId" reference="Task" record={a} link={false}>
                <TaskTitle />
              </ReferenceField>
            </Box>
          )}
          secondaryText={(a) => (
            <Box component="span" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mt: 0.5 }}>
              <ReferenceField source="unitId" reference="Unit" record={a} link={false} />
              <span>
                {translate('app.assignment.due', { date: formatDay(a.dueDate) })} · {translate('app.assignment.progress', { progress: a.progress })} ·{' '}
                {translate('app.assignment.evidence', { count: a.evidenceCount ?? 0 })}
              </span>
              {a.note && (
                <Box component="span" sx={{ ...clampTwoLines, color: 'text.primary' }}>
                  {a.note}
                </Box>
              )}
            </Box>
          )}
          tertiaryText={(a) => <DeadlineChip value={a.deadlineClass} />}
          rowSx={() => ({ borderBottom: '1px solid #eee' })}
        />
      ) : (
        <DataTable bulkActionButtons={<BulkVerifyButton />} rowClick={(id) => open(id)}>
          <DataTable.Col source="taskId" disableSort label="resources.Assignment.fields.taskId" cellSx={() => ({ minWidth: 240 })}>
            <FunctionField<Assignment> render={(a) => <OpenTask assignment={a} onOpen={open} />} />
          </DataTable.Col>
          <DataTable.Col source="unitId" disableSort label="resources.Assignment.fields.unitId" cellSx={() => ({ minWidth: 120 })}>
            <ReferenceField source="unitId" reference="Unit" link={false} />
          </DataTable.Col>
          <DataTable.Col source="dueDate">
            <FunctionField<Assignment>
              render={(a) => (
                <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
                  {formatDay(a.dueDate)}
                  <DeadlineChip value={a.deadlineClass} />
                </Box>
              )}
            />
          </DataTable.Col>
          <DataTable.Col source="submittedAt" disableSort render={(a: Assignment) => formatInstant(a.submittedAt)} />
          <DataTable.Col source="note" disableSort label="app.review.reported">
            <FunctionField<Assignment> render={(a) => <Reported assignment={a} />} />
          </DataTable.Col>
          <DataTable.Col source="allowedActions" disableSort cellSx={() => ({ minWidth: 250 })}>
            <FunctionField<Assignment> render={(a) => <ActionButtons assignment={a} onChanged={refresh} only={['VERIFY', 'RETURN']} />} />
          </DataTable.Col>
        </DataTable>
      )}
      <ReviewPanel assignment={opened} onClose={() => setOpenId(null)} onChanged={decided} />
    </>
  );
}

/** Submitted work waiting for the coordinator or the vice-chairman: verify, or return with a comment. */
export default function Review() {
  const translate = useTranslate();
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
      <Queue />
    </List>
  );
}
