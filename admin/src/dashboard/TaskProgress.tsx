import { Box, Card, CardContent, CardHeader, LinearProgress, Link as MuiLink, List, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { PlanProgress } from '../types.js';
import { assignmentListUrl } from './links.js';

const depth = (number: string) => number.split('.').length - 1;

type Row = PlanProgress['byTask'][number];

/** The tasks of part III with their four classes; a task opens its assignments (a parent task's include its sub-tasks'). */
export function TaskProgressTable({ rows, planId, asOf, isSmall }: { rows: Row[]; planId: string; asOf?: string; isSmall: boolean }) {
  const translate = useTranslate();
  const to = (r: Row) => assignmentListUrl({ planId, taskId: r.taskId, asOf });
  const bar = (r: Row) => (
    <LinearProgress
      variant="determinate"
      value={(r.figures.completionRate ?? 0) * 100}
      aria-label={`${translate('app.dashboard.completion_rate')} ${r.task.number}: ${percent(r.figures.completionRate)}`}
      sx={{ height: 6, borderRadius: 3 }}
    />
  );
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_task')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {isSmall ? (
          <List disablePadding data-testid="task-progress">
            {rows.map((r) => (
              <ListItem key={r.taskId} divider disableGutters sx={{ display: 'block', py: 1, pl: depth(r.task.number) * 2 }} data-task-number={r.task.number}>
                <MuiLink component={Link} to={to(r)} variant="body2" sx={{ fontWeight: depth(r.task.number) ? 400 : 500 }}>
                  {r.task.number}. {r.task.title}
                </MuiLink>
                <Typography variant="caption" color="text.secondary" component="p">
                  {translate('app.dashboard.done_on_time')} {r.figures.doneOnTime} · {translate('app.dashboard.done_late')} {r.figures.doneLate} ·{' '}
                  {translate('app.dashboard.within_deadline')} {r.figures.notDoneWithinDeadline} ·{' '}
                  <Box component="span" sx={{ color: r.figures.overdue ? 'error.dark' : undefined }}>
                    {translate('app.dashboard.overdue')} {r.figures.overdue}
                  </Box>
                </Typography>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Box sx={{ flex: 1 }}>{bar(r)}</Box>
                  <Typography variant="caption">{percent(r.figures.completionRate)}</Typography>
                </Box>
              </ListItem>
            ))}
          </List>
        ) : (
          // A table wider than its card scrolls sideways; the keyboard reaches it by its own tab stop.
          <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={translate('app.dashboard.by_task')}>
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
                  <TableRow key={r.taskId} hover data-task-number={r.task.number}>
                    <TableCell sx={{ pl: 2 + depth(r.task.number) * 3, fontWeight: depth(r.task.number) ? 400 : 500 }}>
                      <MuiLink component={Link} to={to(r)} color="inherit" data-testid="task-link">
                        {r.task.number}. {r.task.title}
                      </MuiLink>
                    </TableCell>
                    <TableCell align="right">{r.figures.doneOnTime}</TableCell>
                    <TableCell align="right">{r.figures.doneLate}</TableCell>
                    <TableCell align="right">{r.figures.notDoneWithinDeadline}</TableCell>
                    <TableCell align="right" sx={{ color: r.figures.overdue ? 'error.dark' : undefined }}>
                      {r.figures.overdue}
                    </TableCell>
                    <TableCell>
                      {bar(r)}
                      {percent(r.figures.completionRate)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
