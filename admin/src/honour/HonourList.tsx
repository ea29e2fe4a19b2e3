import { useEffect } from 'react';
import { Alert, Box, Card, CardContent, CircularProgress, Container, Link as MuiLink, Typography } from '@mui/material';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { NominationKind } from '../awards/api.js';
import { toAppError } from '../errors.js';
import { formatDay, sentenceCase } from '../format.js';
import { fetchHonourList, groupHonours, type HonourEntry } from './api.js';

const KINDS: NominationKind[] = ['FACILITY', 'UNIT'];

function Entry({ entry }: { entry: HonourEntry }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none' }} data-testid="honour-entry" data-kind={entry.kind}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600, lineHeight: 1.3 }} data-testid="honour-name">
          {entry.name}
        </Typography>
        {entry.communeName && (
          <Typography variant="body2" color="text.secondary">
            {entry.communeName}
          </Typography>
        )}
        <Typography variant="body2">{entry.achievement}</Typography>
        {entry.decisionDate && (
          <Typography variant="caption" color="text.secondary" data-testid="honour-decision">
            {entry.decisionNumber
              ? translate('app.honour.decision', { number: entry.decisionNumber, date: formatDay(entry.decisionDate) })
              : translate('app.honour.decision_unnumbered', { date: formatDay(entry.decisionDate) })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * "Vinh danh", the public page: the schools, clinics and units the district has honoured, by plan and
 * period, with the decision that honoured them. Outside the sign-in; it shows names, places and
 * achievements only, never who proposed or decided.
 */
export default function HonourList() {
  const translate = useTranslate();
  const honours = useQuery({ queryKey: ['honourList'], queryFn: fetchHonourList });

  useEffect(() => {
    const before = document.title;
    document.title = `${translate('app.honour.title')} — ${translate('app.title')}`;
    return () => {
      document.title = before;
    };
  }, [translate]);

  const plans = honours.data ? groupHonours(honours.data) : [];
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }} data-testid="honour-page">
      <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', py: { xs: 2, sm: 3 } }}>
        <Container maxWidth="md" sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <EmojiEventsIcon sx={{ fontSize: { xs: 36, sm: 48 } }} />
          <Box>
            <Typography variant="h5" component="h1">
              {translate('app.honour.heading')}
            </Typography>
            <Typography variant="body2" sx={{ opacity: 0.9 }}>
              {translate('app.honour.intro')}
            </Typography>
          </Box>
        </Container>
      </Box>
      <Container component="main" maxWidth="md" sx={{ py: 2, display: 'flex', flexDirection: 'column', gap: 3 }}>
        {honours.isPending ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress />
          </Box>
        ) : honours.isError ? (
          <Alert severity="error">{translate(toAppError(honours.error).message, { _: toAppError(honours.error).message })}</Alert>
        ) : !plans.length ? (
          <Typography color="text.secondary" data-testid="honour-empty">
            {translate('app.honour.empty')}
          </Typography>
        ) : (
          plans.map((plan) => (
            <Box component="section" key={plan.planId} data-testid="honour-plan" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Typography variant="subtitle1" component="h2" color="text.secondary" sx={{ lineHeight: 1.4 }}>
                {plan.planTitle}
              </Typography>
              {plan.periods.map((period) => (
                <Box key={period.periodEnd} data-testid="honour-period" data-period-end={period.periodEnd} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
                  <Typography variant="h6" component="h3">
                    {sentenceCase(period.periodLabel)}
                  </Typography>
                  {KINDS.map((kind) => {
                    const entries = period.entries.filter((e) => e.kind === kind);
                    if (!entries.length) return null;
                    return (
                      <Box key={kind}>
                        <Typography variant="overline" color="text.secondary" component="p">
                          {translate(`app.honour.groups.${kind}`)}
                        </Typography>
                        <Box component="ul" sx={{ p: 0, m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 1 }}>
                          {entries.map((entry) => (
                            <Entry key={`${entry.kind}-${entry.name}-${entry.communeName ?? ''}`} entry={entry} />
                          ))}
                        </Box>
                      </Box>
                    );
                  })}
                </Box>
              ))}
            </Box>
          ))
        )}
        <Typography variant="body2" sx={{ textAlign: 'center', pt: 2 }}>
          <MuiLink component={RouterLink} to="/login" data-testid="honour-sign-in">
            {translate('app.honour.sign_in')}
          </MuiLink>
        </Typography>
      </Container>
    </Box>
  );
}
