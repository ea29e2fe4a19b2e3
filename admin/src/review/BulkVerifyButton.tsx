import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useDataProvider, useGetMany, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { verifiesUnfinished } from '../assignments/ActionButtons.js';
import type { AppDataProvider } from '../dataProvider.js';
import { toAppError } from '../errors.js';
import type { Assignment } from '../types.js';

/**
 * Verifies each selected row on its own: one refusal (a conflict, one's own unit) does not stop the
 * others. Rows below 100% are named first and the reviewer confirms, as for a single verification.
 */
export function BulkVerifyButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('Assignment', 'review');
  const dataProvider = useDataProvider<AppDataProvider>();
  const { selectedIds, data } = useListContext<Assignment>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const selected = (data ?? []).filter((a) => selectedIds.includes(a.id));
  const { data: tasks } = useGetMany('Task', { ids: selected.map((a) => a.taskId) });
  const { data: units } = useGetMany('Unit', { ids: selected.map((a) => a.unitId) });
  const name = (a: Assignment) => {
    const task = tasks?.find((t) => t.id === a.taskId);
    const unit = units?.find((u) => u.id === a.unitId);
    return { task: task ? `${task.number}` : a.taskId, unit: unit?.name ?? a.unitId };
  };
  const unfinished = selected.filter((a) => verifiesUnfinished('VERIFY', a.progress));

  const verify = async () => {
    setConfirming(false);
    setBusy(true);
    const rows = selected;
    const results = await Promise.allSettled(
      rows.map((a) => dataProvider.transitionAssignment({ id: a.id, action: 'VERIFY', version: a.version })),
    );
    const failed = results.flatMap((r, i) => {
      if (r.status === 'fulfilled') return [];
      const reason = toAppError(r.reason).message;
      return [translate('app.review.bulk_failed_line', { ...name(rows[i]), reason: translate(reason, { _: reason }) })];
    });
    setFailures(failed);
    notify('app.review.bulk_result', {
      type: failed.length ? 'warning' : 'success',
      messageArgs: { ok: rows.length - failed.length, failed: failed.length },
    });
    unselectAll();
    refresh();
    setBusy(false);
  };

  return (
    <>
      <Button
        size="small"
        variant="contained"
        color="success"
        startIcon={<DoneAllIcon />}
        disabled={busy}
        onClick={() => (unfinished.length ? setConfirming(true) : void verify())}
        data-testid="bulk-verify"
      >
        {translate('app.review.bulk_verify')}
      </Button>
      {failures.length > 0 && (
        <Alert severity="warning" sx={{ ml: 1 }} onClose={() => setFailures([])} data-testid="bulk-failures">
          {failures.map((f) => (
            <div key={f}>{f}</div>
          ))}
        </Alert>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} fullWidth maxWidth="sm" data-testid="bulk-verify-dialog">
        <DialogTitle>{translate('app.review.bulk_verify')}</DialogTitle>
        <DialogContent>
          <Typography>{translate('app.review.bulk_below_full', { smart_count: unfinished.length })}</Typography>
          <ul>
            {unfinished.map((a) => {
              const { task, unit } = name(a);
              return <li key={a.id}>{`${task} (${unit}): ${a.progress}%`}</li>;
            })}
          </ul>
          <Typography>{translate('app.review.bulk_confirm')}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="success" onClick={() => void verify()} data-testid="bulk-verify-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
