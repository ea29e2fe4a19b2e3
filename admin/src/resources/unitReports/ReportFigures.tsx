import { Alert, Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { TargetStatusChip, targetPercent } from '../../dashboard/TargetStatus.js';
import { formatDay, percent } from '../../format.js';
import type { UnitReport } from './api.js';

const CLASSES = [
  { key: 'doneOnTime', label: 'app.dashboard.done_on_time', colour: 'success.main' },
  { key: 'doneLate', label: 'app.dashboard.done_late', colour: 'warning.main' },
  { key: 'notDoneWithinDeadline', label: 'app.dashboard.within_deadline', colour: 'info.main' },
  { key: 'overdue', label: 'app.dashboard.overdue', colour: 'error.main' },
] as const;

function Subtitle({ children }: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
      {children}
    </Typography>
  );
}

/**
 * The figures the report carries: the unit's assignments in the four deadline classes, its late tasks,
 * its evidence and the district's targets. Live until sent, then as they were on the day of sending.
 */
export function ReportFigures({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  const { figures } = report;
  const a = figures.assignments;
  const more = a.overdue - figures.overdue.length;
  return (
    <Box component="section" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="report-figures">
      <Typography variant="h6" component="h3">
        {translate('resources.UnitReport.figures.title')}
      </Typography>
      <Alert severity="info" variant="outlined" data-testid="figures-banner" data-frozen={report.figuresFrozen}>
        {translate(report.figuresFrozen ? 'resources.UnitReport.figures.frozen' : 'resources.UnitReport.figures.live', {
          date: formatDay(figures.asOf),
        })}
      </Alert>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(4, 1fr)' }, gap: 1 }}>
        {CLASSES.map((c) => (
          <Box key={c.key} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }} data-testid={`figure-${c.key}`}>
            <Typography variant="h5" component="div" sx={{ color: c.colour, fontWeight: 500 }}>
              {a[c.key]}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(c.label)}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="body2">
        {translate('resources.UnitReport.figures.assignments', { total: a.total, rate: percent(a.completionRate, 1) })}
      </Typography>
      <Typography variant="body2" data-testid="figure-evidence">
        {translate('resources.UnitReport.figures.evidence', { smart_count: figures.evidenceCount })}
      </Typography>
      {figures.facilities && (
        <Typography variant="body2">
          {translate('resources.UnitReport.figures.facilities', figures.facilities)}
        </Typography>
      )}

      <Subtitle>{translate('resources.UnitReport.figures.overdue_title', { smart_count: a.overdue })}</Subtitle>
      {figures.overdue.length ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="figure-overdue">
          {figures.overdue.map((item) => (
            <li key={`${item.taskCode}-${item.dueDate}`}>
              <Typography variant="body2">
                {item.taskCode}. {item.taskTitle}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('resources.UnitReport.figures.overdue_line', {
                  date: formatDay(item.dueDate),
                  status: translate(`app.enums.AssignmentStatus.${item.status}`, { _: item.status }),
                  progress: item.progress,
                })}
              </Typography>
            </li>
          ))}
          {more > 0 && (
            <li>
              <Typography variant="body2" color="text.secondary">
                {translate('resources.UnitReport.figures.overdue_more', { smart_count: more })}
              </Typography>
            </li>
          )}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.UnitReport.figures.overdue_none')}
        </Typography>
      )}

      <Subtitle>{translate('resources.UnitReport.figures.targets_title')}</Subtitle>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="figure-targets">
        {figures.targets.map((t) => (
          <Box key={t.code} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', justifyContent: 'space-between' }} data-code={t.code}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">
                {t.code}. {t.title}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate('resources.UnitReport.figures.target_value', {
                  value: t.status === 'NOT_APPLICABLE' || t.valuePercent == null ? '—' : targetPercent(t.valuePercent),
                  threshold: targetPercent(t.thresholdPercent),
                })}
              </Typography>
            </Box>
            <TargetStatusChip status={t.status} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
