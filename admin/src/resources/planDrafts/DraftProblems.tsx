import { createContext, useContext } from 'react';
import { Alert, AlertTitle, Link, List, ListItem } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import type { DraftProblem, PlanDraft } from './api.js';

/** What the server found wrong in a save it refused: about the form on screen, not the saved draft. */
export const RefusedProblems = createContext<DraftProblem[] | null>(null);

/** The API's "tasks[2].title" as the form names the field: "tasks.2.title". */
const fieldName = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * Takes the reviewer to the field a problem is about, or to its item when the problem is about the
 * whole item (an unplaced passage, a duplicate obligation).
 */
function focusField(path: string) {
  const name = fieldName(path);
  const field =
    document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ??
    document.querySelector<HTMLElement>(`[name^="${CSS.escape(name)}."]`);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

function ProblemList({ problems }: { problems: DraftProblem[] }) {
  return (
    <List dense disablePadding sx={{ listStyle: 'disc', pl: 2, maxHeight: 200, overflowY: 'auto' }}>
      {problems.map((p, i) => (
        <ListItem key={`${p.path}-${i}`} disableGutters sx={{ display: 'list-item', py: 0 }} data-testid="draft-problem" data-path={p.path}>
          {/* Aligned on its first line, where the bullet is. */}
          <Link component="button" type="button" underline="hover" color="inherit" onClick={() => focusField(p.path)} sx={{ textAlign: 'left', verticalAlign: 'top' }}>
            {p.message}
          </Link>
        </ListItem>
      ))}
    </List>
  );
}

/**
 * What blocks activation, as the server read the last saved content: the list empties as the
 * reviewer fixes and saves. A refused save says first what it refused. Shown above the form, where it
 * is seen before scrolling.
 */
export function DraftProblems() {
  const translate = useTranslate();
  const draft = useRecordContext<PlanDraft>();
  const refused = useContext(RefusedProblems);
  const { isDirty } = useFormState();
  if (!draft || draft.state !== 'DRAFT') return null;
  // Put back as saved, the form is the saved draft again: its own problems are the ones that hold.
  if (refused?.length && isDirty) {
    return (
      <Alert severity="error" variant="outlined" data-testid="draft-refused">
        <AlertTitle>{translate('resources.PlanDraft.review.refused', { smart_count: refused.length })}</AlertTitle>
        <ProblemList problems={refused} />
      </Alert>
    );
  }
  const problems = draft.problems ?? [];
  if (!problems.length) {
    return (
      <Alert severity="success" variant="outlined" data-testid="draft-ready">
        {translate('resources.PlanDraft.review.ready')}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" variant="outlined" data-testid="draft-problems">
      <AlertTitle>{translate('resources.PlanDraft.review.problems', { smart_count: problems.length })}</AlertTitle>
      <ProblemList problems={problems} />
    </Alert>
  );
}
