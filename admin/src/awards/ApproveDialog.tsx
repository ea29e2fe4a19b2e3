import { useState } from 'react';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography, useMediaQuery,
  type Theme,
} from '@mui/material';
import DescriptionIcon from '@mui/icons-material/Description';
import { useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatDay, todayInVietnam } from '../format.js';
import { approveNominations, type Decision, type Nomination } from './api.js';

interface ApproveDialogProps {
  planId: string;
  periodEnd: string;
  /** As read on screen: the versions travel with the approval, so a change in between is refused. */
  nominations: Nomination[];
  onApproved: (decision: Decision) => void;
  /** After a refusal the list is read again: what the leader approves must be what is on screen. */
  onFailed: (error: unknown) => void;
  onClose: () => void;
}

export function DecisionLine({ decision }: { decision: Decision }) {
  const translate = useTranslate();
  return (
    <>
      {decision.number
        ? translate('app.awards.decision_line', { number: decision.number, date: formatDay(decision.decisionDate) })
        : translate('app.awards.decision_line_unnumbered', { date: formatDay(decision.decisionDate) })}
    </>
  );
}

export function DecisionDownload({ decision }: { decision: Decision }) {
  const translate = useTranslate();
  if (!decision.downloadUrl) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<DescriptionIcon />}
      href={decision.downloadUrl}
      download={decision.fileName ?? undefined}
      data-testid="decision-download"
    >
      {translate('app.awards.download_decision')}
    </Button>
  );
}

/**
 * The leader approves the ticked nominations as one decision: its number (empty until the records
 * office gives one) and its date. The draft decision is written in the same step and offered at once.
 */
export function ApproveDialog({ planId, periodEnd, nominations: ticked, onApproved, onFailed, onClose }: ApproveDialogProps) {
  const translate = useTranslate();
  // What was ticked when the dialog opened: the list behind it is read again once they are approved.
  const [nominations] = useState(ticked);
  const fullScreen = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayInVietnam());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await approveNominations({
        planId,
        periodEnd,
        items: nominations.map((n) => ({ id: n.id, version: n.version })),
        decisionNumber: number.trim(),
        decisionDate: date,
        comment: comment.trim() || null,
      });
      setDecision(made);
      onApproved(made);
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'BAD_USER_INPUT') setError(translate(err.message, { _: err.message }));
      else onFailed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={fullScreen} data-testid="approve-dialog">
      <DialogTitle>{translate('app.awards.approve_title')}</DialogTitle>
      {decision ? (
        <>
          <DialogContent>
            <Alert severity="success" sx={{ mb: 2 }} data-testid="approve-done">
              {translate('app.awards.approved', { smart_count: nominations.length })}
            </Alert>
            <Typography variant="subtitle1" data-testid="approve-decision">
              <DecisionLine decision={decision} />
            </Typography>
            <Box sx={{ mt: 1 }}>
              <DecisionDownload decision={decision} />
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} data-testid="approve-close">
              {translate('ra.action.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>{translate('app.awards.approve_content', { smart_count: nominations.length })}</DialogContentText>
            <Box component="ul" sx={{ mt: 0, mb: 2, pl: 2.5 }} data-testid="approve-list">
              {nominations.map((n) => (
                <Typography component="li" variant="body2" key={n.id}>
                  {n.candidateName}
                  {n.facility ? ` (${n.unit.name})` : ''}
                </Typography>
              ))}
            </Box>
            <Stack spacing={2}>
              {error && (
                <Alert severity="error" data-testid="approve-error">
                  {error}
                </Alert>
              )}
              <TextField
                label={translate('app.awards.decision_number')}
                helperText={translate('app.awards.decision_number_hint')}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                fullWidth
                slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'decision-number' } }}
              />
              <TextField
                type="date"
                required
                label={translate('app.awards.decision_date')}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                // The browser draws the picker in its own language's order; the decision is written dd/MM/yyyy.
                helperText={date ? translate('app.awards.decision_date_hint', { date: formatDay(date) }) : ' '}
                fullWidth
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'decision-date' }, formHelperText: { 'data-testid': 'decision-date-shown' } as object }}
              />
              <TextField
                multiline
                minRows={2}
                label={translate('app.awards.comment_optional')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                fullWidth
                slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'approve-comment' } }}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" color="success" disabled={busy || !date} onClick={() => void approve()} data-testid="approve-confirm">
              {translate('app.awards.approve')}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
