import { useState, type MouseEvent } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatDay, formatInstant } from '../format.js';
import type { LatestChange } from '../types.js';
import type { OverdueItem } from './api.js';
import { assignmentListUrl, assignmentUrl } from './links.js';

const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The first overdue assignments of the day, longest overdue first, with the true total and a way to all
 * of them: the assignment list, which pages. A row opens its assignment.
 */
export function OverdueList({ items, total, planId, asOf, isToday, isSmall }: { items: OverdueItem[]; total: number; planId: string; asOf: string; isToday: boolean; isSmall: boolean }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const all = assignmentListUrl({ planId, deadlineClass: 'OVERDUE', asOf: isToday ? undefined : asOf }, { field: 'dueDate', order: 'ASC' });
  const urged = (a: OverdueItem) =>
    a.urgeCount ? (
      <Typography component="span" variant="body2" color="error.dark" display="block" data-testid="urge-count">
        {translate('app.escalation.urged', { smart_count: a.urgeCount })}
      </Typography>
    ) : null;
  return (
    <Card variant="outlined">
      <CardHeader
        title={`${translate('app.dashboard.overdue_list')} (${total})`}
        slotProps={{ title: { variant: 'h6', component: 'h2', 'data-testid': 'overdue-total', 'data-total': total } as object }}
      />
      <CardContent sx={{ pt: 0 }}>
        {items.length === 0 ? (
          <Typography>{translate('app.dashboard.overdue_none')}</Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('app.dashboard.overdue_shown', { shown: items.length, count: total })}
            </Typography>
            {isSmall ? (
              <List disablePadding data-testid="overdue-list">
                {items.map((a) => (
                  <ListItem key={a.id} disablePadding divider>
                    <ListItemButton component={Link} to={assignmentUrl(a.id)} sx={{ px: 0.5 }} data-testid="overdue-row" data-assignment-id={a.id}>
                      <ListItemText
                        primary={`${a.task.number}. ${a.task.title}`}
                        secondary={
                          <>
                            {a.unit.name} · {formatDay(a.dueDate)} ·{' '}
                            <Box component="span" sx={{ color: 'error.dark', fontWeight: 500 }}>
                              {translate('app.assignment.days_overdue', { smart_count: daysFrom(a.dueDate, asOf) })}
                            </Box>
                            {urged(a)}
                          </>
                        }
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            ) : (
              <Box sx={{ overflowX: 'auto' }}>
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
                      <TableRow
                        key={a.id}
                        hover
                        onClick={() => navigate(assignmentUrl(a.id))}
                        sx={{ cursor: 'pointer' }}
                        data-testid="overdue-row"
                        data-assignment-id={a.id}
                      >
                        <TableCell>
                          {/* The link is what a keyboard or a screen reader reaches; the row is a larger target for a mouse. */}
                          <MuiLink component={Link} to={assignmentUrl(a.id)} onClick={(e: MouseEvent) => e.stopPropagation()}>
                            {a.task.number}. {a.task.title}
                          </MuiLink>
                          {urged(a)}
                        </TableCell>
                        <TableCell>{a.unit.name}</TableCell>
                        <TableCell>{formatDay(a.dueDate)}</TableCell>
                        <TableCell align="right" sx={{ color: 'error.dark', fontWeight: 500 }}>
                          {daysFrom(a.dueDate, asOf)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
            {total > items.length && (
              <Button component={Link} to={all} sx={{ mt: 1 }} data-testid="see-all-overdue">
                {translate('app.dashboard.see_all_overdue', { count: total })}
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

const TRANSITIONS = new Set(['START', 'SUBMIT', 'VERIFY', 'RETURN', 'BLOCK', 'UNBLOCK', 'CANCEL']);

/** The status changes among the plan's latest entries (progress notes, evidence and letters are not). */
export const statusChanges = (changes: LatestChange[]) => changes.filter((c) => TRANSITIONS.has(c.action));

/**
 * What changed since the reader's previous visit, newest first: how many, and the latest few, the new
 * ones marked. `fetched` is how many entries were asked for: when all of them are new there may be more.
 */
export function RecentChanges({ changes, since, shown, fetched }: { changes: LatestChange[]; since: string | null; shown: number; fetched: number }) {
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(false);
  const fresh = since ? changes.filter((c) => c.at > since) : [];
  const time = since ? formatInstant(since) : '';
  const summary = !since
    ? translate('app.dashboard.changes_first_visit')
    : fresh.length === 0
      ? translate('app.dashboard.no_changes_since', { time })
      : fresh.length >= fetched
        ? translate('app.dashboard.changes_since_many', { count: fetched, time })
        : translate('app.dashboard.changes_since', { smart_count: fresh.length, time });
  const visible = changes.slice(0, expanded ? changes.length : shown);
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="recent-changes">
      <CardHeader title={translate('app.dashboard.latest_changes')} slotProps={{ title: { variant: 'subtitle1', component: 'h2', fontWeight: 500 } }} sx={{ py: 1 }} />
      <CardContent sx={{ pt: 0, pb: 1, '&:last-child': { pb: 1 } }}>
        {changes.length === 0 ? (
          <Typography variant="body2">{translate('app.dashboard.changes_none')}</Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" data-testid="changes-since" data-count={fresh.length}>
              {summary}
            </Typography>
            <List dense disablePadding data-testid="latest-changes">
              {visible.map((c) => {
                const isNew = !!since && c.at > since;
                return (
                  <ListItem key={c.id} disablePadding>
                    <ListItemButton component={Link} to={assignmentUrl(c.assignment.id)} sx={{ px: 1, py: 0.25 }} data-testid="change" data-new={isNew} data-action={c.action}>
                      <ListItemText
                        primary={
                          <>
                            {isNew && <Chip size="small" color="primary" label={translate('app.dashboard.new_change')} sx={{ mr: 0.5, height: 18 }} />}
                            {translate(`app.enums.AssignmentAction.${c.action}`)}: {c.assignment.task.number}. {c.assignment.task.title}
                          </>
                        }
                        secondary={`${formatInstant(c.at)} · ${c.assignment.unit.name}${c.actorName ? ` · ${c.actorName}` : ''}${c.comment ? ` — “${c.comment}”` : ''}`}
                        slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                        sx={{ my: 0.25 }}
                      />
                    </ListItemButton>
                  </ListItem>
                );
              })}
            </List>
            {changes.length > shown && (
              <Button size="small" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} data-print="hide">
                {translate(expanded ? 'app.dashboard.show_less' : 'app.dashboard.show_more')}
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
