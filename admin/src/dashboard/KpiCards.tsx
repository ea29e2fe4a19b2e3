import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { ProgressFigures } from '../types.js';

function Kpi({ id, title, value, hint, colour }: { id: string; title: string; value: string; hint: string; colour?: string }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {title}
        </Typography>
        <Typography variant="h4" sx={{ color: colour, fontWeight: 500 }} data-testid={`kpi-${id}`}>
          {value}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      </CardContent>
    </Card>
  );
}

export function KpiCards({ figures }: { figures: ProgressFigures }) {
  const translate = useTranslate();
  const done = figures.doneOnTime + figures.doneLate;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="completion"
          title={translate('app.dashboard.completion_rate')}
          value={percent(figures.completionRate, 1)}
          hint={translate('app.dashboard.completion_hint', { done, due: figures.comeDue })}
          colour="success.main"
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="overdue"
          title={translate('app.dashboard.overdue_rate')}
          value={percent(figures.overdueRate, 1)}
          hint={translate('app.dashboard.overdue_hint', { overdue: figures.overdue, total: figures.total })}
          colour="error.main"
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="average"
          title={translate('app.dashboard.average_progress')}
          value={figures.averageProgress === null ? '—' : `${figures.averageProgress.toFixed(1).replace('.', ',')}%`}
          hint=" "
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="total"
          title={translate('app.dashboard.total')}
          value={String(figures.total)}
          hint={`${translate('app.dashboard.done_on_time')} ${figures.doneOnTime} · ${translate('app.dashboard.done_late')} ${figures.doneLate} · ${translate('app.dashboard.within_deadline')} ${figures.notDoneWithinDeadline} · ${translate('app.dashboard.overdue')} ${figures.overdue}`}
        />
      </Grid>
    </Grid>
  );
}
