import { Alert, Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDay } from '../format.js';
import type { TargetRow } from '../types.js';

const num = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1).replace('.', ',')}%`;

/** The plan's targets against their thresholds, saying plainly when a figure rests on demo data. */
export function Targets({ targets }: { targets: TargetRow[] }) {
  const translate = useTranslate();
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
              <TableCell>{translate('resources.Target.fields.code')}</TableCell>
              <TableCell>{translate('resources.Target.fields.title')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.threshold')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.current')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.code}</TableCell>
                <TableCell>
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
                  {t.current.status === 'NOT_APPLICABLE' ? (
                    <Chip size="small" variant="outlined" label={translate('app.dashboard.not_applicable')} />
                  ) : (
                    <Chip size="small" color={t.current.met ? 'success' : 'default'} label={translate(t.current.met ? 'app.dashboard.met' : 'app.dashboard.not_met')} />
                  )}{' '}
                  {t.current.basedOnDemoData && (
                    <Chip size="small" variant="outlined" color="warning" label={translate('app.dashboard.demo_data')} data-testid="demo-chip" />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
