import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { ReferenceField, useTranslate } from 'react-admin';
import { formatDay } from '../format.js';
import { TaskTitle } from '../fields.js';
import type { Assignment } from '../types.js';
import { ActionButtons } from './ActionButtons.js';
import { DeadlineChip, StatusChip } from './chips.js';
import { EvidenceSection } from './EvidenceSection.js';
import { HistoryList } from './HistoryList.js';

/** One assignment as an officer sees it: what, by when, how far, what they can do now, what happened. */
export function AssignmentCard({ assignment: a, onChanged, showUnit = false }: { assignment: Assignment; onChanged: () => void; showUnit?: boolean }) {
  const translate = useTranslate();
  const lastReturn = a.status === 'IN_PROGRESS' ? a.history?.find((h) => h.action === 'RETURN' || h.action === 'SUBMIT') : undefined;
  return (
    <Card variant="outlined" data-testid="assignment-card" data-assignment-id={a.id} data-status={a.status} data-evidence-count={a.evidenceCount ?? 0}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, pb: '12px !important' }}>
        <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, lineHeight: 1.3 }}>
          <ReferenceField source="taskId" reference="Task" record={a} link={false}>
            <TaskTitle />
          </ReferenceField>
        </Typography>
        {showUnit && (
          <Typography variant="body2" color="text.secondary">
            <ReferenceField source="unitId" reference="Unit" record={a} link={false} />
          </Typography>
        )}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          <DeadlineChip value={a.deadlineClass} />
          <StatusChip value={a.status} />
          <Typography variant="body2" color={a.daysOverdue > 0 ? 'error' : 'text.secondary'}>
            {translate('app.assignment.due', { date: formatDay(a.dueDate) })}
            {a.daysOverdue > 0 ? ` · ${translate('app.assignment.days_overdue', { smart_count: a.daysOverdue })}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            · {translate(`app.enums.AssignmentRole.${a.role}`)}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <LinearProgress
            variant="determinate"
            value={a.progress}
            aria-label={translate('app.assignment.progress_label', { progress: a.progress })}
            sx={{ flex: 1, height: 8, borderRadius: 4 }}
          />
          <Typography variant="body2" sx={{ minWidth: 40 }} data-testid="progress-value">
            {a.progress}%
          </Typography>
        </Box>
        {lastReturn?.action === 'RETURN' && lastReturn.comment && (
          <Alert severity="warning" data-testid="return-comment">
            <strong>{translate('app.assignment.returned_comment')}:</strong> {lastReturn.comment}
          </Alert>
        )}
        {a.status === 'BLOCKED' && a.blockedReason && (
          <Alert severity="warning">
            <strong>{translate('app.assignment.blocked_reason')}:</strong> {a.blockedReason}
          </Alert>
        )}
        {a.note && (
          <Typography variant="body2" data-testid="note-value">
            <strong>{translate('app.assignment.last_note')}:</strong> {a.note}
          </Typography>
        )}
        <EvidenceSection assignment={a} onChanged={onChanged} />
        <ActionButtons assignment={{ ...a, label: undefined }} onChanged={onChanged} />
        <Accordion disableGutters elevation={0} sx={{ '&:before': { display: 'none' }, bgcolor: 'transparent' }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} sx={{ px: 0, minHeight: 32, '& .MuiAccordionSummary-content': { my: 0 } }}>
            <Typography variant="body2" color="primary">
              {translate('app.assignment.history')} ({a.history?.length ?? 0})
            </Typography>
          </AccordionSummary>
          <AccordionDetails sx={{ px: 0 }}>
            <HistoryList history={a.history} />
          </AccordionDetails>
        </Accordion>
      </CardContent>
    </Card>
  );
}
