import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
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

/** A year before the deadline when the plan names neither a period nor an issue date. */
function seriesStart(target: TargetRow): string {
  const start = target.plan?.periodStart ?? target.plan?.issueDate;
  if (start) return start;
  const [y, m, d] = target.deadline.split('-');
  return `${Number(y) - 1}-${m}-${d}`;
}

/** The value over time against the threshold, and each commune's value today. */
function TargetDetailPanel({ target }: { target: TargetRow }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const asOf = todayInVietnam();
  const from = seriesStart(target);
  // The series runs to the deadline, or on to today once the deadline has passed.
  const to = asOf > target.deadline ? asOf : target.deadline;
  const detail = useQuery({
    queryKey: ['targetDetail', target.id, asOf, from, to],
    queryFn: () => dataProvider.targetDetail(target.id, asOf, from, to),
  });
  if (detail.isPending) return <CircularProgress size={24} />;
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
export function Targets({ targets }: { targets: TargetRow[] }) {
  const translate = useTranslate();
  const [open, setOpen] = useState<string | null>(null);
  const anyDemo = targets.some((t) => t.current.basedOnDemoData);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.targets')} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ overflowX: 'auto', pt: 0 }}>
        {anyDemo && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="demo-warning">
            {translate('app.dashboard.demo_warning')}
          </Alert>
        )}
        <Table size="small" data-testid="targets">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{translate('resources.Target.fields.code')}</TableCell>
              <TableCell>{translate('resources.Target.fields.title')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.threshold')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.current')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map((t) => (
              <Fragment key={t.id}>
                <TableRow>
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-label={translate('app.dashboard.target_details')}
                      aria-expanded={open === t.id}
                      data-testid={`target-expand-${t.code}`}
                      onClick={() => setOpen(open === t.id ? null : t.id)}
                    >
                      {open === t.id ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell>{t.code}</TableCell>
                  <TableCell sx={{ minWidth: 220 }}>
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
                      <Typography variant="caption" color="info.main" display="block" sx={{ mt: 0.5 }} data-testid="not-applicable-reason">
                        {t.current.notApplicableReason}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {translate(`app.enums.Comparator.${t.comparator}`)} {num(t.thresholdPercent)}
                  </TableCell>
                  <TableCell align="right">
                    {t.current.status === 'NOT_APPLICABLE'
                      ? '—'
                      : t.current.valuePercent === null
                        ? translate('app.dashboard.no_data')
                        : num(t.current.valuePercent)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid={`target-status-${t.code}`} data-status={t.current.status}>
                    <TargetStatusChip status={t.current.status} />{' '}
                    {t.current.basedOnDemoData && (
                      <Chip size="small" variant="outlined" color="warning" label={translate('app.dashboard.demo_data')} data-testid="demo-chip" />
                    )}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={6} sx={{ py: 0, borderBottom: open === t.id ? undefined : 'none' }}>
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
