import { Alert, AlertTitle, Link, List, ListItem } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { PlanDraft } from './api.js';

/** "tasks[2].title" or "tasks.2.title" as react-admin names the input: "tasks.2.title". */
const inputId = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** Takes the reviewer to the field a problem is about, when the form has it. */
function focusField(path: string) {
  const id = inputId(path);
  const field = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}"]`);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/**
 * What blocks activation, as the server read the last saved content: the list empties as the
 * reviewer fixes and saves. Shown above the form, where it is seen before scrolling.
 */
export function DraftProblems() {
  const translate = useTranslate();
  const draft = useRecordContext<PlanDraft>();
  if (!draft || draft.state !== 'DRAFT') return null;
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
      <List dense disablePadding sx={{ listStyle: 'disc', pl: 2 }}>
        {problems.map((p, i) => (
          <ListItem key={`${p.path}-${i}`} disableGutters sx={{ display: 'list-item', py: 0 }} data-testid="draft-problem" data-path={p.path}>
            <Link component="button" type="button" underline="hover" color="inherit" onClick={() => focusField(p.path)} sx={{ textAlign: 'left' }}>
              {p.message}
            </Link>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
