import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { fetchAssignmentEvidence, type AppError, type AssignmentEvidenceData } from './api.js';
import { EvidenceList } from './EvidenceList.js';
import { EvidenceUploadPanel } from './EvidenceUploadPanel.js';
import { EVIDENCE_TEXT as T } from './messages.js';

export interface AssignmentEvidenceProps {
  assignmentId: string;
  /** Show removed items too (reviewers and ADMIN; the API returns nothing extra to others). */
  includeHidden?: boolean;
  /** Called after an upload or a removal, e.g. react-admin's useRefresh() to reload history and actions. */
  onChanged?: () => void;
  /** Bump to reload from outside, e.g. after a transition. */
  reloadKey?: unknown;
  maxFiles?: number;
  maxFileBytes?: number;
  /** Hide the title when the surrounding layout already labels the section. */
  hideTitle?: boolean;
}

/**
 * An assignment's evidence in one block: the list with download links for everyone allowed to see
 * it, and, for the unit while it works (mayAttachEvidence), the upload panel and remove buttons.
 * Put it next to the verify/return buttons so the reviewer judges the work on its proof.
 */
export function AssignmentEvidence({ assignmentId, includeHidden, onChanged, reloadKey, maxFiles, maxFileBytes, hideTitle }: AssignmentEvidenceProps) {
  const translate = useTranslate();
  const [data, setData] = useState<AssignmentEvidenceData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await fetchAssignmentEvidence(assignmentId, includeHidden));
      setError(null);
    } catch (e) {
      const message = (e as AppError)?.message ?? T.network;
      setError(translate(message, { _: message }));
    }
  }, [assignmentId, includeHidden, translate]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const changed = () => {
    void load();
    onChanged?.();
  };

  return (
    <Stack spacing={2} data-testid="assignment-evidence">
      {hideTitle ? null : <Typography variant="h6">{T.title}</Typography>}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {!data && !error ? (
        <Box>
          <CircularProgress size={24} />
        </Box>
      ) : null}
      {data ? <EvidenceList evidence={data.evidence} onChanged={changed} /> : null}
      {data?.mayAttachEvidence ? (
        <EvidenceUploadPanel assignmentId={assignmentId} onUploaded={changed} maxFiles={maxFiles} maxFileBytes={maxFileBytes} />
      ) : null}
    </Stack>
  );
}
