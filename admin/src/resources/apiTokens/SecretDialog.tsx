import { useRef } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/**
 * The token's secret, shown once: the server keeps only its hash. The dialog closes only through its
 * button, so a stray click outside cannot lose the secret before it was copied.
 */
export function SecretDialog({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('app.api_token.copied', { type: 'success' });
    } catch {
      // The clipboard API exists only in secure contexts (HTTPS or localhost); a LAN address over HTTP falls back.
      field.current?.select();
      const copied = document.execCommand?.('copy');
      notify(copied ? 'app.api_token.copied' : 'app.api_token.copy_failed', { type: copied ? 'success' : 'warning' });
    }
  };

  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="api-token-secret-dialog" disableEscapeKeyDown>
      <DialogTitle>
        {translate('app.api_token.secret_title')}: {name}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning" data-testid="api-token-secret-warning">
            {translate('app.api_token.secret_warning')}
          </Alert>
          <TextField
            label={translate('resources.ApiToken.fields.secret')}
            value={secret}
            fullWidth
            inputRef={field}
            onFocus={(e) => e.target.select()}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'api-token-secret', style: { fontFamily: 'monospace' } } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button startIcon={<ContentCopyIcon />} onClick={copy} data-testid="api-token-copy">
          {translate('app.api_token.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="api-token-secret-close">
          {translate('app.api_token.saved')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
