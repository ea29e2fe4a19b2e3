import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import DoneIcon from '@mui/icons-material/Done';
import UndoIcon from '@mui/icons-material/Undo';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { reviewUnitReport, type UnitReport } from './api.js';

type Decision = 'ACCEPT' | 'RETURN';

/**
 * The aggregating office's two answers to a sent report, offered only when the API says this person may
 * give them now (`canReview`). Returning must say why: the unit reads it at the top of its report.
 */
export function ReviewActions({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useConflictReload();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  /** The version on screen when the dialog opened: the decision answers what the reviewer read. */
  const [readVersion, setReadVersion] = useState(report.version);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (!report.canReview) return null;

  const open = (decision: Decision) => {
    setReadVersion(report.version);
    setComment('');
    setDeciding(decision);
  };

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    try {
      await reviewUnitReport(deciding, report.id, readVersion, comment.trim() || null);
      notify(deciding === 'ACCEPT' ? 'resources.UnitReport.review.accepted' : 'resources.UnitReport.review.returned', {
        type: 'success',
        messageArgs: { unit: report.unit.name },
      });
      setDeciding(null);
      refresh();
    } catch (error) {
      setDeciding(null);
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const returning = deciding === 'RETURN';
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="review-actions">
      <Button variant="contained" color="success" startIcon={<DoneIcon />} onClick={() => open('ACCEPT')} data-testid="report-accept">
        {translate('resources.UnitReport.review.accept')}
      </Button>
      <Button variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={() => open('RETURN')} data-testid="report-return">
        {translate('resources.UnitReport.review.return')}
      </Button>
      <Dialog open={deciding !== null} onClose={() => setDeciding(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(returning ? 'resources.UnitReport.review.return_title' : 'resources.UnitReport.review.accept_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            {translate(returning ? 'resources.UnitReport.review.return_content' : 'resources.UnitReport.review.accept_content', {
              unit: report.unit.name,
            })}
          </DialogContentText>
          <TextField
            autoFocus
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            label={translate(returning ? 'resources.UnitReport.review.comment' : 'resources.UnitReport.review.comment_optional')}
            helperText={returning ? translate('resources.UnitReport.review.comment_required') : ' '}
            required={returning}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'review-comment-input', maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeciding(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color={returning ? 'warning' : 'success'}
            disabled={busy || (returning && !comment.trim())}
            onClick={() => void decide()}
            data-testid="review-confirm"
          >
            {translate(returning ? 'resources.UnitReport.review.return' : 'resources.UnitReport.review.accept')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
