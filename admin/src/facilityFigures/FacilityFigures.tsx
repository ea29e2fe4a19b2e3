import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup,
  FormLabel, TextField, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { formatDay, formatInstant } from '../format.js';
import {
  CHANNELS, EDUCATION_PLATFORMS, HEALTH_PLATFORMS, correctFigures, fetchHistory, fetchMyFacilities, reportFigures, type FigureRow, type Figures,
} from './api.js';
import { ExcelImport } from './ExcelImport.js';

interface FormState {
  periodStart: string;
  periodEnd: string;
  digitalPlatforms: string[];
  cashlessChannels: string[];
  cashlessTransactions: string;
  totalTransactions: string;
  cashlessAmount: string;
  totalAmount: string;
  focalPersonName: string;
  focalPersonPhone: string;
}

const EMPTY: FormState = {
  periodStart: '', periodEnd: '', digitalPlatforms: [], cashlessChannels: [], cashlessTransactions: '', totalTransactions: '',
  cashlessAmount: '', totalAmount: '', focalPersonName: '', focalPersonPhone: '',
};

function fromRow(row: FigureRow): FormState {
  return {
    periodStart: row.periodStart ?? row.asOf, periodEnd: row.asOf, digitalPlatforms: row.digitalPlatforms, cashlessChannels: row.cashlessChannels,
    cashlessTransactions: String(row.cashlessTransactions ?? ''), totalTransactions: String(row.totalTransactions ?? ''),
    cashlessAmount: String(row.cashlessAmount ?? ''), totalAmount: String(row.totalAmount ?? ''),
    focalPersonName: row.focalPersonName ?? '', focalPersonPhone: row.focalPersonPhone ?? '',
  };
}

/** Digits only: amounts are typed with dots or spaces as thousands separators on a phone keyboard. */
const whole = (text: string) => Number(text.replace(/[^0-9]/g, '') || 'NaN');

function toFigures(form: FormState): Figures {
  return {
    periodStart: form.periodStart, periodEnd: form.periodEnd, digitalPlatforms: form.digitalPlatforms, cashlessChannels: form.cashlessChannels,
    cashlessTransactions: whole(form.cashlessTransactions), totalTransactions: whole(form.totalTransactions),
    cashlessAmount: whole(form.cashlessAmount), totalAmount: whole(form.totalAmount),
    focalPersonName: form.focalPersonName.trim() || null, focalPersonPhone: form.focalPersonPhone.trim() || null,
  };
}

const money = new Intl.NumberFormat('vi-VN');

function Checkboxes({ label, options, value, onChange, prefix, testId }: {
  label: string; options: string[]; value: string[]; onChange: (next: string[]) => void; prefix: string; testId: string;
}) {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} data-testid={testId}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup>
        {options.map((option) => (
          <FormControlLabel
            key={option}
            control={
              <Checkbox
                checked={value.includes(option)}
                onChange={(e) => onChange(e.target.checked ? [...value, option] : value.filter((v) => v !== option))}
                inputProps={{ 'data-value': option } as Record<string, string>}
              />
            }
            label={translate(`${prefix}.${option}`)}
          />
        ))}
      </FormGroup>
    </Box>
  );
}

function HistoryCard({ row, onCorrect }: { row: FigureRow; onCorrect: (row: FigureRow) => void }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="figure-row" data-current={row.isCurrent} sx={{ opacity: row.isCurrent ? 1 : 0.6 }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, '&:last-child': { pb: 1 } }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
          <Typography variant="subtitle2">
            {formatDay(row.periodStart)} – {formatDay(row.asOf)}
          </Typography>
          <Chip size="small" label={translate(row.isCurrent ? 'app.facility_figures.current' : 'app.facility_figures.superseded')} />
        </Box>
        <Typography variant="body2">
          {translate('app.facility_figures.transactions_line', {
            cashless: row.cashlessTransactions ?? '—', total: row.totalTransactions ?? '—',
          })}
          {row.totalAmount !== null && ` · ${money.format(row.cashlessAmount ?? 0)} / ${money.format(row.totalAmount)} đ`}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {row.digitalPlatforms.map((p) => translate(`app.facility_figures.platform.${p}`)).join(', ') || translate('app.facility_figures.no_platform')}
        </Typography>
        {row.reason && (
          <Typography variant="body2" data-testid="figure-reason">
            {translate('app.facility_figures.reason')}: {row.reason}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          {row.reportedByName ?? '—'} · {formatInstant(row.createdAt)}
        </Typography>
        {row.isCurrent && (
          <Box>
            <Button size="small" onClick={() => onCorrect(row)} data-testid="figure-correct">
              {translate('app.facility_figures.correct')}
            </Button>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * A commune officer's page for the figures of their commune's schools and health facilities: one column
 * that fits a phone. Figures are never edited in place: a correction is saved as a new entry with its reason.
 */
export default function FacilityFigures() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const facilities = useQuery({ queryKey: ['myFacilities'], queryFn: fetchMyFacilities });
  const [facilityId, setFacilityId] = useState('');
  const [form, setForm] = useState<FormState>(EMPTY);
  const [correcting, setCorrecting] = useState<FigureRow | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const history = useQuery({ queryKey: ['facilityFigures', facilityId], queryFn: () => fetchHistory(facilityId), enabled: !!facilityId });

  useEffect(() => {
    if (!facilityId && facilities.data?.length) setFacilityId(facilities.data[0].id);
  }, [facilities.data, facilityId]);

  if (facilities.isPending) return <Loading />;
  const facility = facilities.data?.find((f) => f.id === facilityId);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const save = async (why?: string) => {
    setSaving(true);
    setError(null);
    try {
      if (correcting) await correctFigures(correcting.id, toFigures(form), why ?? '');
      else await reportFigures(facilityId, toFigures(form));
      notify(correcting ? 'app.facility_figures.corrected' : 'app.facility_figures.saved', { type: 'success' });
      setForm(EMPTY);
      setCorrecting(null);
      setAskReason(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['facilityFigures', facilityId] });
    } catch (e) {
      setError(translate((e as Error).message, { _: (e as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (correcting) setAskReason(true);
    else void save();
  };

  return (
    <Box sx={{ maxWidth: 640, mx: 'auto', p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={translate('app.facility_figures.title')} />
      {!facilities.data?.length ? (
        <Alert severity="info">{translate('app.facility_figures.none')}</Alert>
      ) : (
        <>
          <TextField
            select
            label={translate('app.facility_figures.facility')}
            value={facilityId}
            onChange={(e) => { setFacilityId(e.target.value); setCorrecting(null); setForm(EMPTY); }}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'facility-select' } }}
            fullWidth
          >
            {facilities.data.map((f) => (
              <option key={f.id} value={f.id}>{f.name}</option>
            ))}
          </TextField>
          <Card variant="outlined">
            <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="figures-form">
              <Typography variant="h6">
                {translate(correcting ? 'app.facility_figures.correcting' : 'app.facility_figures.new', { day: correcting ? formatDay(correcting.asOf) : '' })}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <TextField type="date" label={translate('app.facility_figures.period_start')} value={form.periodStart} required
                  onChange={(e) => set({ periodStart: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'periodStart' } }} sx={{ flex: 1, minWidth: 150 }} />
                <TextField type="date" label={translate('app.facility_figures.period_end')} value={form.periodEnd} required disabled={!!correcting}
                  onChange={(e) => set({ periodEnd: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'periodEnd' } }} sx={{ flex: 1, minWidth: 150 }} />
              </Box>
              <Checkboxes
                label={translate('app.facility_figures.platforms')}
                options={facility?.sector === 'HEALTH' ? HEALTH_PLATFORMS : EDUCATION_PLATFORMS}
                value={form.digitalPlatforms}
                onChange={(digitalPlatforms) => set({ digitalPlatforms })}
                prefix="app.facility_figures.platform"
                testId="platforms"
              />
              <Checkboxes
                label={translate('app.facility_figures.channels')}
                options={CHANNELS}
                value={form.cashlessChannels}
                onChange={(cashlessChannels) => set({ cashlessChannels })}
                prefix="app.facility_figures.channel"
                testId="channels"
              />
              {(['totalTransactions', 'cashlessTransactions', 'totalAmount', 'cashlessAmount'] as const).map((field) => (
                <TextField key={field} label={translate(`app.facility_figures.${field}`)} value={form[field]} required
                  onChange={(e) => set({ [field]: e.target.value })} slotProps={{ htmlInput: { inputMode: 'numeric', name: field } }} fullWidth />
              ))}
              <TextField label={translate('app.facility_figures.focal_name')} value={form.focalPersonName}
                onChange={(e) => set({ focalPersonName: e.target.value })} slotProps={{ htmlInput: { name: 'focalPersonName' } }} fullWidth />
              <TextField label={translate('app.facility_figures.focal_phone')} value={form.focalPersonPhone} type="tel"
                onChange={(e) => set({ focalPersonPhone: e.target.value })} slotProps={{ htmlInput: { name: 'focalPersonPhone' } }} fullWidth />
              {error && <Alert severity="error" data-testid="figures-error">{error}</Alert>}
              <Box sx={{ display: 'flex', gap: 1 }}>
                <Button type="submit" variant="contained" disabled={saving || !facilityId} data-testid="figures-save">
                  {translate(correcting ? 'app.facility_figures.correct' : 'ra.action.save')}
                </Button>
                {correcting && (
                  <Button onClick={() => { setCorrecting(null); setForm(EMPTY); }}>{translate('ra.action.cancel')}</Button>
                )}
              </Box>
            </CardContent>
          </Card>
          <ExcelImport onImported={() => void queryClient.invalidateQueries({ queryKey: ['facilityFigures'] })} />
          <Typography variant="h6">{translate('app.facility_figures.history')}</Typography>
          {history.isPending ? <Loading /> : (
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="figures-history">
              {history.data?.length ? history.data.map((row) => (
                <HistoryCard key={row.id} row={row} onCorrect={(r) => { setCorrecting(r); setForm(fromRow(r)); window.scrollTo({ top: 0 }); }} />
              )) : <Typography color="text.secondary">{translate('app.facility_figures.empty')}</Typography>}
            </Box>
          )}
        </>
      )}
      <Dialog open={askReason} onClose={() => setAskReason(false)} fullWidth>
        <DialogTitle>{translate('app.facility_figures.reason_title')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus multiline minRows={2} fullWidth required label={translate('app.facility_figures.reason')} value={reason}
            onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'correction-reason' } }} sx={{ mt: 1 }} />
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAskReason(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={saving || reason.trim().length < 3} onClick={() => void save(reason)} data-testid="correction-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
