import { useEffect, useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Alert, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useGetManyAggregate, useTranslate } from 'react-admin';
import { AssignmentEvidence } from '../evidence/index.js';
import type { Assignment } from '../types.js';

/**
 * The card's evidence: open while the unit works on it (the upload panel is what the officer needs
 * before "Gửi thẩm định"), folded otherwise, and loaded only when opened so a page of cards does not
 * ask for every card's files.
 */
export function EvidenceSection({ assignment: a, onChanged }: { assignment: Assignment; onChanged: () => void }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(!!a.mayAttachEvidence);
  // Starting the work opens the panel; submitting folds it away.
  useEffect(() => setOpen(!!a.mayAttachEvidence), [a.mayAttachEvidence]);
  // The card's ReferenceField has already loaded the task: this reads the same cached record.
  const { data: tasks } = useGetManyAggregate<{ id: string; requiresEvidence?: boolean }>('Task', { ids: [a.taskId] });
  const needsEvidence = a.allowedActions.includes('SUBMIT') && (a.evidenceCount ?? 0) === 0 && tasks?.[0]?.requiresEvidence !== false;
  return (
    <Accordion
      expanded={open}
      onChange={(_, next) => setOpen(next)}
      disableGutters
      elevation={0}
      slotProps={{ transition: { unmountOnExit: true } }}
      sx={{ '&:before': { display: 'none' }, bgcolor: 'transparent' }}
      data-testid="evidence-section"
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} sx={{ px: 0, minHeight: 32, '& .MuiAccordionSummary-content': { my: 0 } }}>
        <Typography variant="body2" color="primary" data-testid="evidence-count">
          {translate('app.assignment.evidence', { count: a.evidenceCount ?? 0 })}
        </Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ px: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {needsEvidence ? (
          <Alert severity="info" data-testid="evidence-needed">
            {translate('app.assignment.evidence_needed')}
          </Alert>
        ) : null}
        <AssignmentEvidence
          assignmentId={a.id}
          hideTitle
          onChanged={onChanged}
          reloadKey={`${a.version}:${a.status}:${a.evidenceCount}`}
        />
      </AccordionDetails>
    </Accordion>
  );
}
