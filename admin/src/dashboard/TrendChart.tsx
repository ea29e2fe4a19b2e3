import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import { formatDay, percent } from '../format.js';
import type { SeriesPoint } from './api.js';

const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Completion and overdue rates over time; loaded with the tab, so the first screen carries no chart code. */
export default function TrendChart({ points }: { points: SeriesPoint[] }) {
  const translate = useTranslate();
  return (
    <LineChart
      height={260}
      skipAnimation
      margin={{ left: 4, right: 16 }}
      xAxis={[{ scaleType: 'point', data: points.map((p) => formatDay(p.day)) }]}
      yAxis={[{ min: 0, max: 100, valueFormatter: (v: number) => `${v}%`, width: 44 }]}
      series={[
        {
          label: translate('app.dashboard.completion_rate'),
          data: points.map((p) => asPercent(p.completionRate)),
          color: '#2e7d32',
          connectNulls: true,
          valueFormatter: (v) => (v === null ? '—' : percent(v / 100, 1)),
        },
        {
          label: translate('app.dashboard.overdue_rate'),
          data: points.map((p) => asPercent(p.overdueRate)),
          color: '#d32f2f',
          connectNulls: true,
          valueFormatter: (v) => (v === null ? '—' : percent(v / 100, 1)),
        },
      ]}
    />
  );
}
