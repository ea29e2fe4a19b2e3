import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { NominationSource, NominationState } from './api.js';

const STATE_COLOURS: Record<NominationState, ChipProps['color']> = {
  PROPOSED: 'info',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

export function NominationStateChip({ state }: { state: NominationState }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={state === 'APPROVED' ? 'filled' : 'outlined'}
      color={STATE_COLOURS[state]}
      label={translate(`app.enums.NominationState.${state}`)}
      data-testid="nomination-state"
      data-value={state}
    />
  );
}

/** Proposed by the evaluation from the figures, or added by the committee with its reason. */
export function NominationSourceChip({ source }: { source: NominationSource }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`app.enums.NominationSource.${source}`)}
      data-testid="nomination-source"
      data-value={source}
    />
  );
}
