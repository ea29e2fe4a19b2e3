import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFile';
import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import TableChartIcon from '@mui/icons-material/TableChart';
import {
  Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, List, ListItem, ListItemIcon, ListItemText,
  Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { formatInstant } from '../format.js';
import { formatSize, removeEvidence, type AppError, type EvidenceItem } from './api.js';
import { EVIDENCE_TEXT as T } from './messages.js';

function TypeIcon({ item }: { item: EvidenceItem }) {
  if (item.contentType.startsWith('image/')) return <ImageIcon color="action" />;
  if (item.detectedExtension === 'pdf') return <PictureAsPdfIcon color="action" />;
  if (['xlsx', 'xls', 'ods', 'csv'].includes(item.detectedExtension)) return <TableChartIcon color="action" />;
  return <InsertDriveFileIcon color="action" />;
}

export interface EvidenceListProps {
  evidence: EvidenceItem[];
  /** Called after an item was removed, to reload. */
  onChanged?: () => void;
}

/**
 * The files that prove the work, oldest first, each with its download link. The link is the
 * authorised /evidence/:id/download route: the session cookie goes with it, and the browser
 * saves the file under its (Vietnamese) download name, whose extension is the one of its content:
 * shown as such, so that a PDF uploaded as "bao-cao.html" reads and saves as "bao-cao.pdf".
 */
export function EvidenceList({ evidence, onChanged }: EvidenceListProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const [removing, setRemoving] = useState<EvidenceItem | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  if (!evidence.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="evidence-empty">
        {T.empty}
      </Typography>
    );
  }

  const confirm = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      await removeEvidence(removing.id, reason);
      notify(T.removed, { type: 'info' });
      setRemoving(null);
      setReason('');
      onChanged?.();
    } catch (e) {
      const message = (e as AppError)?.message ?? T.failed;
      notify(translate(message, { _: message }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <List dense disablePadding data-testid="evidence-list">
        {evidence.map((item) => (
          <ListItem key={item.id} disableGutters alignItems="flex-start" data-testid="evidence-item" sx={{ opacity: item.hidden ? 0.6 : 1, gap: 1 }}>
            <ListItemIcon sx={{ minWidth: 32, mt: 1 }}>
              <TypeIcon item={item} />
            </ListItemIcon>
            <ListItemText
              sx={{ minWidth: 0, overflowWrap: 'anywhere' }}
              primary={
                <>
                  <a href={item.downloadUrl} download={item.downloadName} data-testid="evidence-download">
                    {item.downloadName}
                  </a>{' '}
                  {item.hidden ? <Chip size="small" label={T.hidden} /> : null}
                  {item.originalName !== item.downloadName ? (
                    <Typography component="span" display="block" variant="caption" color="text.secondary" data-testid="evidence-uploaded-as">
                      {translate('app.assignment.evidence_uploaded_as', { name: item.originalName })}
                    </Typography>
                  ) : null}
                </>
              }
              secondary={
                <>
                  {`${formatSize(item.size)} · ${T.uploadedBy(item.uploadedByName ?? '—', formatInstant(item.uploadedAt))}`}
                  {item.description ? (
                    <Typography component="span" display="block" variant="body2" color="text.primary">
                      {item.description}
                    </Typography>
                  ) : null}
                  {item.hidden ? (
                    <Typography component="span" display="block" variant="body2">
                      {T.hiddenBy(item.hiddenByName ?? '—', formatInstant(item.hiddenAt), item.hiddenReason ?? '')}
                    </Typography>
                  ) : null}
                </>
              }
            />
            <Stack direction="row" alignItems="center" sx={{ flexShrink: 0 }}>
              <Tooltip title={T.download}>
                <IconButton component="a" href={item.downloadUrl} download={item.downloadName} aria-label={`${T.download} ${item.downloadName}`}>
                  <DownloadIcon />
                </IconButton>
              </Tooltip>
              {item.mayRemove ? (
                <Button size="small" color="error" onClick={() => setRemoving(item)} data-testid="evidence-remove">
                  {T.remove}
                </Button>
              ) : null}
            </Stack>
          </ListItem>
        ))}
      </List>
      <Dialog open={!!removing} onClose={() => !busy && setRemoving(null)} fullWidth>
        <DialogTitle>{T.removeTitle}</DialogTitle>
        <DialogContent>
          <DialogContentText>{removing?.downloadName}</DialogContentText>
          <DialogContentText variant="body2">{T.removeExplain}</DialogContentText>
          <TextField
            autoFocus
            required
            label={T.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            margin="dense"
            slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'evidence-remove-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)} disabled={busy}>
            {T.cancel}
          </Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={busy || !reason.trim()} data-testid="evidence-remove-confirm">
            {T.confirmRemove}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
