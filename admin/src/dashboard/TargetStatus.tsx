import { Alert, Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TargetRow, TargetStatus } from '../types.js';

/** 45,3% — one decimal at most, with the Vietnamese decimal comma. */
export const targetPercent = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1).replace('.', ',')}%`;

const STATUS_COLOR: Record<TargetStatus, ChipProps['color']> = {
  MET: 'success',
  ON_TRACK: 'info',
  AT_RISK: 'warning',
  NOT_MET: 'error',
  NO_DATA: 'default',
  NOT_APPLICABLE: 'default',
};

export function TargetStatusChip({ status }: { status: TargetStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      variant={status === 'NOT_APPLICABLE' || status === 'NO_DATA' ? 'outlined' : 'filled'}
      label={translate(`app.enums.TargetStatus.${status}`)}
      data-status={status}
    />
  );
}

type TargetRecord = Pick<TargetRow, 'code' | 'comparator' | 'thresholdPercent'> & {
  metric: 'FACILITIES_USING_DIGITAL_PLATFORM' | 'FACILITIES_ACCEPTING_CASHLESS' | 'CASHLESS_TRANSACTION_SHARE';
  current?: TargetRow['current'] & { numerator: number | null; denominator: number | null };
};

const COMPARATOR_SIGN: Record<TargetRow['comparator'], string> = { AT_LEAST: '≥', MORE_THAN: '>' };

/** "45,3% / ≥ 50%": the value against the threshold it has to reach; a dash when nothing is counted. */
export function targetValueAgainstThreshold(target: TargetRecord): string {
  const threshold = `${COMPARATOR_SIGN[target.comparator]} ${targetPercent(target.thresholdPercent)}`;
  const value = target.current?.status === 'NOT_APPLICABLE' || target.current?.valuePercent == null ? '—' : targetPercent(target.current.valuePercent);
  return `${value} / ${threshold}`;
}

/** Record-context fields for the Target list and show pages. */
export function TargetStatusField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<TargetRecord>();
  if (!record?.current) return null;
  return (
    <span data-testid={`target-status-${record.code}`} data-status={record.current.status}>
      <TargetStatusChip status={record.current.status} />
    </span>
  );
}

export function TargetValueField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<TargetRecord>();
  if (!record) return null;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={`target-value-${record.code}`}>
      {targetValueAgainstThreshold(record)}
    </span>
  );
}

/** What the percentage is made of: facilities that qualify of those counted, or cashless transactions of all. */
export function TargetFiguresField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<TargetRecord>();
  const translate = useTranslate();
  const current = record?.current;
  if (!current || current.numerator == null || current.denominator == null) return <span>—</span>;
  const figures = { numerator: current.numerator.toLocaleString('vi-VN'), denominator: current.denominator.toLocaleString('vi-VN') };
  return (
    <span data-testid="target-figures">
      {translate(record.metric === 'CASHLESS_TRANSACTION_SHARE' ? 'app.targets.transactions' : 'app.targets.facilities', figures)}
    </span>
  );
}

export function TargetFacilitiesField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<TargetRecord>();
  if (!record?.current) return null;
  return <span>{`${record.current.facilitiesCounted}/${record.current.facilitiesInScope}`}</span>;
}

/** Why the target does not apply in this district, said where the status says so. */
export function TargetNotApplicableReason() {
  const record = useRecordContext<TargetRecord>();
  const translate = useTranslate();
  if (record?.current?.status !== 'NOT_APPLICABLE' || !record.current.notApplicableReason) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ my: 1 }} data-testid="not-applicable-reason">
      {translate('app.targets.not_applicable', { reason: record.current.notApplicableReason })}
    </Alert>
  );
}
