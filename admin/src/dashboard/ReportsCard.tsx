import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import SummarizeIcon from '@mui/icons-material/Summarize';
import { Link, useTranslate } from 'react-admin';
import type { PlanProgress } from '../types.js';

/** One line on the units' period reports beside the assignment figures: accepted so far, and overdue. */
export function ReportsCard({ reports }: { reports: PlanProgress['reports'] }) {
  const translate = useTranslate();
  if (!reports.total) return null;
  return (
    <Card variant="outlined" data-testid="reports-card">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: { xs: 0.5, sm: 2 }, py: 1, '&:last-child': { pb: 1 } }}>
        <SummarizeIcon color="action" fontSize="small" />
        <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography variant="body1" data-testid="reports-line">
            <strong>{translate('app.dashboard.reports_title')}:</strong>{' '}
            {translate('app.dashboard.reports_line', {
              accepted: reports.doneOnTime + reports.doneLate,
              total: reports.total,
              overdue: reports.overdue,
            })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('app.dashboard.reports_hint', {
              onTime: reports.doneOnTime,
              late: reports.doneLate,
              within: reports.notDoneWithinDeadline,
            })}
          </Typography>
        </Box>
        <Button component={Link} to="/UnitReport" size="small">
          {translate('app.dashboard.reports_open')}
        </Button>
      </CardContent>
    </Card>
  );
}
