import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
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
import { Link, usePermissions, useTranslate } from 'react-admin';
import { formatDay, percent } from '../format.js';
import type { PlanProgress, ProgressFigures } from '../types.js';
import { URGING_ROLES } from '../letters/api.js';
import { UrgeButton } from '../letters/UrgeButton.js';
import { CLASS_COLOURS, visuallyHidden } from './classes.js';
import { assignmentListUrl } from './links.js';
import { nobodyHasFinished, rankUnits, worstUnits, type RankedRow } from './ranking.js';

type Row = PlanProgress['byUnit'][number];

const done = (f: ProgressFigures) => f.doneOnTime + f.doneLate;

export interface UnitLinkContext {
  planId: string;
  /** Left out when the figures are today's: the list's own default. */
  asOf?: string;
}

const unitList = (ctx: UnitLinkContext, unitId: string) => assignmentListUrl({ planId: ctx.planId, unitId, asOf: ctx.asOf });

/** "Hạng 3" or "Hạng 3 (đồng hạng)" when another unit has the very same figures. */
function RankText({ entry, ranked }: { entry: RankedRow<Row>; ranked: RankedRow<Row>[] }) {
  const translate = useTranslate();
  if (entry.rank === null) return <>{translate('app.dashboard.not_due_yet')}</>;
  const tied = ranked.filter((r) => r.rank === entry.rank).length > 1;
  return (
    <>
      {entry.rank}
      {tied && (
        <Typography component="span" variant="caption" color="text.secondary">
          {' '}
          ({translate('app.dashboard.tie')})
        </Typography>
      )}
    </>
  );
}

/** Said plainly above a ranking in which everybody has 0 %: the order then only says who is least overdue. */
function NobodyFinished({ rows, asOf }: { rows: Row[]; asOf: string }) {
  const translate = useTranslate();
  if (!nobodyHasFinished(rows)) return null;
  return (
    <Alert severity="warning" sx={{ mb: 0.5, py: 0, px: 1, '& .MuiAlert-icon': { py: 0.5, mr: 1 }, '& .MuiAlert-message': { py: 0.5 } }} data-testid="nobody-finished">
      {translate('app.dashboard.nobody_finished', { date: formatDay(asOf) })}
    </Alert>
  );
}

/** The few units furthest behind, for the first screen: each opens its assignments. */
export function WorstUnits({ rows, count, link, asOf, onShowAll }: { rows: Row[]; count: number; link: UnitLinkContext; asOf: string; onShowAll: () => void }) {
  const translate = useTranslate();
  const worst = worstUnits(rows, count);
  const ranked = rankUnits(rows);
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="worst-units">
      <CardHeader
        title={translate('app.dashboard.worst_units')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', fontWeight: 500 } }}
        action={
          <MuiLink component="button" variant="body2" onClick={onShowAll} sx={{ mt: 1, mr: 1 }} data-testid="show-ranking" data-print="hide">
            {translate('app.dashboard.full_ranking')}
          </MuiLink>
        }
        sx={{ py: 1 }}
      />
      <CardContent sx={{ pt: 0, pb: 1, '&:last-child': { pb: 1 } }}>
        <NobodyFinished rows={rows} asOf={asOf} />
        {worst.length === 0 ? (
          <Typography variant="body2">{translate('app.dashboard.nothing_due')}</Typography>
        ) : (
          <List dense disablePadding>
            {worst.map((entry) => (
              <ListItem key={entry.row.unitId} disablePadding>
                <ListItemButton
                  component={Link}
                  to={unitList(link, entry.row.unitId)}
                  sx={{ px: 1, py: 0.25 }}
                  data-testid="worst-unit"
                  data-unit-code={entry.row.unit.code}
                >
                  <ListItemText
                    primary={entry.row.unit.name}
                    secondary={translate('app.dashboard.worst_unit_short', {
                      rate: percent(entry.row.figures.completionRate, 1),
                      overdue: entry.row.figures.overdue,
                    })}
                    slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                    sx={{ my: 0.25 }}
                  />
                  <Typography variant="body2" color="text.secondary" sx={{ ml: 1, whiteSpace: 'nowrap' }} aria-label={translate('app.dashboard.rank_label', { rank: entry.rank ?? '' })}>
                    #<RankText entry={entry} ranked={ranked} />
                  </Typography>
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

/** Every unit, best first; on a phone one card per unit instead of a wide table. */
export function UnitRanking({ rows, planId, link, asOf, isSmall }: { rows: Row[]; planId: string; link: UnitLinkContext; asOf: string; isSmall: boolean }) {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const mayUrge = !!role && URGING_ROLES.includes(role);
  const ranked = rankUnits(rows);
  const average = (f: ProgressFigures) => (f.averageProgress === null ? '—' : `${Math.round(f.averageProgress)}%`);
  const urge = (r: Row) => (mayUrge && r.figures.overdue > 0 ? <UrgeButton planId={planId} unitId={r.unitId} unitName={r.unit.name} /> : null);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.by_unit')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        <NobodyFinished rows={rows} asOf={asOf} />
        {isSmall ? (
          <List disablePadding data-testid="unit-ranking">
            {ranked.map((entry) => (
              <ListItem key={entry.row.unitId} divider disableGutters sx={{ display: 'block', py: 1 }} data-testid="unit-card" data-unit-code={entry.row.unit.code} data-rank={entry.rank ?? ''}>
                <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
                  <MuiLink component={Link} to={unitList(link, entry.row.unitId)} variant="subtitle2">
                    {entry.row.unit.name}
                  </MuiLink>
                  <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                    #<RankText entry={entry} ranked={ranked} />
                  </Typography>
                </Box>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.dashboard.worst_unit_line', {
                    rate: percent(entry.row.figures.completionRate, 1),
                    done: done(entry.row.figures),
                    due: entry.row.figures.comeDue,
                    overdue: entry.row.figures.overdue,
                  })}
                </Typography>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Box sx={{ flex: 1 }}>
                    <ClassBar figures={entry.row.figures} />
                  </Box>
                  {urge(entry.row)}
                </Box>
              </ListItem>
            ))}
          </List>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="unit-ranking">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.dashboard.rank')}</TableCell>
                  <TableCell>{translate('app.dashboard.unit')}</TableCell>
                  <TableCell align="right">{translate('app.dashboard.completion_rate')}</TableCell>
                  <TableCell align="right">{translate('app.dashboard.done_of_due')}</TableCell>
                  <TableCell align="right">{translate('app.dashboard.overdue')}</TableCell>
                  <TableCell align="right">{translate('app.dashboard.average_progress')}</TableCell>
                  {mayUrge && (
                    <TableCell data-print="hide">
                      <Box component="span" sx={visuallyHidden}>
                        {translate('app.letters.urge')}
                      </Box>
                    </TableCell>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {ranked.map((entry) => (
                  <TableRow key={entry.row.unitId} hover data-unit-code={entry.row.unit.code} data-rank={entry.rank ?? ''}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <RankText entry={entry} ranked={ranked} />
                    </TableCell>
                    <TableCell>
                      <MuiLink component={Link} to={unitList(link, entry.row.unitId)} data-testid="unit-link">
                        {entry.row.unit.name}
                      </MuiLink>
                    </TableCell>
                    <TableCell align="right">{percent(entry.row.figures.completionRate, 1)}</TableCell>
                    <TableCell align="right">{`${done(entry.row.figures)}/${entry.row.figures.comeDue}`}</TableCell>
                    <TableCell align="right" sx={{ color: entry.row.figures.overdue ? 'error.dark' : undefined }}>
                      {entry.row.figures.overdue}
                    </TableCell>
                    <TableCell align="right">{average(entry.row.figures)}</TableCell>
                    {mayUrge && (
                      <TableCell align="right" data-print="hide">
                        {urge(entry.row)}
                      </TableCell>
                    )}
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

/** A unit's four classes as one thin stacked bar: the phone's version of the chart below. */
function ClassBar({ figures }: { figures: ProgressFigures }) {
  const translate = useTranslate();
  if (!figures.total) return null;
  const text = CLASS_COLOURS.map((c) => `${translate(c.label)} ${figures[c.key]}`).join(', ');
  return (
    <Box role="img" aria-label={text} title={text} sx={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', my: 0.5, bgcolor: 'grey.200' }}>
      {CLASS_COLOURS.map((c) => (figures[c.key] ? <Box key={c.key} sx={{ flex: figures[c.key], bgcolor: c.color }} /> : null))}
    </Box>
  );
}
