import { useRef, useState, type DragEvent } from 'react';
import CloseIcon from '@mui/icons-material/Close';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFile';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import { Alert, Box, Button, IconButton, LinearProgress, Paper, Stack, TextField, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatSize, uploadEvidence, type AppError, type UploadResult } from './api.js';
import { EVIDENCE_TEXT as T } from './messages.js';

/** What the picker lets through; the server decides on the bytes, this only spares a wasted upload. */
const ACCEPT = [
  '.pdf', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.doc', '.xls', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.heic', '.heif', '.csv',
  'application/pdf', 'image/*', 'text/csv',
].join(',');

interface Chosen {
  key: string;
  file: File;
  description: string;
}

export interface EvidenceUploadPanelProps {
  assignmentId: string;
  /** Called after a successful upload with one result per file (duplicates included). */
  onUploaded?: (results: UploadResult[]) => void;
  /** Mirror the server's EVIDENCE_MAX_FILES / EVIDENCE_MAX_FILE_BYTES for early, friendly checks. */
  maxFiles?: number;
  maxFileBytes?: number;
  disabled?: boolean;
}

/**
 * Choose or drop several files, describe each one, send them together. Made for phones: a large
 * target, a camera button, progress while the upload runs, every message in Vietnamese.
 */
export function EvidenceUploadPanel({ assignmentId, onUploaded, maxFiles = 10, maxFileBytes = 20 * 1024 * 1024, disabled }: EvidenceUploadPanelProps) {
  const translate = useTranslate();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<UploadResult[] | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const busy = progress !== null;
  const touch = useMediaQuery<Theme>((theme) => `${theme.breakpoints.down('sm')}, (hover: none)`);

  const add = (files: FileList | File[] | null) => {
    if (!files) return;
    const list = Array.from(files);
    setDone(null);
    const problems: string[] = [];
    const fresh: Chosen[] = [];
    for (const file of list) {
      if (file.size === 0) problems.push(T.emptyFile(file.name));
      else if (file.size > maxFileBytes) problems.push(T.tooLarge(file.name, formatSize(maxFileBytes)));
      else fresh.push({ key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`, file, description: '' });
    }
    setChosen((current) => {
      const next = [...current, ...fresh];
      if (next.length > maxFiles) problems.push(T.tooMany(maxFiles));
      return next.slice(0, maxFiles);
    });
    setError(problems.length ? problems.join(' ') : null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled && !busy) add(event.dataTransfer.files);
  };

  const send = async () => {
    setError(null);
    setProgress(0);
    try {
      const results = await uploadEvidence(assignmentId, chosen, setProgress);
      setChosen([]);
      setDone(results);
      onUploaded?.(results);
    } catch (e) {
      const { message, details } = (e as AppError) ?? {};
      setError(message ? translate(message, { _: message }) : T.failed);
      // One refused file refuses the whole request: take that file out (the message names it) so that
      // pressing upload again sends the others instead of being refused for the same file.
      if (typeof details?.index === 'number') setChosen((all) => all.filter((_, i) => i !== details.index));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="evidence-upload">
      <Paper
        variant="outlined"
        role="button"
        tabIndex={0}
        aria-disabled={disabled || busy}
        data-testid="evidence-dropzone"
        onClick={() => !disabled && !busy && picker.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && !disabled && !busy && picker.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{
          p: 3,
          textAlign: 'center',
          cursor: disabled || busy ? 'default' : 'pointer',
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'background.paper',
        }}
      >
        <CloudUploadIcon color={disabled ? 'disabled' : 'primary'} sx={{ fontSize: 40 }} />
        <Typography>{touch ? T.tapHere : T.dropHere}</Typography>
        <Typography variant="body2" color="text.secondary">
          {T.dropHint(maxFiles, formatSize(maxFileBytes))}
        </Typography>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="evidence-file-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </Paper>
      <Box>
        <Button size="small" startIcon={<PhotoCameraIcon />} disabled={disabled || busy} onClick={() => camera.current?.click()}>
          {T.takePhoto}
        </Button>
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </Box>

      {chosen.map((c, i) => (
        <Paper key={c.key} variant="outlined" sx={{ p: 1.5 }} data-testid="evidence-chosen">
          <Stack direction="row" spacing={1} alignItems="center">
            <InsertDriveFileIcon color="action" />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography noWrap title={c.file.name}>
                {c.file.name}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {formatSize(c.file.size)}
              </Typography>
            </Box>
            <IconButton aria-label={T.removeChosen} disabled={busy} onClick={() => setChosen((all) => all.filter((x) => x.key !== c.key))}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <TextField
            label={T.description}
            value={c.description}
            onChange={(e) => setChosen((all) => all.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
            disabled={busy}
            fullWidth
            size="small"
            margin="dense"
            multiline
            slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'evidence-description' } }}
          />
        </Paper>
      ))}

      {busy ? (
        <Box>
          <Typography variant="body2">{T.uploading}</Typography>
          <LinearProgress variant="determinate" value={Math.round((progress ?? 0) * 100)} aria-label={T.uploading} />
        </Box>
      ) : null}
      {error ? (
        <Alert severity="error" data-testid="evidence-upload-error">
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert severity="success" data-testid="evidence-upload-done">
          {T.uploaded(done.filter((r) => !r.duplicate).length)}
          {done.filter((r) => r.duplicate).map((r) => (
            <Typography key={r.evidence.id + r.message} variant="body2">
              {r.message}
            </Typography>
          ))}
        </Alert>
      ) : null}

      {chosen.length ? (
        <Box>
          <Button variant="contained" startIcon={<CloudUploadIcon />} disabled={disabled || busy} onClick={send} data-testid="evidence-upload-button">
            {T.upload(chosen.length)}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
