import { useCallback, useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Loading, Title, useNotify, usePermissions, useStore, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatDay, sentenceCase, todayInVietnam } from '../format.js';
import type { Role } from '../types.js';
import {
  CONFIGURING_ROLES, DECIDING_ROLES, EVALUATING_ROLES, PROPOSING_ROLES, SEES_ALL_ROLES, fetchAwardPeriods, fetchNominations, rejectNomination,
  withdrawNomination, type AwardPeriod, type Nomination, type NominationKind,
} from './api.js';
import { ApproveDialog } from './ApproveDialog.js';
import { Decisions } from './Decisions.js';
import { EvaluationBar } from './EvaluationBar.js';
import { NominationCard } from './NominationCard.js';
import { PlanSelect, usePlanChoice } from '../resources/plans/PlanPicker.js';
import { ProposeDialog } from './ProposeDialog.js';
import { ReasonDialog } from './ReasonDialog.js';

const KINDS: NominationKind[] = ['FACILITY', 'UNIT'];

/** The period a visit opens on: the latest one already over (its figures are complete), else the first. */
function defaultPeriod(periods: AwardPeriod[]): AwardPeriod | undefined {
  const today = todayInVietnam();
  return periods.filter((p) => p.end <= today).at(-1) ?? periods[0];
}

/**
 * "Khen thưởng" (part III.3): a period's nominations, facilities and units apart, each with the
 * criteria that explain it. The coordinating office evaluates again, adds and withdraws; the leader
 * approves a batch as one decision or declines one; a nominated unit reads its own.
 */
export default function Awards() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<Role>();
  const { plans, planId, setPlanId, isPending: plansPending } = usePlanChoice();
  const [chosenEnd, setChosenEnd] = useStore<string | null>('awards.periodEnd', null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState<Nomination | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const [proposing, setProposing] = useState(false);

  const periods = useQuery({ queryKey: ['awardPeriods', planId], queryFn: () => fetchAwardPeriods(planId!), enabled: !!planId });
  const period = periods.data?.find((p) => p.end === chosenEnd) ?? (periods.data ? defaultPeriod(periods.data) : undefined);
  const periodEnd = period?.end;
  const nominations = useQuery({
    queryKey: ['awardNominations', planId, periodEnd],
    queryFn: () => fetchNominations(planId!, periodEnd!),
    enabled: !!planId && !!periodEnd,
  });

  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: ['awardNominations', planId, periodEnd] }), [queryClient, planId, periodEnd]);
  /** A refused step leaves the screen as it was read: say why and read the list again. */
  const failed = useCallback(
    (error: unknown) => {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
      void reload();
    },
    [notify, reload],
  );

  const may = (roles: Role[]) => !!role && roles.includes(role);
  const decides = may(DECIDING_ROLES);
  const proposes = may(PROPOSING_ROLES);
  /** As the plan words it mid-sentence ("năm 2022"); the period picker capitalises it. */
  const label = period?.label ?? '';
  const list = nominations.data ?? [];
  const proposed = list.filter((n) => n.state === 'PROPOSED');
  const chosen = proposed.filter((n) => selected.has(n.id));

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (plansPending) return <Loading />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, maxWidth: 1200 }} data-testid="awards">
      <Title title={translate('app.awards.title')} />
      <Typography variant="body2" color="text.secondary">
        {translate('app.awards.intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <PlanSelect plans={plans} planId={planId} onChange={(id) => { setPlanId(id); setSelected(new Set()); }} />
        {periods.data && periods.data.length > 0 && (
          <TextField
            select
            size="small"
            label={translate('app.awards.period')}
            value={periodEnd ?? ''}
            onChange={(e) => {
              setChosenEnd(e.target.value);
              setSelected(new Set());
            }}
            sx={{ width: { xs: '100%', sm: 320 } }}
            data-testid="award-period"
          >
            {periods.data.map((p) => (
              <MenuItem key={p.end} value={p.end} data-testid="award-period-option">
                {translate('app.awards.period_option', { label: sentenceCase(p.label), end: formatDay(p.end) })}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', ml: { sm: 'auto' } }}>
          {may(CONFIGURING_ROLES) && (
            <Button component={Link} to="/award-criteria" size="small" data-testid="awards-criteria-link">
              {translate('app.menu.award_criteria')}
            </Button>
          )}
          <Button component={Link} to="/vinh-danh" size="small" data-testid="awards-public-link">
            {translate('app.awards.public_link')}
          </Button>
        </Box>
      </Box>

      {periods.isError || nominations.isError ? (
        <Alert severity="error">{translate(toAppError(periods.error ?? nominations.error).message, { _: toAppError(periods.error ?? nominations.error).message })}</Alert>
      ) : periods.isPending ? (
        <Loading />
      ) : !period ? (
        <Typography color="text.secondary" data-testid="awards-no-periods">
          {translate('app.awards.no_periods')}
        </Typography>
      ) : (
        <>
          {(may(EVALUATING_ROLES) || proposes) && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
              {may(EVALUATING_ROLES) && <EvaluationBar planId={planId!} periodEnd={period.end} periodLabel={label} onFinished={reload} />}
              {proposes && (
                <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setProposing(true)} data-testid="propose-button">
                  {translate('app.awards.propose')}
                </Button>
              )}
            </Box>
          )}
          {!may(SEES_ALL_ROLES) && (
            <Alert severity="info" data-testid="awards-own-only">
              {translate('app.awards.own_only')}
            </Alert>
          )}
          {may(SEES_ALL_ROLES) && <Decisions planId={planId!} periodEnd={period.end} nominations={list} />}
          {decides && proposed.length > 0 && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="approve-bar">
              <FormControlLabel
                control={
                  <Checkbox
                    checked={chosen.length === proposed.length}
                    indeterminate={chosen.length > 0 && chosen.length < proposed.length}
                    onChange={(e) => setSelected(new Set(e.target.checked ? proposed.map((n) => n.id) : []))}
                    slotProps={{ input: { 'data-testid': 'select-all' } as object }}
                  />
                }
                label={translate('app.awards.select_all', { count: proposed.length })}
              />
              <Button
                variant="contained"
                color="success"
                startIcon={<DoneAllIcon />}
                disabled={!chosen.length}
                onClick={() => setApproving(true)}
                data-testid="approve-selected"
              >
                {translate('app.awards.approve_selected', { count: chosen.length })}
              </Button>
            </Box>
          )}
          {nominations.isPending ? (
            <Loading />
          ) : !list.length ? (
            <Typography color="text.secondary" data-testid="awards-empty">
              {translate(may(SEES_ALL_ROLES) ? 'app.awards.empty' : 'app.awards.empty_own', { label })}
            </Typography>
          ) : (
            KINDS.map((kind) => {
              const group = list.filter((n) => n.kind === kind);
              if (!group.length) return null;
              return (
                <Box component="section" key={kind} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="nomination-group" data-kind={kind}>
                  <Typography variant="h6" component="h2">
                    {translate(`app.awards.groups.${kind}`)} · {group.length}
                  </Typography>
                  {group.map((n) => (
                    <NominationCard
                      key={n.id}
                      nomination={n}
                      selectable={n.canDecide}
                      selected={selected.has(n.id)}
                      onToggle={() => toggle(n.id)}
                      onReject={n.canDecide ? () => setRejecting(n) : undefined}
                      onWithdraw={n.canWithdraw ? () => setWithdrawing(n) : undefined}
                    />
                  ))}
                </Box>
              );
            })
          )}
        </>
      )}

      {approving && planId && periodEnd && (
        <ApproveDialog
          planId={planId}
          periodEnd={periodEnd}
          nominations={chosen}
          onApproved={() => {
            setSelected(new Set());
            void reload();
          }}
          onFailed={(error) => {
            setApproving(false);
            failed(error);
          }}
          onClose={() => setApproving(false)}
        />
      )}
      {rejecting && (
        <ReasonDialog
          title={translate('app.awards.reject_title')}
          content={translate('app.awards.reject_content', { name: rejecting.candidateName })}
          label={translate('app.awards.reject_comment')}
          confirm={translate('app.awards.reject')}
          colour="error"
          onClose={() => setRejecting(null)}
          onConfirm={async (comment) => {
            try {
              await rejectNomination(rejecting.id, rejecting.version, comment);
              notify('app.awards.rejected', { type: 'success', messageArgs: { name: rejecting.candidateName } });
              setSelected((s) => new Set([...s].filter((id) => id !== rejecting.id)));
              void reload();
            } catch (error) {
              failed(error);
            }
            setRejecting(null);
          }}
        />
      )}
      {withdrawing && (
        <ReasonDialog
          title={translate('app.awards.withdraw_title')}
          content={translate('app.awards.withdraw_content', { name: withdrawing.candidateName })}
          label={translate('app.awards.withdraw_reason')}
          confirm={translate('app.awards.withdraw')}
          colour="warning"
          onClose={() => setWithdrawing(null)}
          onConfirm={async (reason) => {
            try {
              await withdrawNomination(withdrawing.id, withdrawing.version, reason);
              notify('app.awards.withdrawn', { type: 'success', messageArgs: { name: withdrawing.candidateName } });
              void reload();
            } catch (error) {
              failed(error);
            }
            setWithdrawing(null);
          }}
        />
      )}
      {proposing && planId && period && (
        <ProposeDialog
          planId={planId}
          periodEnd={period.end}
          periodLabel={label}
          onClose={() => setProposing(false)}
          onProposed={(n) => {
            setProposing(false);
            notify('app.awards.proposed', { type: 'success', messageArgs: { name: n.candidateName } });
            void reload();
          }}
        />
      )}
    </Box>
  );
}
