import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Slider, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.js';
import { isConflict, toAppError } from '../errors.js';
import type { Assignment } from '../types.js';

/** Progress 0–100 with a note, sent with the version the user read. */
export function ProgressDialog({
  assignment,
  onClose,
  onChanged,
}: {
  assignment: Pick<Assignment, 'id' | 'version' | 'progress' | 'note'>;
  onClose: () => void;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  // The version the user read when they started typing: a background refetch must not turn their stale
  // edit into a silent overwrite of someone else's change.
  const [version] = useState(assignment.version);
  const [progress, setProgress] = useState(assignment.progress);
  const [note, setNote] = useState(assignment.note ?? '');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await dataProvider.updateProgress({ id: assignment.id, version, progress, note });
      notify('app.assignment.progress_saved', { type: 'success' });
      onChanged();
    } catch (error) {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
      // The typed values stay in the dialog's state only until the reload: the user has been told why.
      if (isConflict(e)) onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.assignment.progress_title')}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1, px: 1 }}>
          <Slider
            value={progress}
            min={0}
            max={100}
            step={5}
            onChange={(_e, v) => setProgress(v as number)}
            aria-label={translate('resources.Assignment.fields.progress')}
            sx={{ flex: 1, minWidth: 120 }}
            data-testid="progress-slider"
          />
          <TextField
            type="number"
            size="small"
            label="%"
            value={progress}
            onChange={(e) => setProgress(Math.max(0, Math.min(100, Number(e.target.value) || 0)))}
            slotProps={{ htmlInput: { min: 0, max: 100, 'data-testid': 'progress-input' } }}
            // react-admin's theme stretches every text field to full width on a phone, which left the
            // slider beside it no room at all: the number box keeps a fixed basis instead.
            sx={{ flex: '0 0 90px' }}
          />
        </Box>
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          label={translate('resources.Assignment.fields.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'note-input', maxLength: 2000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={save} data-testid="save-progress">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
