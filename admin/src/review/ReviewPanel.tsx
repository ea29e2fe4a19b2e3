import { useId, type ReactNode } from 'react';
import { Alert, Box, Button, Divider, Drawer, IconButton, LinearProgress, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { ReferenceField, useTranslate } from 'react-admin';
import { ActionButtons } from '../assignments/ActionButtons.js';
import { DeadlineChip } from '../assignments/chips.js';
import { HistoryList } from '../assignments/HistoryList.js';
import { AssignmentEvidence } from '../evidence/index.js';
import { TaskTitle } from '../fields.js';
import { formatDay, formatInstant } from '../format.js';
import type { Assignment } from '../types.js';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="section" data-testid={testId}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * Everything the reviewer judges the work on, beside the two decisions: the progress and note the
 * unit reported, the evidence they sent (removed files too, marked) and the history of who did what
 * and said what. A side sheet on a desk, the whole screen on a phone; the decisions stay in view at
 * the bottom while the reviewer scrolls.
 */
export function ReviewPanel({ assignment: a, onClose, onChanged }: { assignment: Assignment | undefined; onClose: () => void; onChanged: () => void }) {
  const translate = useTranslate();
  const titleId = useId();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <Drawer
      anchor={isSmall ? 'bottom' : 'right'}
      open={!!a}
      onClose={onClose}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': titleId,
          sx: { width: { xs: '100%', sm: 600 }, height: { xs: '100%', sm: '100%' }, display: 'flex', flexDirection: 'column' },
          'data-testid': 'review-panel',
          ...(a ? { 'data-assignment-id': a.id } : {}),
        } as object,
      }}
    >
      {a && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, p: 2, pb: 1 }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h6" component="h2" id={titleId} sx={{ lineHeight: 1.3 }}>
                <ReferenceField source="taskId" reference="Task" record={a} link={false}>
                  <TaskTitle />
                </ReferenceField>
              </Typography>
              <Typography variant="body2" color="text.secondary">
                <ReferenceField source="unitId" reference="Unit" record={a} link={false} />
              </Typography>
            </Box>
            <IconButton onClick={onClose} aria-label={translate('app.assignment.close')} data-testid="review-panel-close">
              <CloseIcon />
            </IconButton>
          </Box>
          <Divider />
          <Stack spacing={2.5} sx={{ flex: 1, overflowY: 'auto', p: 2 }}>
            <Box>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                <DeadlineChip value={a.deadlineClass} />
                <Typography variant="body2" color={a.daysOverdue > 0 ? 'error' : 'text.secondary'}>
                  {translate('app.assignment.due', { date: formatDay(a.dueDate) })}
                  {a.daysOverdue > 0 ? ` · ${translate('app.assignment.days_overdue', { smart_count: a.daysOverdue })}` : ''}
                </Typography>
              </Box>
              {a.submittedAt && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {translate('app.review.submitted_at', { at: formatInstant(a.submittedAt) })}
                </Typography>
              )}
            </Box>
            <Section title={translate('app.review.reported_progress')}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <LinearProgress
                  variant="determinate"
                  value={a.progress}
                  aria-label={translate('app.assignment.progress_label', { progress: a.progress })}
                  color={a.progress < 100 ? 'warning' : 'success'}
                  sx={{ flex: 1, height: 10, borderRadius: 5 }}
                />
                <Typography variant="h6" component="span" data-testid="review-progress">
                  {a.progress}%
                </Typography>
              </Box>
              {a.progress < 100 && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  {translate('app.review.below_full', { progress: a.progress })}
                </Alert>
              )}
            </Section>
            <Section title={translate('app.review.note')}>
              <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }} color={a.note ? 'text.primary' : 'text.secondary'} data-testid="review-note">
                {a.note || translate('app.review.no_note')}
              </Typography>
            </Section>
            <Section title={translate('app.review.evidence', { count: a.evidenceCount ?? 0 })} testId="review-evidence">
              <AssignmentEvidence assignmentId={a.id} includeHidden hideTitle reloadKey={a.version} />
            </Section>
            <Section title={translate('app.review.history')} testId="review-history">
              <HistoryList history={a.history} />
            </Section>
          </Stack>
          <Divider />
          <Box
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: 'space-between', alignItems: 'center', p: 2, pb: { xs: 3, sm: 2 } }}
          >
            <Button onClick={onClose}>{translate('app.assignment.close')}</Button>
            <ActionButtons assignment={a} only={['VERIFY', 'RETURN']} onChanged={onChanged} />
          </Box>
        </>
      )}
    </Drawer>
  );
}
