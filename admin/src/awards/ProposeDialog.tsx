import { useState } from 'react';
import {
  Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, ToggleButton,
  ToggleButtonGroup, useMediaQuery, type Theme,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { proposeNomination, searchCandidates, type CandidateOption, type Nomination, type NominationKind } from './api.js';

interface ProposeDialogProps {
  planId: string;
  periodEnd: string;
  periodLabel: string;
  onProposed: (nomination: Nomination) => void;
  onClose: () => void;
}

/**
 * The committee adds a school, clinic or unit whose merit the figures do not show, with its reason;
 * the reason becomes the nomination's achievement, as the leader and the honour list will read it.
 */
export function ProposeDialog({ planId, periodEnd, periodLabel, onProposed, onClose }: ProposeDialogProps) {
  const translate = useTranslate();
  const fullScreen = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [kind, setKind] = useState<NominationKind>('FACILITY');
  const [typed, setTyped] = useState('');
  const [candidate, setCandidate] = useState<CandidateOption | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = useQuery({
    queryKey: ['awardCandidates', kind, typed],
    queryFn: () => searchCandidates(kind, typed.trim()),
    placeholderData: keepPreviousData,
  });

  const propose = async () => {
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      const made = await proposeNomination(planId, periodEnd, kind === 'FACILITY' ? { facilityId: candidate.id } : { unitId: candidate.id }, reason.trim());
      onProposed(made);
    } catch (e) {
      const err = toAppError(e);
      // CONFLICT here is not a stale screen: the candidate already has a nomination this period.
      setError(err.code === 'CONFLICT' && err.details.reason === 'ALREADY_NOMINATED' ? translate('app.awards.already_nominated') : translate(err.message, { _: err.message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={fullScreen} data-testid="propose-dialog">
      <DialogTitle>{translate('app.awards.propose_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.awards.propose_content', { label: periodLabel })}</DialogContentText>
        <Stack spacing={2}>
          {error && (
            <Alert severity="error" data-testid="propose-error">
              {error}
            </Alert>
          )}
          <ToggleButtonGroup
            exclusive
            size="small"
            color="primary"
            value={kind}
            onChange={(_, value: NominationKind | null) => {
              if (!value) return;
              setKind(value);
              setCandidate(null);
              setTyped('');
            }}
            aria-label={translate('app.awards.propose_kind')}
          >
            <ToggleButton value="FACILITY" data-testid="propose-kind-FACILITY">
              {translate('app.awards.groups.FACILITY')}
            </ToggleButton>
            <ToggleButton value="UNIT" data-testid="propose-kind-UNIT">
              {translate('app.awards.groups.UNIT')}
            </ToggleButton>
          </ToggleButtonGroup>
          <Autocomplete
            options={options.data ?? []}
            value={candidate}
            onChange={(_, value) => setCandidate(value)}
            inputValue={typed}
            onInputChange={(_, value) => setTyped(value)}
            // The API searches by name and code; the browser must not filter its answer again.
            filterOptions={(x) => x}
            getOptionLabel={(o) => (o.communeName ? `${o.name} — ${o.communeName}` : o.name)}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            loading={options.isFetching}
            noOptionsText={translate('app.awards.no_candidates')}
            renderOption={(props, o) => (
              <li {...props} key={o.id} data-testid="propose-option" data-code={o.code}>
                {o.communeName ? `${o.name} — ${o.communeName}` : o.name}
              </li>
            )}
            renderInput={(params) => (
              <TextField
                {...params}
                required
                label={translate(kind === 'FACILITY' ? 'app.awards.candidate_facility' : 'app.awards.candidate_unit')}
                inputProps={{ ...params.inputProps, 'data-testid': 'propose-candidate' }}
              />
            )}
          />
          <TextField
            multiline
            minRows={3}
            required
            fullWidth
            label={translate('app.awards.propose_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'propose-reason' } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !candidate || !reason.trim()} onClick={() => void propose()} data-testid="propose-confirm">
          {translate('app.awards.propose')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
