import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Button, Paper, Typography, useMediaQuery, type Theme } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useState } from 'react';
import { Edit, Loading, SimpleForm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { toAppError } from '../../errors.js';
import { formatInstant } from '../../format.js';
import { useConflictReload } from '../useConflictReload.js';
import type { DraftProblem, PlanDraft } from './api.js';
import { DraftChoicesProvider } from './choices.js';
import { DraftHeaderInputs } from './DraftHeaderInputs.js';
import { BodyInputs, ObligationInputs, TargetInputs, TaskInputs, UnplacedInputs } from './DraftItemInputs.js';
import { DraftProblems, RefusedProblems } from './DraftProblems.js';
import { DraftToolbar, useOpenPlanOverview } from './DraftToolbar.js';
import { SourceText } from './SourceText.js';
import { SpanFocusProvider } from './spanFocus.js';

/** Below the app bar (48px) with a margin: both panes scroll on their own, the page does not. */
const PANE_HEIGHT = 'calc(100vh - 64px)';

function DraftTitle() {
  const translate = useTranslate();
  const draft = useRecordContext<PlanDraft>();
  return <>{translate('resources.PlanDraft.review.title', { title: draft?.header?.title ?? '' })}</>;
}

/** An activated or discarded draft is kept as a record of what was imported; it is read, no longer edited. */
function StateBanner() {
  const translate = useTranslate();
  const draft = useRecordContext<PlanDraft>();
  const openOverview = useOpenPlanOverview();
  if (!draft || draft.state === 'DRAFT') return null;
  if (draft.state === 'DISCARDED') {
    return (
      <Alert severity="info" data-testid="draft-state-banner">
        {translate('resources.PlanDraft.review.is_discarded', { time: formatInstant(draft.updatedAt) })}
      </Alert>
    );
  }
  return (
    <Alert
      severity="success"
      data-testid="draft-state-banner"
      action={
        draft.activatedPlanId ? (
          <Button color="inherit" size="small" onClick={() => void openOverview(draft.activatedPlanId!)}>
            {translate('resources.PlanDraft.review.open_plan')}
          </Button>
        ) : undefined
      }
    >
      {translate('resources.PlanDraft.review.is_activated', { time: formatInstant(draft.activatedAt) })}
    </Alert>
  );
}

function DraftForm() {
  const draft = useRecordContext<PlanDraft>();
  const editable = draft?.state === 'DRAFT';
  return (
    <SimpleForm toolbar={editable ? <DraftToolbar /> : false} warnWhenUnsavedChanges sx={{ pb: 0 }}>
      <DraftProblems />
      {/* A fieldset disables every input of a kept draft at once, the pickers' buttons included. */}
      <Box component="fieldset" disabled={!editable} sx={{ border: 0, p: 0, m: 0, minWidth: 0, width: '100%' }}>
        <DraftChoicesProvider>
          <DraftHeaderInputs />
          <TargetInputs />
          <TaskInputs />
          <BodyInputs />
          <ObligationInputs />
          <UnplacedInputs />
        </DraftChoicesProvider>
      </Box>
    </SimpleForm>
  );
}

/**
 * The review of an imported plan: the document on the left, what was read from it on the right as a
 * form. Whatever item the reviewer works on is marked in the document, so every value can be checked
 * against the words it came from. On a phone the document folds above the form.
 */
function DraftReview() {
  const translate = useTranslate();
  const draft = useRecordContext<PlanDraft>();
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  // Coming from the list, react-admin first shows the list's row, which leaves out the text and the items.
  if (!draft || draft.sourceText === undefined) return <Loading />;
  const source = <SourceText text={draft.sourceText} sourceName={draft.sourceName} maxHeight={wide ? '100%' : '50vh'} />;
  const sourceTitle = draft.sourceName
    ? translate('resources.PlanDraft.review.source_named', { name: draft.sourceName })
    : translate('resources.PlanDraft.review.source');
  return (
    <SpanFocusProvider>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, pt: 1 }} data-testid="draft-review" data-state={draft.state}>
        <StateBanner />
        {wide ? (
          <Box sx={{ display: 'flex', gap: 2, height: PANE_HEIGHT, minHeight: 400 }}>
            <Paper variant="outlined" sx={{ flex: '5 1 0', minWidth: 0, display: 'flex', flexDirection: 'column' }} data-testid="draft-source-pane">
              <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1 }}>
                {sourceTitle}
              </Typography>
              <Box sx={{ flex: 1, minHeight: 0 }}>{source}</Box>
            </Paper>
            <Paper variant="outlined" sx={{ flex: '7 1 0', minWidth: 0, overflowY: 'auto' }} data-testid="draft-form-pane">
              <DraftForm />
            </Paper>
          </Box>
        ) : (
          <>
            <Accordion disableGutters variant="outlined" data-testid="draft-source-pane">
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography variant="subtitle2" component="h2">
                  {sourceTitle}
                </Typography>
              </AccordionSummary>
              <AccordionDetails sx={{ p: 0 }}>{source}</AccordionDetails>
            </Accordion>
            <Paper variant="outlined">
              <DraftForm />
            </Paper>
          </>
        )}
      </Box>
    </SpanFocusProvider>
  );
}

export default function PlanDraftEdit() {
  const notify = useNotify();
  const onConflict = useConflictReload();
  const [refused, setRefused] = useState<DraftProblem[] | null>(null);
  const mutationOptions = {
    onSuccess: () => {
      setRefused(null);
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
    },
    onError: (error: unknown) => {
      const problems = toAppError(error).details.problems as DraftProblem[] | undefined;
      setRefused(problems?.length ? problems : null);
      onConflict(error);
    },
  };
  return (
    <RefusedProblems.Provider value={refused}>
      <Edit
        mutationMode="pessimistic"
        redirect={false}
        actions={false}
        component="div"
        title={<DraftTitle />}
        mutationOptions={mutationOptions}
        // react-admin's card grows to its content's widest line: on a phone it must keep to the screen.
        sx={{ '& .RaEdit-card': { minWidth: 0 } }}
      >
        <DraftReview />
      </Edit>
    </RefusedProblems.Provider>
  );
}
