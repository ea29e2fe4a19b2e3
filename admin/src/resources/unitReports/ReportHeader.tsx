import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DeadlineChip } from '../../assignments/chips.js';
import { formatDay, formatInstant } from '../../format.js';
import type { UnitReport } from './api.js';
import { LateChip, ReportStateChip, usePeriodLabel } from './chips.js';

/** Still to be sent (or sent again): the states in which the unit holds the report. */
const WITH_THE_UNIT = new Set(['NOT_STARTED', 'DRAFT', 'RETURNED']);

/** What the report is, who sends it where, by when, and where it stands. */
export function ReportHeader({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  const periodLabel = usePeriodLabel();
  // The seeded plan's periods are long past: say it in one calm sentence, not a red page.
  const pastDue = report.deadlineClass === 'OVERDUE' && WITH_THE_UNIT.has(report.state);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="report-header">
      <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3 }}>
        {report.subject}
      </Typography>
      <Typography variant="body1">
        {report.unit.name} · {periodLabel(report.period, report.dueBefore)}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="report-due">
        {translate('resources.UnitReport.due', { date: formatDay(report.dueBefore) })} ·{' '}
        {translate('resources.UnitReport.through', { unit: report.reviewingUnit.name })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <ReportStateChip state={report.state} />
        <DeadlineChip value={report.deadlineClass} />
        <LateChip late={report.submittedLate} />
      </Box>
      {report.submittedAt && (
        <Typography variant="body2" color="text.secondary" data-testid="report-submitted">
          {translate('resources.UnitReport.submitted_line', {
            time: formatInstant(report.submittedAt),
            name: report.submittedByName ?? '—',
            smart_count: report.submissionCount,
          })}
        </Typography>
      )}
      {pastDue && (
        <Alert severity="warning" variant="outlined" data-testid="report-past-due">
          {translate('resources.UnitReport.past_due', { date: formatDay(report.dueBefore) })}
          {report.canEdit ? ` ${translate('resources.UnitReport.past_due_still_open')}` : ''}
        </Alert>
      )}
    </Box>
  );
}

/**
 * The aggregating office's word on the report. A returned report's comment is what the unit must act
 * on, so it stands above the figures and the text, not down in the history.
 */
export function ReviewNote({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  const by = { name: report.reviewedByName ?? '—', time: formatInstant(report.reviewedAt) };
  if (report.state === 'RETURNED') {
    return (
      <Alert severity="warning" data-testid="review-note" data-state="RETURNED">
        <AlertTitle>{translate('resources.UnitReport.review.returned_title')}</AlertTitle>
        <Typography sx={{ whiteSpace: 'pre-wrap', fontWeight: 500 }} data-testid="review-comment">
          {report.reviewComment}
        </Typography>
        <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
          {translate('resources.UnitReport.review.returned_by', by)}
        </Typography>
      </Alert>
    );
  }
  if (report.state === 'ACCEPTED') {
    return (
      <Alert severity="success" data-testid="review-note" data-state="ACCEPTED">
        {translate('resources.UnitReport.review.accepted_by', by)}
        {report.reviewComment && (
          <Typography sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }} data-testid="review-comment">
            {report.reviewComment}
          </Typography>
        )}
      </Alert>
    );
  }
  if (report.state === 'SUBMITTED') {
    return (
      <Alert severity="info" variant="outlined" data-testid="review-note" data-state="SUBMITTED">
        {translate('resources.UnitReport.review.awaiting', { unit: report.reviewingUnit.name })}
      </Alert>
    );
  }
  return null;
}
