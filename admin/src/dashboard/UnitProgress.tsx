import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, useMediaQuery, type Theme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { usePermissions, useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { PlanProgress } from '../types.js';
import { URGING_ROLES } from '../letters/api.js';
import { UrgeButton } from '../letters/UrgeButton.js';

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

export function UnitRanking({ rows, planId }: { rows: Row[]; planId: string }) {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const mayUrge = !!role && URGING_ROLES.includes(role);
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
              {mayUrge && <TableCell />}
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
                {mayUrge && (
                  <TableCell align="right">
                    {r.figures.overdue > 0 && <UrgeButton planId={planId} unitId={r.unitId} unitName={r.unit.name} />}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

/** Each unit's assignments split into the four deadline classes, so overdue work stands out in red. */
export function UnitChart({ rows }: { rows: Row[] }) {
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const ranked = rankUnits(rows);
  const series = [
    { key: 'doneOnTime', label: 'app.dashboard.done_on_time', color: '#2e7d32' },
    { key: 'doneLate', label: 'app.dashboard.done_late', color: '#ed6c02' },
    { key: 'notDoneWithinDeadline', label: 'app.dashboard.within_deadline', color: '#0288d1' },
    { key: 'overdue', label: 'app.dashboard.overdue', color: '#d32f2f' },
  ] as const;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_unit_chart')} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ pt: 0 }} data-testid="unit-chart">
        <BarChart
          layout="horizontal"
          height={Math.max(240, ranked.length * 26 + 80)}
          margin={{ left: 4, right: 12 }}
          yAxis={[{ scaleType: 'band', data: ranked.map(label), width: isSmall ? 100 : 170 }]}
          xAxis={[{ tickMinStep: 1 }]}
          series={series.map((s) => ({
            data: ranked.map((r) => r.figures[s.key]),
            label: translate(s.label),
            color: s.color,
            stack: 'total',
          }))}
        />
      </CardContent>
    </Card>
  );
}
