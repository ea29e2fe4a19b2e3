import { useRef, useState } from 'react';
import { Alert, Box, Button, Chip, FormHelperText, LinearProgress, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Create, SaveButton, SimpleForm, TextInput, Toolbar, useInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import { toAppError } from '../../errors.js';
import type { PlanDraft } from './api.js';
import type { ImportFormValues } from './provider.js';

/** The server's limits are the rule (it sniffs the content); the picker only offers the three kinds it reads. */
const ACCEPT = '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A button and the browser's own file input, as the evidence and Excel uploads do: react-admin's
 * FileInput brings a drag-and-drop library whose shared code would move into the sign-in page's chunks.
 */
function DocumentFileInput() {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const { field, fieldState } = useInput({ source: 'file', defaultValue: null });
  const file = field.value as File | null;
  const clear = () => {
    field.onChange(null);
    if (input.current) input.current.value = '';
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }}>
      <Typography variant="subtitle2" component="p">
        {translate('resources.PlanDraft.import.file')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} data-testid="import-choose">
          {translate('resources.PlanDraft.import.choose')}
        </Button>
        {file && <Chip label={`${file.name} · ${Math.max(1, Math.round(file.size / 1024))} KB`} onDelete={clear} data-testid="import-file-chosen" />}
      </Box>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT}
        aria-label={translate('resources.PlanDraft.import.file')}
        onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
        data-testid="import-file"
      />
      <FormHelperText error={!!fieldState.error}>
        {fieldState.error?.message ? translate(fieldState.error.message) : translate('resources.PlanDraft.import.file_hint')}
      </FormHelperText>
    </Box>
  );
}

/** Exactly one of the two: a pasted text or a file. */
function validateSource(values: ImportFormValues) {
  const hasText = !!values.text?.trim();
  const hasFile = !!values.file;
  if (hasText && hasFile) return { text: 'resources.PlanDraft.import.one_source', file: 'resources.PlanDraft.import.one_source' };
  if (!hasText && !hasFile) return { text: 'resources.PlanDraft.import.no_source' };
  return {};
}

function ImportToolbar() {
  return (
    <Toolbar>
      <SaveButton label="resources.PlanDraft.import.submit" alwaysEnable data-testid="import-submit" />
    </Toolbar>
  );
}

/**
 * Paste the plan's text or choose its file; the server reads it into a draft and the review opens.
 * A refusal (a scan without text, a document that is not a plan…) is the server's Vietnamese
 * sentence, kept on the page next to what was sent, not a toast that vanishes.
 */
export default function PlanDraftCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  return (
    <Create
      title="resources.PlanDraft.import.title"
      mutationOptions={{
        meta: { onProgress: setProgress },
        onSuccess: (draft: PlanDraft) => {
          notify('resources.PlanDraft.import.read', { type: 'success', messageArgs: { smart_count: draft.tasks.length } });
          redirect('edit', 'PlanDraft', draft.id);
        },
        onMutate: () => {
          setError(null);
          setProgress(null);
        },
        onError: (e: unknown) => {
          setProgress(null);
          setError(toAppError(e).message);
        },
      }}
    >
      <SimpleForm validate={validateSource} toolbar={<ImportToolbar />}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('resources.PlanDraft.import.help')}
        </Typography>
        <TextInput
          source="text"
          multiline
          minRows={12}
          maxRows={24}
          fullWidth
          label="resources.PlanDraft.import.text"
          slotProps={{ htmlInput: { 'data-testid': 'import-text', spellCheck: false } }}
        />
        <DocumentFileInput />
        {progress !== null && progress < 1 && <LinearProgress variant="determinate" value={progress * 100} sx={{ width: '100%' }} />}
        {error && (
          <Alert severity="error" sx={{ width: '100%' }} data-testid="import-error">
            {translate(error, { _: error })}
          </Alert>
        )}
      </SimpleForm>
    </Create>
  );
}
