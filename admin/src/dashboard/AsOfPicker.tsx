import { useEffect, useRef, useState } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { Box, Button, IconButton, InputAdornment, Link as MuiLink, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDay } from '../format.js';
import { asOfKind, defaultAsOf, type PlanPeriod } from './asOf.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** 31/8/2022 or 31/08/2022 as typed, to 2022-08-31; null until it is a whole, real day. */
export function parseViDay(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const day = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isDay(day) ? day : null;
}

interface AsOfProps {
  plan: PlanPeriod;
  asOf: string;
  today: string;
  onChange: (day: string) => void;
}

/**
 * The day the figures are of. Typed dd/MM/yyyy whatever the device's language; the figures move only once
 * it is a whole, valid day. The calendar is the device's own, opened from the button.
 */
export function AsOfField({ plan, asOf, today, onChange }: AsOfProps) {
  const translate = useTranslate();
  const [typed, setTyped] = useState(formatDay(asOf));
  useEffect(() => setTyped(formatDay(asOf)), [asOf]);
  const calendar = useRef<HTMLInputElement>(null);
  const fallback = defaultAsOf(plan, today);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }} data-print="hide">
      <TextField
        size="small"
        fullWidth={false}
        label={translate('app.dashboard.as_of_label')}
        value={typed}
        placeholder="dd/mm/yyyy"
        onChange={(e) => {
          setTyped(e.target.value);
          const day = parseViDay(e.target.value);
          if (day) onChange(day);
        }}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { inputMode: 'numeric', 'data-testid': 'as-of-input' },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton size="small" edge="end" aria-label={translate('app.dashboard.pick_day')} onClick={() => calendar.current?.showPicker?.()}>
                  <EventIcon fontSize="small" />
                </IconButton>
                <input
                  ref={calendar}
                  type="date"
                  value={asOf}
                  onChange={(e) => isDay(e.target.value) && onChange(e.target.value)}
                  tabIndex={-1}
                  aria-hidden
                  style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, border: 0, padding: 0 }}
                />
              </InputAdornment>
            ),
          },
        }}
        // react-admin's theme stretches every field to the full width of a phone; this one is short.
        sx={{ width: { xs: 158 } }}
      />
      {asOf !== fallback && (
        <Button size="small" onClick={() => onChange(fallback)} data-testid="as-of-reset">
          {translate(plan.status === 'CLOSED' && fallback !== today ? 'app.dashboard.back_to_end' : 'app.dashboard.back_to_today')}
        </Button>
      )}
    </Box>
  );
}

/**
 * One sentence saying which day the figures are of: today's, the closed plan's last day, or one the reader
 * chose; for a running plan past its period, that the period is over, with a way to its last day.
 */
export function AsOfStatement({ plan, asOf, today, onChange }: AsOfProps) {
  const translate = useTranslate();
  const kind = asOfKind(plan, asOf, today);
  const date = formatDay(asOf);
  const statement =
    kind === 'today'
      ? translate('app.dashboard.as_of_today', { date })
      : kind === 'closed_end'
        ? translate('app.dashboard.as_of_closed', { date })
        : translate('app.dashboard.as_of', { date });
  const periodOver = plan.status !== 'CLOSED' && !!plan.periodEnd && plan.periodEnd < today;
  return (
    <Typography variant="body2" sx={{ fontWeight: 500, lineHeight: 1.4 }} data-testid="as-of" data-as-of={asOf} data-kind={kind} role="status">
      {statement}
      {periodOver && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          {translate('app.dashboard.period_over', { date: formatDay(plan.periodEnd) })}
          {asOf !== plan.periodEnd && (
            <>
              {' '}
              <MuiLink component="button" variant="body2" onClick={() => onChange(plan.periodEnd!)} sx={{ verticalAlign: 'baseline' }} data-testid="as-of-period-end" data-print="hide">
                {translate('app.dashboard.see_period_end')}
              </MuiLink>
            </>
          )}
        </Typography>
      )}
    </Typography>
  );
}
