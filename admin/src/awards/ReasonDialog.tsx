import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField, useMediaQuery, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

interface ReasonDialogProps {
  title: string;
  content: string;
  label: string;
  confirm: string;
  colour: 'error' | 'warning';
  onConfirm: (text: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Not approving and withdrawing both have to say why: the unit reads it in the nomination's history,
 * so the confirm button waits for the text.
 */
export function ReasonDialog({ title, content, label, confirm, colour, onConfirm, onClose }: ReasonDialogProps) {
  const translate = useTranslate();
  const fullScreen = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await onConfirm(text.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={fullScreen} data-testid="reason-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{content}</DialogContentText>
        <TextField
          autoFocus
          multiline
          minRows={3}
          fullWidth
          required
          margin="dense"
          label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'reason-input', maxLength: 2000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={colour} disabled={busy || !text.trim()} onClick={() => void submit()} data-testid="reason-confirm">
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
