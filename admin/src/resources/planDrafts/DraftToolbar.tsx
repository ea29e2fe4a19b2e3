import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { useQueryClient } from '@tanstack/react-query';
import { Confirm, SaveButton, Toolbar, useNotify, useRecordContext, useRedirect, useRefresh, useStore, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { toAppError } from '../../errors.js';
import { useConflictReload } from '../useConflictReload.js';
import { activatePlanDraft, discardPlanDraft, type ActivatedPlan, type PlanDraft } from './api.js';

/** Opens the overview on this plan: the overview reads its plan from the store PlanPicker shares. */
export function useOpenPlanOverview() {
  const [, setChosen] = useStore<string | null>('dashboard.planId', null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (planId: string) => {
    setChosen(planId);
    // The plan lists were read before the plan existed.
    await queryClient.invalidateQueries({ queryKey: ['Plan'] });
    navigate('/overview');
  };
}

/**
 * Save, activate and discard. Activation acts on what is saved, so it waits until the form is saved
 * and the server finds nothing blocking; both it and discarding ask first, neither can be undone here.
 */
export function DraftToolbar() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const onConflict = useConflictReload();
  const openOverview = useOpenPlanOverview();
  const draft = useRecordContext<PlanDraft>();
  const { isDirty } = useFormState();
  const [asking, setAsking] = useState<'activate' | 'discard' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!draft) return null;
  const blocked = (draft.problems ?? []).length > 0;

  const activate = async () => {
    setBusy(true);
    let plan: ActivatedPlan;
    try {
      plan = await activatePlanDraft(String(draft.id), draft.version);
    } catch (error) {
      setAsking(null);
      setBusy(false);
      // Refused for its problems: reload them, the list says what to fix.
      if (toAppError(error).code === 'BAD_USER_INPUT') refresh();
      onConflict(error);
      return;
    }
    notify('resources.PlanDraft.review.activated', { type: 'success', messageArgs: { code: plan.code } });
    await openOverview(plan.id);
  };

  const discard = async () => {
    setBusy(true);
    try {
      await discardPlanDraft(String(draft.id), draft.version);
      notify('resources.PlanDraft.review.discarded', { type: 'info' });
      redirect('list', 'PlanDraft');
    } catch (error) {
      onConflict(error);
    } finally {
      setAsking(null);
      setBusy(false);
    }
  };

  return (
    // On the paper's white rather than react-admin's grey: the red of "discard" keeps its contrast there.
    <Toolbar sx={{ position: 'sticky', bottom: 0, zIndex: 2, flexWrap: 'wrap', gap: 1, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider' }}>
      <SaveButton data-testid="draft-save" />
      <Button
        variant="contained"
        color="success"
        startIcon={<RocketLaunchIcon />}
        disabled={isDirty || blocked || busy}
        onClick={() => setAsking('activate')}
        data-testid="draft-activate"
      >
        {translate('resources.PlanDraft.review.activate')}
      </Button>
      {(isDirty || blocked) && (
        <Typography variant="body2" color="text.secondary" data-testid="activate-hint">
          {translate(isDirty ? 'resources.PlanDraft.review.save_first' : 'resources.PlanDraft.review.fix_first')}
        </Typography>
      )}
      <Box sx={{ flex: 1 }} />
      <Button color="error" startIcon={<DeleteSweepIcon />} disabled={busy} onClick={() => setAsking('discard')} data-testid="draft-discard">
        {translate('resources.PlanDraft.review.discard')}
      </Button>
      <Confirm
        isOpen={asking === 'activate'}
        loading={busy}
        title="resources.PlanDraft.review.activate_title"
        content="resources.PlanDraft.review.activate_content"
        translateOptions={{ title: draft.header?.title ?? '', code: draft.header?.code ?? '' }}
        confirm="resources.PlanDraft.review.activate"
        confirmColor="primary"
        onConfirm={() => void activate()}
        onClose={() => setAsking(null)}
      />
      <Confirm
        isOpen={asking === 'discard'}
        loading={busy}
        title="resources.PlanDraft.review.discard_title"
        content="resources.PlanDraft.review.discard_content"
        confirm="resources.PlanDraft.review.discard"
        confirmColor="warning"
        onConfirm={() => void discard()}
        onClose={() => setAsking(null)}
      />
    </Toolbar>
  );
}
