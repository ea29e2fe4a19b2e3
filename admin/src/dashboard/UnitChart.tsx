import { Card, CardContent, CardHeader } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import type { PlanProgress } from '../types.js';
import { CLASS_COLOURS } from './classes.js';
import { rankUnits } from './ranking.js';

type Row = PlanProgress['byUnit'][number];

const label = (r: Row) => r.unit.shortName ?? r.unit.name;

/** Each unit's assignments split into the four deadline classes, so overdue work stands out in red. */
export default function UnitChart({ rows }: { rows: Row[] }) {
  const translate = useTranslate();
  const ranked = rankUnits(rows).map((r) => r.row);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_unit_chart')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }} data-testid="unit-chart">
        <BarChart
          layout="horizontal"
          height={Math.max(240, ranked.length * 24 + 80)}
          margin={{ left: 4, right: 12 }}
          yAxis={[{ scaleType: 'band', data: ranked.map(label), width: 170 }]}
          xAxis={[{ tickMinStep: 1 }]}
          series={CLASS_COLOURS.map((s) => ({
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
