import { Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { PlanProgress } from '../types.js';

const depth = (number: string) => number.split('.').length - 1;

export function TaskProgressTable({ rows }: { rows: PlanProgress['byTask'] }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_task')} slotProps={{ title: { variant: 'h6' } }} />
      {/* A table wider than a phone scrolls sideways; with no link inside, the keyboard reaches it only by its own tab stop. */}
      <CardContent sx={{ overflowX: 'auto', pt: 0 }} tabIndex={0} role="region" aria-label={translate('app.dashboard.by_task')}>
        <Table size="small" data-testid="task-progress">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.dashboard.task')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.done_on_time')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.done_late')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.within_deadline')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.overdue')}</TableCell>
              <TableCell sx={{ minWidth: 140 }}>{translate('app.dashboard.completion_rate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.taskId}>
                <TableCell sx={{ pl: 2 + depth(r.task.number) * 3, fontWeight: depth(r.task.number) ? 400 : 500 }}>
                  {r.task.number}. {r.task.title}
                </TableCell>
                <TableCell align="right">{r.figures.doneOnTime}</TableCell>
                <TableCell align="right">{r.figures.doneLate}</TableCell>
                <TableCell align="right">{r.figures.notDoneWithinDeadline}</TableCell>
                <TableCell align="right" sx={{ color: r.figures.overdue ? 'error.main' : undefined }}>
                  {r.figures.overdue}
                </TableCell>
                <TableCell>
                  <LinearProgress
                    variant="determinate"
                    value={(r.figures.completionRate ?? 0) * 100}
                    aria-label={`${r.task.number}: ${percent(r.figures.completionRate)}`}
                    sx={{ height: 6, borderRadius: 3 }}
                  />
                  {percent(r.figures.completionRate)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
