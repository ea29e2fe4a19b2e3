import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatInstant } from '../format.js';
import { evaluateAwards, fetchEvaluations, type Evaluation } from './api.js';

/** An evaluation is two SQL statements: ask again at this pace while one is under way. */
const POLL_MS = 1000;

function outcome(run: Evaluation, translate: (key: string, options?: object) => string): string {
  const parts = [translate('app.awards.evaluation_done', { evaluated: run.evaluated, qualified: run.qualified, nominated: run.nominated })];
  if (run.updated) parts.push(translate('app.awards.evaluation_updated', { count: run.updated }));
  if (run.withdrawn) parts.push(translate('app.awards.evaluation_withdrawn', { count: run.withdrawn }));
  return parts.join(', ');
}

/**
 * "Đánh giá lại": scores the period again from the plan's figures, then says what the run found.
 * The latest run of the period stays on screen, so a second visitor sees when the list was last checked.
 */
export function EvaluationBar({ planId, periodEnd, periodLabel, onFinished }: {
  planId: string;
  periodEnd: string;
  periodLabel: string;
  onFinished: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const runs = useQuery({
    queryKey: ['awardEvaluations', planId],
    queryFn: () => fetchEvaluations(planId),
    refetchInterval: (query) => (query.state.data?.some((r) => r.state === 'RUNNING') ? POLL_MS : false),
  });
  const latest = runs.data?.find((r) => r.periodEnd === periodEnd);

  // Runs seen under way on this screen: when one finishes, the nominations it wrote are read again.
  const running = useRef(new Set<string>());
  useEffect(() => {
    if (!latest) return;
    if (latest.state === 'RUNNING') running.current.add(latest.id);
    else if (running.current.delete(latest.id)) onFinished();
  }, [latest, onFinished]);

  const evaluate = async () => {
    setAsking(true);
    try {
      const run = await evaluateAwards(planId, periodEnd);
      running.current.add(run.id);
      notify('app.awards.evaluation_started', { type: 'info', messageArgs: { label: periodLabel } });
      await queryClient.invalidateQueries({ queryKey: ['awardEvaluations', planId] });
    } catch (error) {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
    } finally {
      setAsking(false);
    }
  };

  const busy = asking || latest?.state === 'RUNNING';
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="evaluation-bar">
      <Button variant="outlined" startIcon={busy ? <CircularProgress size={16} /> : <RefreshIcon />} disabled={busy} onClick={() => void evaluate()} data-testid="evaluate-button">
        {translate('app.awards.evaluate')}
      </Button>
      {latest?.state === 'RUNNING' && (
        <Typography variant="body2" color="text.secondary" data-testid="evaluation-result" data-state="RUNNING">
          {translate('app.awards.evaluating')}
        </Typography>
      )}
      {latest?.state === 'DONE' && (
        <Typography variant="body2" data-testid="evaluation-result" data-state="DONE" data-id={latest.id}>
          {outcome(latest, translate)}
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            · {translate('app.awards.evaluation_at', { time: formatInstant(latest.finishedAt ?? latest.createdAt) })}
          </Typography>
        </Typography>
      )}
      {latest?.state === 'FAILED' && (
        <Alert severity="error" sx={{ flexBasis: '100%' }} data-testid="evaluation-result" data-state="FAILED">
          {translate('app.awards.evaluation_failed', { error: latest.error ?? '' })}
        </Alert>
      )}
      {runs.isSuccess && !latest && (
        <Typography variant="body2" color="text.secondary" data-testid="evaluation-result" data-state="NONE">
          {translate('app.awards.evaluation_never')}
        </Typography>
      )}
    </Box>
  );
}
