import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, useMediaQuery, type Theme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { PlanProgress } from '../types.js';

type Row = PlanProgress['byUnit'][number];

/** Best first: completion of work that has come due, then average progress, then fewest overdue. */
export function rankUnits(rows: Row[]): Row[] {
  return [...rows].sort(
    (a, b) =>
      (b.figures.completionRate ?? -1) - (a.figures.completionRate ?? -1) ||
      (b.figures.averageProgress ?? 0) - (a.figures.averageProgress ?? 0) ||
      a.figures.overdue - b.figures.overdue ||
      a.unit.name.localeCompare(b.unit.name, 'vi'),
  );
}

const label = (r: Row) => r.unit.shortName ?? r.unit.name;

export function UnitRanking({ rows }: { rows: Row[] }) {
  const translate = useTranslate();
  const ranked = rankUnits(rows);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_unit')} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ overflowX: 'auto', pt: 0 }}>
        <Table size="small" data-testid="unit-ranking">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.dashboard.rank')}</TableCell>
              <TableCell>{translate('app.dashboard.unit')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.completion_rate')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.overdue')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.average_progress')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ranked.map((r, i) => (
              <TableRow key={r.unitId}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{r.unit.name}</TableCell>
                <TableCell align="right">{percent(r.figures.completionRate, 1)}</TableCell>
                <TableCell align="right">{r.figures.overdue}</TableCell>
                <TableCell align="right">{r.figures.averageProgress === null ? '—' : `${Math.round(r.figures.averageProgress)}%`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

export function UnitChart({ rows }: { rows: Row[] }) {
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const ranked = rankUnits(rows);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_unit_chart')} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ pt: 0 }} data-testid="unit-chart">
        <BarChart
          layout="horizontal"
          height={Math.max(240, ranked.length * 28 + 60)}
          margin={{ left: 8, right: 16 }}
          yAxis={[{ scaleType: 'band', data: ranked.map(label), width: isSmall ? 110 : 180 }]}
          xAxis={[{ min: 0, max: 100, valueFormatter: (v: number | null) => `${v ?? 0}%` }]}
          series={[
            {
              data: ranked.map((r) => Math.round((r.figures.completionRate ?? 0) * 1000) / 10),
              label: translate('app.dashboard.completion_rate'),
              color: '#2e7d32',
              valueFormatter: (v: number | null) => `${v ?? 0}%`,
            },
            {
              data: ranked.map((r) => Math.round((r.figures.averageProgress ?? 0) * 10) / 10),
              label: translate('app.dashboard.average_progress'),
              color: '#1565c0',
              valueFormatter: (v: number | null) => `${v ?? 0}%`,
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
