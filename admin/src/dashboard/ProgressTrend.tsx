import { lazy, Suspense, useState } from 'react';
import { Box, Card, CardContent, CardHeader, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { formatDay, percent } from '../format.js';
import type { PlanProgress } from '../types.js';
import { fetchProgressSeries } from './api.js';
import { Pending } from './Pending.js';

const TrendChart = lazy(() => import('./TrendChart.js'));

/** Enough to see a trend over a year's plan; the API allows up to 60. */
const POINTS = 24;
const WHOLE_PLAN = 'plan';

/**
 * The plan's (or one unit's) figures from the start of its period to the day shown, each point as
 * planProgress would give it on that day; the same numbers as a table for those who do not read charts.
 */
export function ProgressTrend({ planId, from, to, units }: { planId: string; from: string; to: string; units: PlanProgress['byUnit'] }) {
  const translate = useTranslate();
  const [scope, setScope] = useState(WHOLE_PLAN);
  const unitId = scope === WHOLE_PLAN ? undefined : scope;
  const series = useQuery({
    queryKey: ['planProgressSeries', planId, from, to, unitId],
    queryFn: () => fetchProgressSeries(planId, from, to, POINTS, unitId),
  });
  const sorted = [...units].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
  return (
    <Card variant="outlined" data-testid="progress-trend" data-from={from} data-to={to} data-unit-id={unitId ?? ''}>
      <CardHeader
        title={translate('app.dashboard.trend_title')}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        action={
          <TextField
            select
            size="small"
            label={translate('app.dashboard.trend_scope')}
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            fullWidth={false}
            sx={{ width: { xs: 240 }, mt: 1 }}
            data-testid="trend-unit"
            data-print="hide"
          >
            <MenuItem value={WHOLE_PLAN}>{translate('app.dashboard.trend_all_units')}</MenuItem>
            {sorted.map((u) => (
              <MenuItem key={u.unitId} value={u.unitId} data-unit-code={u.unit.code}>
                {u.unit.name}
              </MenuItem>
            ))}
          </TextField>
        }
        sx={{ flexWrap: 'wrap', '& .MuiCardHeader-action': { m: 0 } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {series.isPending ? (
          <Pending />
        ) : !series.data ? (
          <Typography color="error">{translate('ra.notification.http_error')}</Typography>
        ) : (
          <>
            <Box sx={{ minHeight: 260 }} data-testid="trend-chart" data-points={series.data.length}>
              <Suspense fallback={<Pending />}>
                <TrendChart points={series.data} />
              </Suspense>
            </Box>
            <details>
              <summary>
                <Typography component="span" variant="body2">
                  {translate('app.dashboard.trend_table')}
                </Typography>
              </summary>
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="trend-table">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.dashboard.day')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.completion_rate')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.overdue_rate')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.done_on_time')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.done_late')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.within_deadline')}</TableCell>
                      <TableCell align="right">{translate('app.dashboard.overdue')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {series.data.map((p) => (
                      <TableRow
                        key={p.day}
                        data-day={p.day}
                        data-total={p.total}
                        data-done-on-time={p.doneOnTime}
                        data-done-late={p.doneLate}
                        data-within={p.notDoneWithinDeadline}
                        data-overdue={p.overdue}
                        data-come-due={p.comeDue}
                      >
                        <TableCell>{formatDay(p.day)}</TableCell>
                        <TableCell align="right">{percent(p.completionRate, 1)}</TableCell>
                        <TableCell align="right">{percent(p.overdueRate, 1)}</TableCell>
                        <TableCell align="right">{p.doneOnTime}</TableCell>
                        <TableCell align="right">{p.doneLate}</TableCell>
                        <TableCell align="right">{p.notDoneWithinDeadline}</TableCell>
                        <TableCell align="right">{p.overdue}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </details>
          </>
        )}
      </CardContent>
    </Card>
  );
}
