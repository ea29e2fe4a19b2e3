import { Alert, Box, Button, Divider } from '@mui/material';
import { Link, Show, useNotify, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import { toAppError } from '../../errors.js';
import { UNIT_REPORT_SHOW_FIELDS, type UnitReport } from './api.js';
import { ReportFigures } from './ReportFigures.js';
import { ReportHeader, ReviewNote } from './ReportHeader.js';
import { ReportHistory } from './ReportHistory.js';
import { ReportSections } from './ReportSections.js';
import { ReviewActions } from './ReviewActions.js';
import { usePeriodLabel } from './chips.js';

function ReportTitle() {
  const translate = useTranslate();
  const record = useRecordContext<UnitReport>();
  const periodLabel = usePeriodLabel();
  return (
    <span>
      {translate('resources.UnitReport.name', { smart_count: 1 })}
      {record?.unit ? `: ${record.unit.name} — ${periodLabel(record.period, record.dueBefore)}` : ''}
    </span>
  );
}

/** Another unit's report, or one that does not exist: said on the page, with the way back to the list. */
function ReportUnavailable() {
  const translate = useTranslate();
  const { error } = useShowContext();
  const e = toAppError(error);
  const key = e.code === 'FORBIDDEN' ? 'resources.UnitReport.forbidden' : e.code === 'NOT_FOUND' ? 'resources.UnitReport.not_found' : e.message;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
      <Alert severity="error" data-testid="report-unavailable" data-code={e.code}>
        {translate(key, { _: e.message })}
      </Alert>
      <Button component={Link} to="/UnitReport">
        {translate('resources.UnitReport.back_to_list')}
      </Button>
    </Box>
  );
}

function ReportPage() {
  const record = useRecordContext<UnitReport>();
  if (!record) return null;
  return (
    <Box
      sx={{ p: { xs: 1.5, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 960 }}
      data-testid="unit-report"
      data-report-id={record.id}
      data-state={record.state}
      data-version={record.version}
    >
      <ReportHeader report={record} />
      <ReviewNote report={record} />
      <ReviewActions report={record} />
      <Divider />
      <ReportFigures report={record} />
      <Divider />
      <ReportSections report={record} />
      <Divider />
      <ReportHistory history={record.history} />
    </Box>
  );
}

/**
 * One unit's period report: what it says, the figures it carries (live while drafted, frozen when sent),
 * the unit's writing and sending, the aggregating office's accepting or returning, and its history.
 */
export default function UnitReportShow() {
  const notify = useNotify();
  const translate = useTranslate();
  return (
    <Show
      title={<ReportTitle />}
      actions={false}
      error={<ReportUnavailable />}
      queryOptions={{
        meta: { sparseFields: UNIT_REPORT_SHOW_FIELDS },
        onError: (error: unknown) => {
          const e = toAppError(error);
          notify(translate(e.message, { _: e.message }), { type: 'error' });
        },
      }}
    >
      <ReportPage />
    </Show>
  );
}
