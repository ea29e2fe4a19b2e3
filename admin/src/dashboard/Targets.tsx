import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Collapse,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.js';
import { formatDay, todayInVietnam } from '../format.js';
import type { TargetRow } from '../types.js';
import { TargetStatusChip, targetPercent as num } from './TargetStatus.js';
import { visuallyHidden } from './classes.js';
import { Pending } from './Pending.js';

/** A year before the deadline when the plan names neither a period nor an issue date. */
function seriesStart(target: TargetRow): string {
  const start = target.plan?.periodStart ?? target.plan?.issueDate;
  if (start) return start;
  const [y, m, d] = target.deadline.split('-');
  return `${Number(y) - 1}-${m}-${d}`;
}

/** The value over time against the threshold, and each commune's value on the day the overview shows. */
function TargetDetailPanel({ target }: { target: TargetRow }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const asOf = target.current.asOf ?? todayInVietnam();
  const from = seriesStart(target);
  // The series runs to the deadline, or on to today once the deadline has passed.
  const to = asOf > target.deadline ? asOf : target.deadline;
  const detail = useQuery({
    queryKey: ['targetDetail', target.id, asOf, from, to],
    queryFn: () => dataProvider.targetDetail(target.id, asOf, from, to),
  });
  if (detail.isPending) return <Pending />;
  if (!detail.data) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  const history = detail.data.history;
  return (
    <Box sx={{ py: 1 }} data-testid={`target-detail-${target.code}`}>
      <Typography variant="subtitle2">{translate('app.dashboard.target_history')}</Typography>
      <Box data-testid="target-history-chart">
        <LineChart
          height={220}
          xAxis={[{ scaleType: 'point', data: history.map((p) => formatDay(p.day)) }]}
          yAxis={[{ min: 0, max: 100, valueFormatter: (v: number) => `${v}%` }]}
          series={[
            {
              label: translate('app.dashboard.current'),
              data: history.map((p) => (p.valuePercent === null ? null : Math.round(p.valuePercent * 10) / 10)),
              connectNulls: true,
              valueFormatter: (v) => (v === null ? translate('app.dashboard.no_data') : num(v)),
            },
            {
              label: translate('app.dashboard.threshold'),
              data: history.map(() => target.thresholdPercent),
              showMark: false,
              color: '#d32f2f',
              valueFormatter: (v) => (v === null ? '' : num(v)),
            },
          ]}
        />
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('app.dashboard.by_commune')} ({formatDay(asOf)})
      </Typography>
      <Table size="small" data-testid={`target-communes-${target.code}`}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.dashboard.commune')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.figures')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.current')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.data.byCommune.map((c) => (
            <TableRow key={c.communeId} data-commune={c.commune.code}>
              <TableCell>{c.commune.name}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {c.denominator === null ? '—' : `${c.numerator}/${c.denominator}`}
              </TableCell>
              <TableCell align="right">{c.valuePercent === null ? '—' : num(c.valuePercent)}</TableCell>
              <TableCell>
                <TargetStatusChip status={c.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The plan's targets against their thresholds and deadlines, saying plainly when a figure rests on demo data. */
export function Targets({ targets, isSmall = false }: { targets: TargetRow[]; isSmall?: boolean }) {
  const translate = useTranslate();
  const [open, setOpen] = useState<string | null>(null);
  const anyDemo = targets.some((t) => t.current.basedOnDemoData);
  const current = (t: TargetRow) =>
    t.current.status === 'NOT_APPLICABLE' ? '—' : t.current.valuePercent === null ? translate('app.dashboard.no_data') : num(t.current.valuePercent);
  const threshold = (t: TargetRow) => `${translate(`app.enums.Comparator.${t.comparator}`)} ${num(t.thresholdPercent)}`;
  const status = (t: TargetRow) => (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }} data-testid={`target-status-${t.code}`} data-status={t.current.status}>
      <TargetStatusChip status={t.current.status} />{' '}
      {t.current.basedOnDemoData && (
        <Chip size="small" variant="outlined" color="warning" label={translate('app.dashboard.demo_data')} data-testid="demo-chip" />
      )}
    </Box>
  );
  // On a phone the figures go under the description, which keeps the width of the screen.
  const columns = isSmall ? 2 : 6;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.targets')} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ overflowX: 'auto', pt: 0 }}>
        {anyDemo && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="demo-warning">
            {translate('app.dashboard.demo_warning')}
          </Alert>
        )}
        <Table size="small" data-testid="targets" sx={{ tableLayout: 'auto' }}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Box component="span" sx={visuallyHidden}>
                  {translate('app.dashboard.target_details')}
                </Box>
              </TableCell>
              {isSmall ? (
                <TableCell>{translate('resources.Target.fields.title')}</TableCell>
              ) : (
                <>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('resources.Target.fields.code')}</TableCell>
                  <TableCell sx={{ width: '55%' }}>{translate('resources.Target.fields.title')}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{translate('app.dashboard.threshold')}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{translate('app.dashboard.current')}</TableCell>
                  <TableCell>{translate('resources.Target.fields.current.status')}</TableCell>
                </>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map((t) => (
              <Fragment key={t.id}>
                <TableRow data-target-code={t.code}>
                  <TableCell padding="checkbox" sx={{ verticalAlign: 'top' }}>
                    <IconButton
                      size="small"
                      aria-label={`${translate('app.dashboard.target_details')}: ${t.code}`}
                      aria-expanded={open === t.id}
                      data-testid={`target-expand-${t.code}`}
                      data-print="hide"
                      onClick={() => setOpen(open === t.id ? null : t.id)}
                    >
                      {open === t.id ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                    </IconButton>
                  </TableCell>
                  {!isSmall && <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{t.code}</TableCell>}
                  <TableCell sx={{ minWidth: isSmall ? 0 : 280 }} data-testid="target-description">
                    {isSmall && <strong>{t.code}. </strong>}
                    {t.title}
                    <br />
                    <small>{translate('resources.Target.fields.deadline')}: {formatDay(t.deadline)}</small>
                    {t.note && (
                      <>
                        <br />
                        <small data-testid="target-note">{t.note}</small>
                      </>
                    )}
                    {t.current.status === 'NOT_APPLICABLE' && t.current.notApplicableReason && (
                      <Typography variant="caption" color="info.dark" display="block" sx={{ mt: 0.5 }} data-testid="not-applicable-reason">
                        {t.current.notApplicableReason}
                      </Typography>
                    )}
                    {isSmall && (
                      <Box sx={{ mt: 0.5 }}>
                        <Typography variant="body2" component="span" sx={{ mr: 1 }}>
                          {translate('app.dashboard.current')}: {current(t)} · {translate('app.dashboard.threshold')}: {threshold(t)}
                        </Typography>
                        {status(t)}
                      </Box>
                    )}
                  </TableCell>
                  {!isSmall && (
                    <>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {threshold(t)}
                      </TableCell>
                      <TableCell align="right">{current(t)}</TableCell>
                      <TableCell>{status(t)}</TableCell>
                    </>
                  )}
                </TableRow>
                <TableRow>
                  <TableCell colSpan={columns} sx={{ py: 0, borderBottom: open === t.id ? undefined : 'none' }}>
                    <Collapse in={open === t.id} unmountOnExit>
                      <TargetDetailPanel target={t} />
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
