import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import MergeTypeIcon from '@mui/icons-material/MergeType';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, Link, Loading, Title, useNotify, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { formatDay, formatInstant, todayInVietnam } from '../format.js';
import { compileReport, fetchReportingPeriods, type Compilation, type ReportingPeriod } from './api.js';
import { PlanSelect, usePlanChoice } from '../resources/plans/PlanPicker.js';

/** The plan the overview opens on (dashboard/Dashboard.tsx), without loading the overview's charts here. */
/** A compilation is written within seconds: ask again at this pace while one is under way. */
const POLL_MS = 1500;

function CompilationLine({ compilation }: { compilation: Compilation }) {
  const translate = useTranslate();
  return (
    <Box
      sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, py: 1, borderTop: 1, borderColor: 'divider' }}
      data-testid="compilation"
      data-number={compilation.number}
      data-state={compilation.state}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{translate('app.compiled_reports.attempt', { number: compilation.number })}</Typography>
        {compilation.state === 'PENDING' && <Chip size="small" label={translate('app.compiled_reports.compiling')} />}
        {compilation.state === 'FAILED' && <Chip size="small" color="error" label={translate('app.enums.CompiledReportState.FAILED')} />}
        {compilation.state === 'READY' && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.compiled_reports.compiled_line', {
              time: formatInstant(compilation.compiledAt),
              name: compilation.requestedByName ?? '—',
            })}
          </Typography>
        )}
      </Box>
      {compilation.state === 'FAILED' && compilation.error && (
        <Typography variant="body2" color="error">
          {compilation.error}
        </Typography>
      )}
      {compilation.state === 'READY' && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {compilation.docxUrl && (
            <Button size="small" variant="outlined" startIcon={<DescriptionIcon />} href={compilation.docxUrl} download={compilation.docxName ?? undefined} data-testid="download-docx">
              {translate('app.compiled_reports.download_docx')}
            </Button>
          )}
          {compilation.xlsxUrl && (
            <Button size="small" variant="outlined" startIcon={<GridOnIcon />} href={compilation.xlsxUrl} download={compilation.xlsxName ?? undefined} data-testid="download-xlsx">
              {translate('app.compiled_reports.download_xlsx')}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}

function CompileButton({ period }: { period: ReportingPeriod }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = period.total - period.accepted;

  const confirm = async () => {
    setBusy(true);
    try {
      await compileReport(period);
      notify('app.compiled_reports.started', { type: 'success', messageArgs: { label: period.label } });
      await queryClient.invalidateQueries({ queryKey: ['reportingPeriods', period.planId] });
    } catch (error) {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button variant="contained" startIcon={<MergeTypeIcon />} onClick={() => setOpen(true)} disabled={busy} data-testid="compile-button">
        {translate('app.compiled_reports.compile')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.compiled_reports.compile_title"
        translateOptions={{ label: period.label }}
        content={
          <>
            <Typography gutterBottom>{translate('app.compiled_reports.compile_content', { label: period.label })}</Typography>
            {missing > 0 && (
              <Typography color="text.secondary">
                {translate('app.compiled_reports.compile_missing', { smart_count: missing, total: period.total })}
              </Typography>
            )}
          </>
        }
        confirm="app.compiled_reports.compile"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function PeriodCard({ period, canCompile }: { period: ReportingPeriod; canCompile: boolean }) {
  const translate = useTranslate();
  const pastDue = todayInVietnam() >= period.dueBefore;
  const filter = encodeURIComponent(JSON.stringify({ planId: period.planId, period: period.period, dueBefore: period.dueBefore }));
  const shown = encodeURIComponent(JSON.stringify({ planId: true, dueBefore: true }));
  const counts = [
    ['notStarted', period.notStarted],
    ['draft', period.draft],
    ['submitted', period.submitted],
    ['returned', period.returned],
  ] as const;
  return (
    <Card variant="outlined" data-testid="reporting-period" data-period={period.period} data-due-before={period.dueBefore}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="h6" component="h2">
          {translate('app.compiled_reports.period_title', { label: period.label })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.UnitReport.due', { date: formatDay(period.dueBefore) })}
          {pastDue ? ` · ${translate('app.compiled_reports.past_due')}` : ''} ·{' '}
          {translate('app.compiled_reports.reviewing_unit', { unit: period.reviewingUnit.name })}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip
            color={period.accepted === period.total ? 'success' : 'default'}
            label={translate('app.compiled_reports.accepted', { accepted: period.accepted, total: period.total })}
            data-testid="period-accepted"
          />
          <Chip
            color={period.overdue ? 'warning' : 'default'}
            variant="outlined"
            label={translate('app.compiled_reports.overdue', { count: period.overdue })}
            data-testid="period-overdue"
          />
          <Typography variant="caption" color="text.secondary">
            {counts
              .filter(([, n]) => n > 0)
              .map(([key, n]) => `${translate(`app.compiled_reports.count.${key}`)}: ${n}`)
              .join(' · ')}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          {canCompile && <CompileButton period={period} />}
          <Button component={Link} to={`/UnitReport?filter=${filter}&displayedFilters=${shown}`} size="small">
            {translate('app.compiled_reports.see_reports')}
          </Button>
        </Box>
        {period.compilations.length ? (
          <Box data-testid="compilations">
            {period.compilations.map((c) => (
              <CompilationLine key={c.id} compilation={c} />
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.compiled_reports.no_compilations')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * "Báo cáo tổng hợp": the plan's reporting periods as the aggregating office runs them. For each, how
 * many units' reports are accepted, the button that compiles the district report (DOCX and XLSX
 * appendix), and every compilation kept, newest first.
 */
export default function CompiledReports() {
  const translate = useTranslate();
  const { plans, planId, setPlanId, isPending: plansPending } = usePlanChoice();
  const periods = useQuery({
    queryKey: ['reportingPeriods', planId],
    queryFn: () => fetchReportingPeriods(planId!),
    enabled: !!planId,
    refetchInterval: (query) =>
      query.state.data?.some((p) => p.compilations.some((c) => c.state === 'PENDING')) ? POLL_MS : false,
  });

  if (plansPending) return <Loading />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, maxWidth: 960 }} data-testid="compiled-reports">
      <Title title={translate('app.compiled_reports.title')} />
      <PlanSelect plans={plans} planId={planId} onChange={setPlanId} />
      {periods.isError ? (
        <Alert severity="error">{translate(toAppError(periods.error).message, { _: toAppError(periods.error).message })}</Alert>
      ) : periods.isPending ? (
        <Loading />
      ) : !periods.data?.length ? (
        <Typography color="text.secondary" data-testid="compiled-reports-empty">
          {translate('app.compiled_reports.none')}
        </Typography>
      ) : (
        periods.data.map((p) => <PeriodCard key={`${p.period}-${p.dueBefore}-${p.reviewingUnitId}`} period={p} canCompile={p.canCompile} />)
      )}
    </Box>
  );
}
