import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AssignmentStatus, DeadlineClass } from '../types.js';

const DEADLINE_COLOURS: Record<DeadlineClass, ChipProps['color']> = {
  DONE_ON_TIME: 'success',
  DONE_LATE: 'warning',
  NOT_DONE_WITHIN_DEADLINE: 'info',
  OVERDUE: 'error',
};

const STATUS_COLOURS: Record<AssignmentStatus, ChipProps['color']> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'primary',
  SUBMITTED: 'secondary',
  DONE: 'success',
  BLOCKED: 'warning',
  CANCELLED: 'default',
};

export function DeadlineChip({ value }: { value: DeadlineClass | null | undefined }) {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={DEADLINE_COLOURS[value]}
      label={translate(`app.enums.DeadlineClass.${value}`)}
      data-testid="deadline-chip"
      data-value={value}
    />
  );
}

export function StatusChip({ value }: { value: AssignmentStatus | null | undefined }) {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLOURS[value]}
      label={translate(`app.enums.AssignmentStatus.${value}`)}
      data-testid="status-chip"
      data-value={value}
    />
  );
}

/** Record-context versions for Datagrid columns. */
export function DeadlineChipField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext<{ deadlineClass: DeadlineClass | null }>();
  return <DeadlineChip value={record?.deadlineClass} />;
}

export function StatusChipField(_props: { label?: string; source?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext<{ status: AssignmentStatus }>();
  return <StatusChip value={record?.status} />;
}

/** Part V.4: the work a commune leads at its own schools and health facilities. */
export function ScopeChip({ value }: { value: string | null | undefined }) {
  const translate = useTranslate();
  if (value !== 'OWN_FACILITIES') return null;
  return <Chip size="small" color="info" variant="outlined" label={translate('app.enums.AssignmentScope.OWN_FACILITIES')} data-testid="scope-chip" />;
}

export function ScopeChipField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<{ scope?: string }>();
  return <ScopeChip value={record?.scope} />;
}

/** The scope on a show page: the chip for own-facility work, the plain label otherwise. */
export function ScopeField(_props: { source: string; label?: string }) {
  const record = useRecordContext<{ scope?: string }>();
  const translate = useTranslate();
  if (!record?.scope) return null;
  return record.scope === 'OWN_FACILITIES' ? <ScopeChip value={record.scope} /> : <span>{translate(`app.enums.AssignmentScope.${record.scope}`)}</span>;
}
