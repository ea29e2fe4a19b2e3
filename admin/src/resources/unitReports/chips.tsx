import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportPeriod, UnitReportState } from './api.js';

const STATE_COLOURS: Record<UnitReportState, ChipProps['color']> = {
  NOT_STARTED: 'default',
  DRAFT: 'primary',
  SUBMITTED: 'info',
  RETURNED: 'warning',
  ACCEPTED: 'success',
};

export function ReportStateChip({ state }: { state: UnitReportState | undefined }) {
  const translate = useTranslate();
  if (!state) return null;
  return (
    <Chip
      size="small"
      variant={state === 'ACCEPTED' ? 'filled' : 'outlined'}
      color={STATE_COLOURS[state]}
      label={translate(`app.enums.UnitReportState.${state}`)}
      data-testid="report-state"
      data-value={state}
    />
  );
}

/** Sent on or after the due day: said once, in words, not only by colour. */
export function LateChip({ late }: { late: boolean | undefined }) {
  const translate = useTranslate();
  if (!late) return null;
  return <Chip size="small" color="warning" variant="outlined" label={translate('resources.UnitReport.late')} data-testid="report-late" />;
}

/** "6 tháng đầu năm 2022" / "Năm 2022": the period as the plan names it, from its due day's year. */
export function usePeriodLabel() {
  const translate = useTranslate();
  return (period: ReportPeriod | undefined, dueBefore: string | undefined) =>
    period && dueBefore ? translate(`resources.UnitReport.period_label.${period}`, { year: dueBefore.slice(0, 4) }) : '';
}
