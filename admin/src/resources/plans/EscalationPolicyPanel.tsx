import { useCallback, useEffect, useState } from 'react';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel,
  MenuItem, Stack, Switch, TextField, Typography, useMediaQuery, type Theme,
} from '@mui/material';
import { useGetList, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isConflict, toAppError, type AppError } from '../../errors.js';
import type { Role } from '../../types.js';
import {
  describePolicy, fetchEscalationPolicy, parseReminderDays, saveEscalationPolicy, type EscalationPolicy, type EscalationPolicyInput,
} from './escalationPolicy.js';

/** Who may change a plan's settings; the API decides anyway (escalation:configure). */
const CONFIGURING_ROLES: Role[] = ['LEADER', 'ADMIN'];

const NUMBER_FIELDS = ['level1After', 'level2After', 'level3After', 'repeatEvery', 'reviewAfter', 'reviewLeaderAfter'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

interface FormState {
  enabled: boolean;
  autoLetter: boolean;
  reminderDays: string;
  coordinatorUnitId: string;
  numbers: Record<NumberField, string>;
}

function toForm(p: EscalationPolicy): FormState {
  return {
    enabled: p.enabled,
    autoLetter: p.autoLetter,
    reminderDays: p.reminderDays.join(', '),
    coordinatorUnitId: p.coordinatorUnitId ?? '',
    numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(p[f])])) as Record<NumberField, string>,
  };
}

/** The plan's reminder and escalation settings in plain words, with an edit form for leaders and ADMIN. */
export function EscalationPolicyPanel() {
  const plan = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const [policy, setPolicy] = useState<EscalationPolicy | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    if (!plan?.id) return;
    try {
      setPolicy(await fetchEscalationPolicy(String(plan.id)));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [plan?.id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (!policy) return <CircularProgress size={24} />;
  const mayEdit = !!permissions && CONFIGURING_ROLES.includes(permissions);

  return (
    <Card variant="outlined" data-testid="escalation-panel" data-version={policy.version}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1, alignItems: { sm: 'center' } }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>
            {translate('app.escalation.title')}
          </Typography>
          {policy.isDefault && <Chip size="small" label={translate('app.escalation.defaults')} data-testid="escalation-defaults" />}
          {mayEdit && (
            <Button startIcon={<EditIcon />} variant="outlined" onClick={() => setEditing(true)} data-testid="escalation-edit">
              {translate('app.escalation.edit')}
            </Button>
          )}
        </Stack>
        <Box component="ul" sx={{ pl: 2.5, m: 0 }} data-testid="escalation-summary">
          {describePolicy(policy, translate).map((sentence) => (
            <Typography component="li" key={sentence} variant="body2" sx={{ mb: 0.5 }}>
              {sentence}
            </Typography>
          ))}
        </Box>
      </CardContent>
      {editing && (
        <EscalationPolicyDialog
          policy={policy}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setPolicy(saved);
            setEditing(false);
          }}
          onStale={async () => {
            setEditing(false);
            await load();
          }}
        />
      )}
    </Card>
  );
}

function EscalationPolicyDialog({
  policy, onClose, onSaved, onStale,
}: { policy: EscalationPolicy; onClose: () => void; onSaved: (p: EscalationPolicy) => void; onStale: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const fullScreen = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [form, setForm] = useState<FormState>(() => toForm(policy));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { data: units = [] } = useGetList('Unit', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { kind: ['LEADERSHIP', 'OFFICE', 'CENTRE'] },
  });

  const label = (field: string) => translate(`app.escalation.fields.${field}`);

  async function save() {
    const reminderDays = parseReminderDays(form.reminderDays);
    if (!reminderDays) {
      setFieldErrors({ reminderDays: translate('app.escalation.reminder_days_invalid') });
      return;
    }
    const input: EscalationPolicyInput = {
      enabled: form.enabled,
      autoLetter: form.autoLetter,
      reminderDays,
      coordinatorUnitId: form.coordinatorUnitId || null,
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, Number(form.numbers[f])])),
    };
    setSaving(true);
    try {
      const saved = await saveEscalationPolicy(policy.planId, policy.version, input);
      notify('app.escalation.saved', { type: 'success' });
      onSaved(saved);
    } catch (e) {
      const err = toAppError(e);
      const text = translate(err.message, { _: err.message });
      if (isConflict(err)) {
        notify(text, { type: 'error', autoHideDuration: 8000 });
        onStale();
        return;
      }
      const argument = typeof err.details.argument === 'string' ? err.details.argument.replace(/^input\./, '') : null;
      setFieldErrors(argument ? { [argument]: text } : {});
      setMessage(text);
    } finally {
      setSaving(false);
    }
  }

  const numberField = (field: NumberField) => (
    <TextField
      key={field}
      type="number"
      label={label(field)}
      value={form.numbers[field]}
      onChange={(e) => setForm({ ...form, numbers: { ...form.numbers, [field]: e.target.value } })}
      error={!!fieldErrors[field]}
      helperText={fieldErrors[field]}
      slotProps={{ htmlInput: { min: 1, max: 250, 'data-testid': `escalation-${field}` } }}
      fullWidth
    />
  );

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} maxWidth="sm" fullWidth data-testid="escalation-dialog">
      <DialogTitle>{translate('app.escalation.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {message && <Alert severity="error" data-testid="escalation-error">{message}</Alert>}
          <FormControlLabel
            control={<Switch checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />}
            label={label('enabled')}
          />
          <TextField
            label={label('reminderDays')}
            value={form.reminderDays}
            onChange={(e) => setForm({ ...form, reminderDays: e.target.value })}
            error={!!fieldErrors.reminderDays}
            helperText={fieldErrors.reminderDays}
            slotProps={{ htmlInput: { 'data-testid': 'escalation-reminderDays', inputMode: 'numeric' } }}
            fullWidth
          />
          {NUMBER_FIELDS.slice(0, 4).map(numberField)}
          <TextField
            select
            label={label('coordinatorUnitId')}
            value={form.coordinatorUnitId}
            onChange={(e) => setForm({ ...form, coordinatorUnitId: e.target.value })}
            error={!!fieldErrors.coordinatorUnitId}
            helperText={fieldErrors.coordinatorUnitId}
            fullWidth
          >
            <MenuItem value="">{translate('app.escalation.every_coordinator')}</MenuItem>
            {units.map((u) => (
              <MenuItem key={u.id} value={String(u.id)}>
                {u.name}
              </MenuItem>
            ))}
          </TextField>
          {NUMBER_FIELDS.slice(4).map(numberField)}
          <FormControlLabel
            control={<Switch checked={form.autoLetter} onChange={(e) => setForm({ ...form, autoLetter: e.target.checked })} />}
            label={label('autoLetter')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving} data-testid="escalation-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
