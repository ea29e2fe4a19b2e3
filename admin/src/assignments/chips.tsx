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
