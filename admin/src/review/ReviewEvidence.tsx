import { useState } from 'react';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import { ReferenceField, useTranslate } from 'react-admin';
import { ActionButtons } from '../assignments/ActionButtons.js';
import { AssignmentEvidence } from '../evidence/index.js';
import { TaskTitle } from '../fields.js';
import type { Assignment } from '../types.js';

/**
 * The proof beside the decision: the button names how many files were sent, the dialog lists them
 * with download links (removed ones too, marked) and carries the same verify/return buttons, so the
 * reviewer judges the work on its evidence without leaving the queue.
 */
export function ReviewEvidence({ assignment: a, onChanged }: { assignment: Assignment; onChanged: () => void }) {
  const translate = useTranslate();
  const fullScreen = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<AttachFileIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="review-evidence-button"
        data-assignment-id={a.id}
      >
        {translate('app.assignment.review_evidence', { count: a.evidenceCount ?? 0 })}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" fullScreen={fullScreen} data-testid="review-evidence-dialog">
        <DialogTitle>
          <ReferenceField source="taskId" reference="Task" record={a} link={false}>
            <TaskTitle />
          </ReferenceField>
          {' — '}
          <ReferenceField source="unitId" reference="Unit" record={a} link={false} />
        </DialogTitle>
        <DialogContent dividers>
          <AssignmentEvidence assignmentId={a.id} includeHidden hideTitle reloadKey={a.version} />
        </DialogContent>
        <DialogActions sx={{ flexWrap: 'wrap', gap: 1, justifyContent: 'space-between' }}>
          <Button onClick={() => setOpen(false)}>{translate('app.assignment.close')}</Button>
          <ActionButtons
            assignment={a}
            only={['VERIFY', 'RETURN']}
            onChanged={() => {
              setOpen(false);
              onChanged();
            }}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
