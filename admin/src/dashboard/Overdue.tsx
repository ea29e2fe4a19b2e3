import { Card, CardContent, CardHeader, List, ListItem, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDay, formatInstant } from '../format.js';
import type { Assignment, LatestChange } from '../types.js';

export function OverdueList({ items, total }: { items: Assignment[]; total: number }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={`${translate('app.dashboard.overdue_list')} (${total})`} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ overflowX: 'auto', pt: 0 }}>
        {items.length === 0 ? (
          <Typography>{translate('app.dashboard.overdue_none')}</Typography>
        ) : (
          <Table size="small" data-testid="overdue-list">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.dashboard.task')}</TableCell>
                <TableCell>{translate('app.dashboard.unit')}</TableCell>
                <TableCell>{translate('resources.Assignment.fields.dueDate')}</TableCell>
                <TableCell align="right">{translate('app.dashboard.days_late')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    {a.task.number}. {a.task.title}
                    {a.urgeCount ? (
                      <Typography component="span" variant="body2" color="error" display="block" data-testid="urge-count">
                        {translate('app.escalation.urged', { smart_count: a.urgeCount })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{a.unit.name}</TableCell>
                  <TableCell>{formatDay(a.dueDate)}</TableCell>
                  <TableCell align="right" sx={{ color: 'error.main', fontWeight: 500 }}>
                    {a.daysOverdue}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export function LatestChanges({ changes }: { changes: LatestChange[] }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.latest_changes')} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ pt: 0 }}>
        {changes.length === 0 ? (
          <Typography>{translate('app.assignment.history_empty')}</Typography>
        ) : (
          <List dense disablePadding data-testid="latest-changes">
            {changes.map((c) => (
              <ListItem key={c.id} disableGutters>
                <ListItemText
                  primary={`${translate(`app.enums.AssignmentAction.${c.action}`)}: ${c.assignment.task.number}. ${c.assignment.task.title}`}
                  secondary={`${formatInstant(c.at)} · ${c.assignment.unit.name} · ${c.actorName ?? ''}${c.comment ? ` — “${c.comment}”` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
