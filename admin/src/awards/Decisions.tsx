import { Box, Card, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { fetchDecisions, type Nomination } from './api.js';
import { DecisionDownload, DecisionLine } from './ApproveDialog.js';

/** The period's decisions, each with its draft to download again: the records office may ask for it days later. */
export function Decisions({ planId, periodEnd, nominations }: { planId: string; periodEnd: string; nominations: Nomination[] }) {
  const translate = useTranslate();
  // Refetched when a batch is approved: the nominations' decision ids change with it.
  const approved = nominations.filter((n) => n.decisionId).map((n) => n.decisionId).sort().join(',');
  const decisions = useQuery({ queryKey: ['awardDecisions', planId, periodEnd, approved], queryFn: () => fetchDecisions(planId, periodEnd) });
  const loaded = decisions.data ?? [];
  if (!loaded.length) return null;
  return (
    <Card variant="outlined" data-testid="decisions">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="h6" component="h2">
          {translate('app.awards.decisions')}
        </Typography>
        {loaded.map((d) => (
          <Box key={d.id} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="decision" data-id={d.id}>
            <Typography variant="body2" sx={{ flexGrow: 1 }}>
              <DecisionLine decision={d} /> ·{' '}
              {translate('app.awards.decision_count', { smart_count: nominations.filter((n) => n.decisionId === d.id).length })}
            </Typography>
            <DecisionDownload decision={d} />
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
