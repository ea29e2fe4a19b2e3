import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { percent } from '../format.js';
import type { ProgressFigures } from '../types.js';
import { visuallyHidden } from './classes.js';
import { assignmentListUrl } from './links.js';

/** One figure: its name, the value large, one line of what it is made of; the whole card opens the work behind it. */
function Kpi({ id, title, value, hint, colour, to, linkLabel }: { id: string; title: string; value: string; hint: ReactNode; colour?: string; to: string; linkLabel: string }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }} data-testid={`kpi-link-${id}`}>
        <CardContent sx={{ py: 1, px: 1.5, '&:last-child': { pb: 1 } }}>
          <Typography variant="body2" color="text.secondary" noWrap>
            {title}
          </Typography>
          <Typography variant="h5" component="p" sx={{ color: colour, fontWeight: 500, lineHeight: 1.3 }} data-testid={`kpi-${id}`}>
            {value}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.3 }}>
            {hint}
          </Typography>
          <Box component="span" sx={visuallyHidden}>
            {linkLabel}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

export function KpiCards({ figures, planId, asOf, isToday, isSmall }: { figures: ProgressFigures; planId: string; asOf: string; isToday: boolean; isSmall: boolean }) {
  const translate = useTranslate();
  const done = figures.doneOnTime + figures.doneLate;
  const day = isToday ? undefined : asOf;
  return (
    <Grid container spacing={1} data-testid="kpi-cards">
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="completion"
          title={translate('app.dashboard.completion_rate')}
          value={percent(figures.completionRate, 1)}
          hint={translate('app.dashboard.completion_hint', { done, due: figures.comeDue })}
          colour="success.dark"
          to={assignmentListUrl({ planId, status: ['DONE'] })}
          linkLabel={translate('app.dashboard.completion_open')}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="overdue"
          title={translate('app.dashboard.overdue_rate')}
          value={percent(figures.overdueRate, 1)}
          hint={translate('app.dashboard.overdue_hint', { overdue: figures.overdue, total: figures.total })}
          colour="error.dark"
          to={assignmentListUrl({ planId, deadlineClass: 'OVERDUE', asOf: day }, { field: 'dueDate', order: 'ASC' })}
          linkLabel={translate('app.dashboard.overdue_open')}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="average"
          title={translate('app.dashboard.average_progress')}
          value={figures.averageProgress === null ? '—' : `${figures.averageProgress.toFixed(1).replace('.', ',')}%`}
          // Progress is recorded as it is now; the history of each percentage is not kept in the figures.
          hint={isToday ? ' ' : translate('app.dashboard.current_progress_hint')}
          to={assignmentListUrl({ planId }, { field: 'progress', order: 'ASC' })}
          linkLabel={translate('app.dashboard.total_open')}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Kpi
          id="total"
          title={translate('app.dashboard.total')}
          value={String(figures.total)}
          // A phone's card has room for two lines: what is still open; the four classes are in the tabs below.
          hint={
            isSmall
              ? `${translate('app.dashboard.within_deadline')} ${figures.notDoneWithinDeadline} · ${translate('app.dashboard.overdue')} ${figures.overdue}`
              : `${translate('app.dashboard.done_on_time')} ${figures.doneOnTime} · ${translate('app.dashboard.done_late')} ${figures.doneLate} · ${translate('app.dashboard.within_deadline')} ${figures.notDoneWithinDeadline} · ${translate('app.dashboard.overdue')} ${figures.overdue}`
          }
          to={assignmentListUrl({ planId })}
          linkLabel={translate('app.dashboard.total_open')}
        />
      </Grid>
    </Grid>
  );
}
