import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.js';
import { isConflict, toAppError } from '../errors.js';
import type { Assignment, AssignmentAction } from '../types.js';
import { ProgressDialog } from './ProgressDialog.js';

/** Returning, blocking and cancelling must say why (the API refuses them without a comment). */
export const COMMENT_REQUIRED: ReadonlySet<AssignmentAction> = new Set(['BLOCK', 'RETURN', 'CANCEL']);

const BUTTON_COLOURS: Partial<Record<AssignmentAction, 'primary' | 'success' | 'warning' | 'error' | 'inherit'>> = {
  START: 'primary',
  SUBMIT: 'success',
  VERIFY: 'success',
  RETURN: 'warning',
  BLOCK: 'warning',
  UNBLOCK: 'primary',
  CANCEL: 'error',
};

/** Verifying sets progress to 100%: below that the reviewer confirms they accept the work as it stands. */
export function verifiesUnfinished(action: AssignmentAction, progress: number): boolean {
  return action === 'VERIFY' && progress < 100;
}

type Target = Pick<Assignment, 'id' | 'version' | 'allowedActions' | 'progress' | 'note' | 'status'> & { label?: string };

/**
 * Exactly the buttons the API says this user may press now (`allowedActions`). Every write carries the
 * version that was read; a conflict tells the user and reloads instead of overwriting someone's change.
 */
export function ActionButtons({ assignment, onChanged, only }: { assignment: Target; onChanged: () => void; only?: AssignmentAction[] }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [asking, setAsking] = useState<AssignmentAction | null>(null);
  /** The version shown when the comment dialog opened: the comment answers what the user saw then. */
  const [askedVersion, setAskedVersion] = useState(assignment.version);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);

  const actions = assignment.allowedActions.filter((a) => !only || only.includes(a));
  if (!actions.length) return null;

  const run = async (action: AssignmentAction, text?: string, version = assignment.version) => {
    setBusy(true);
    try {
      await dataProvider.transitionAssignment({ id: assignment.id, action, version, comment: text?.trim() || null });
      notify('app.assignment.done', { type: 'success', messageArgs: { action: translate(`app.enums.AssignmentAction.${action}`) } });
      setAsking(null);
      setComment('');
      onChanged();
    } catch (error) {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
      if (isConflict(e)) {
        setAsking(null);
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  const press = (action: AssignmentAction) => {
    if (action === 'UPDATE_PROGRESS') setProgressOpen(true);
    else if (COMMENT_REQUIRED.has(action) || verifiesUnfinished(action, assignment.progress)) {
      setAskedVersion(assignment.version);
      setAsking(action);
    }
    else void run(action);
  };

  const required = asking !== null && COMMENT_REQUIRED.has(asking);
  const unfinished = asking !== null && verifiesUnfinished(asking, assignment.progress);
  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
      onClick={(e) => e.stopPropagation()}
      data-testid="actions"
      data-assignment-id={assignment.id}
    >
      {actions.map((action) => (
        <Button
          key={action}
          size="small"
          variant={action === 'UPDATE_PROGRESS' ? 'outlined' : 'contained'}
          color={BUTTON_COLOURS[action] ?? 'primary'}
          disabled={busy}
          onClick={() => press(action)}
          data-testid={`action-${action}`}
        >
          {translate(`app.enums.AssignmentAction.${action}`)}
        </Button>
      ))}
      <Dialog open={asking !== null} onClose={() => setAsking(null)} fullWidth maxWidth="sm">
        <DialogTitle>{asking ? translate(`app.enums.AssignmentAction.${asking}`) : ''}{assignment.label ? `: ${assignment.label}` : ''}</DialogTitle>
        <DialogContent>
          {unfinished && (
            <Alert severity="warning" sx={{ mb: 1 }} data-testid="verify-below-full">
              {translate('app.assignment.verify_below_full', { progress: assignment.progress })}
            </Alert>
          )}
          <TextField
            autoFocus={!unfinished}
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            label={translate(required ? 'app.assignment.comment_label' : 'app.assignment.comment_optional')}
            helperText={required ? translate('app.assignment.comment_required') : ' '}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'comment-input', maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={busy || (required && !comment.trim())}
            onClick={() => asking && run(asking, comment, askedVersion)}
            data-testid="confirm-action"
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      {progressOpen && (
        <ProgressDialog
          assignment={assignment}
          onClose={() => setProgressOpen(false)}
          onChanged={() => {
            setProgressOpen(false);
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
