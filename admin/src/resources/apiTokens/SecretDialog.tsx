import { useRef } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

export interface SecretDialogProps {
  name: string;
  secret: string;
  onClose: () => void;
  /** Where the texts are: `<messages>.secret_title`, `.secret_warning`, `.copy`, `.copied`, `.copy_failed`, `.saved`. */
  messages?: string;
  /** The secret field's label. */
  label?: string;
  testId?: string;
}

/**
 * A secret shown once (an API token, a webhook signing key). The dialog closes only through its
 * button, so a stray click outside cannot lose the secret before it was copied.
 */
export function SecretDialog({
  name, secret, onClose, messages = 'app.api_token', label = 'resources.ApiToken.fields.secret', testId = 'api-token',
}: SecretDialogProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify(`${messages}.copied`, { type: 'success' });
    } catch {
      // The clipboard API exists only in secure contexts (HTTPS or localhost); a LAN address over HTTP falls back.
      field.current?.select();
      const copied = document.execCommand?.('copy');
      notify(copied ? `${messages}.copied` : `${messages}.copy_failed`, { type: copied ? 'success' : 'warning' });
    }
  };

  return (
    <Dialog open fullWidth maxWidth="sm" data-testid={`${testId}-secret-dialog`} disableEscapeKeyDown>
      <DialogTitle>
        {translate(`${messages}.secret_title`)}: {name}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning" data-testid={`${testId}-secret-warning`}>
            {translate(`${messages}.secret_warning`)}
          </Alert>
          <TextField
            label={translate(label)}
            value={secret}
            fullWidth
            inputRef={field}
            onFocus={(e) => e.target.select()}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': `${testId}-secret`, style: { fontFamily: 'monospace' } } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button startIcon={<ContentCopyIcon />} onClick={copy} data-testid={`${testId}-copy`}>
          {translate(`${messages}.copy`)}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid={`${testId}-secret-close`}>
          {translate(`${messages}.saved`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
