import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CalendarDayKind } from './calendar.js';

const KIND_COLOURS: Record<CalendarDayKind, ChipProps['color']> = {
  HOLIDAY: 'error',
  DAY_OFF: 'warning',
  WORKING_DAY: 'success',
};

export function KindChip({ value }: { value: CalendarDayKind | null | undefined }) {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={KIND_COLOURS[value]}
      variant={value === 'WORKING_DAY' ? 'filled' : 'outlined'}
      label={translate(`app.enums.CalendarDayKind.${value}`)}
      data-testid="calendar-kind-chip"
      data-value={value}
    />
  );
}

/** For list columns and show pages. */
export function CalendarDayKindField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<{ kind: CalendarDayKind }>();
  return <KindChip value={record?.kind} />;
}
