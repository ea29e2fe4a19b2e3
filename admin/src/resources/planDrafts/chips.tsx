import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PlanDraftState } from './api.js';

const STATE_COLOURS: Record<PlanDraftState, ChipProps['color']> = {
  DRAFT: 'primary',
  ACTIVATED: 'success',
  DISCARDED: 'default',
};

export function DraftStateChip({ state }: { state: PlanDraftState | undefined }) {
  const translate = useTranslate();
  if (!state) return null;
  return (
    <Chip
      size="small"
      variant={state === 'ACTIVATED' ? 'filled' : 'outlined'}
      color={STATE_COLOURS[state]}
      label={translate(`app.enums.PlanDraftState.${state}`)}
      data-testid="draft-state"
      data-value={state}
    />
  );
}
