import { useState } from 'react';
import { Alert, LinearProgress, Typography } from '@mui/material';
import { Create, FileField, FileInput, SaveButton, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { toAppError } from '../../errors.js';
import type { ImportFormValues } from './provider.js';

/** The server's limits are the rule (it sniffs the content); the picker only offers the three kinds it reads. */
const ACCEPT = {
  'text/plain': ['.txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/pdf': ['.pdf'],
};

/** Exactly one of the two: a pasted text or a file. */
function validateSource(values: ImportFormValues) {
  const hasText = !!values.text?.trim();
  const hasFile = !!values.file?.rawFile;
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
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  return (
    <Create
      redirect="edit"
      title="resources.PlanDraft.import.title"
      mutationOptions={{
        meta: { onProgress: setProgress },
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
          helperText="resources.PlanDraft.import.text_hint"
          slotProps={{ htmlInput: { 'data-testid': 'import-text', spellCheck: false } }}
        />
        <FileInput
          source="file"
          accept={ACCEPT}
          label="resources.PlanDraft.import.file"
          helperText="resources.PlanDraft.import.file_hint"
          placeholder={<Typography variant="body2">{translate('resources.PlanDraft.import.file_drop')}</Typography>}
          inputProps={{ 'data-testid': 'import-file' } as object}
        >
          <FileField source="src" title="title" />
        </FileInput>
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
