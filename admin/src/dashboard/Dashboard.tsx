import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Box, Grid, MenuItem, Tab, Tabs, TextField, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useDataProvider, useGetIdentity, useGetList, useStore, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { AppDataProvider } from '../dataProvider.js';
import { todayInVietnam } from '../format.js';
import { fetchOverdue } from './api.js';
import { AsOfField, AsOfStatement, isDay } from './AsOfPicker.js';
import { defaultAsOf, seriesStart, type PlanPeriod } from './asOf.js';
import { KpiCards } from './KpiCards.js';
import { previousVisit } from './lastVisit.js';
import { OverdueList, RecentChanges, statusChanges } from './Overdue.js';
import { ProgressTrend } from './ProgressTrend.js';
import { ReportsCard } from './ReportsCard.js';
import { TaskProgressTable } from './TaskProgress.js';
import { UnitRanking, WorstUnits } from './UnitProgress.js';
import { Pending } from './Pending.js';

// Charts load with the tab that shows them: the first screen of a slow phone carries none.
const UnitChart = lazy(() => import('./UnitChart.js'));
const Targets = lazy(() => import('./Targets.js').then((m) => ({ default: m.Targets })));

/** The district plan the product was built around opens first. */
export const DEFAULT_PLAN_CODE = 'HT-CDS-TTKDTM-2022';

const TABS = ['units', 'trend', 'tasks', 'overdue', 'targets'] as const;
type TabName = (typeof TABS)[number];

/** Overdue rows shown on the overview; the assignment list pages through all of them. */
const OVERDUE_SHOWN = 10;
/** Status changes asked for: enough to say "more than N new" and to show a screenful. */
const CHANGES_FETCHED = 30;

type PlanRecord = PlanPeriod & { id: string; code: string; title: string };

function TabPanel({ name, current, children }: { name: TabName; current: TabName; children: ReactNode }) {
  if (name !== current) return null;
  return (
    <Box role="tabpanel" id={`dashboard-panel-${name}`} aria-labelledby={`dashboard-tab-${name}`} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid={`panel-${name}`}>
      {children}
    </Box>
  );
}

/**
 * The vice-chairman's overview of one plan as of one day. The first screen holds what to act on today:
 * the figures, the units furthest behind and what changed since the last visit; the long lists are
 * behind tabs below. The day, the tab and so every figure are in the address, to be sent or printed.
 */
export default function Dashboard() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [params, setParams] = useSearchParams();
  const [chosen, setChosen] = useStore<string | null>('dashboard.planId', null);
  const { identity } = useGetIdentity();
  const { data: plans, isPending: plansPending } = useGetList<PlanRecord>('Plan', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    meta: { sparseFields: ['id', 'code', 'title', 'status', 'periodStart', 'periodEnd', 'issueDate'] },
  });
  const plan = plans?.find((p) => p.id === chosen) ?? plans?.find((p) => p.code === DEFAULT_PLAN_CODE) ?? plans?.[0];
  const planId = plan?.id;
  const today = todayInVietnam();
  const fallback = defaultAsOf(plan, today);
  const requested = params.get('asOf');
  const asOf = requested && isDay(requested) ? requested : fallback;
  const isToday = asOf === today;
  const tabParam = params.get('tab') as TabName | null;
  const tab: TabName = tabParam && TABS.includes(tabParam) ? tabParam : 'units';
  const enabled = !!planId;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const progress = useQuery({ queryKey: ['planProgress', planId, asOf], queryFn: () => dataProvider.planProgress(planId!, asOf), enabled });
  const changes = useQuery({
    queryKey: ['latestChanges', planId],
    queryFn: async () => statusChanges(await dataProvider.latestChanges(planId!, CHANGES_FETCHED)),
    enabled,
  });
  const overdue = useQuery({
    queryKey: ['overdueAssignments', planId, asOf],
    queryFn: () => fetchOverdue(planId!, asOf, OVERDUE_SHOWN),
    enabled: enabled && tab === 'overdue',
  });
  const targets = useQuery({
    queryKey: ['planTargets', planId, asOf],
    queryFn: () => dataProvider.planTargets(planId!, asOf),
    enabled: enabled && tab === 'targets',
  });
  // Read once per plan and sitting: the baseline must not move while the reader is looking.
  const since = useMemo(() => (identity?.id && planId ? previousVisit(String(identity.id), planId) : null), [identity?.id, planId]);

  if (plansPending) return <Loading />;
  if (!plan || !planId) return <Typography sx={{ p: 2 }}>{translate('app.dashboard.plan_missing')}</Typography>;
  const link = { planId, asOf: isToday ? undefined : asOf };
  const setAsOf = (day: string) => setParam('asOf', day === fallback ? null : day);

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: { xs: 1, sm: 1.5 }, minWidth: 0, maxWidth: '100%' }} data-testid="dashboard">
      <Title title={translate('app.dashboard.title')} />
      {/* On paper the plan picker is gone: the page says which plan it is about. */}
      <Typography variant="h6" component="p" sx={{ display: 'none', '@media print': { display: 'block' } }} data-testid="print-heading">
        {translate('app.dashboard.title')}: {plan.code} — {plan.title}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          fullWidth={false}
          label={translate('app.dashboard.plan')}
          value={planId}
          onChange={(e) => setChosen(e.target.value)}
          sx={{ flex: { xs: '1 1 180px', md: '0 1 560px' }, width: { xs: 'auto' }, minWidth: 0, '& .MuiFormHelperText-root': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
          slotProps={{ select: { renderValue: (value) => plans!.find((p) => p.id === value)?.code ?? '' } }}
          helperText={isSmall ? undefined : plan.title}
          title={plan.title}
          data-testid="plan-select"
          data-print="hide"
        >
          {plans!.map((p) => (
            <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: 'normal', maxWidth: 640 }}>
              {p.code} — {p.title}
            </MenuItem>
          ))}
        </TextField>
        <AsOfField plan={plan} asOf={asOf} today={today} onChange={setAsOf} />
      </Box>
      <AsOfStatement plan={plan} asOf={asOf} today={today} onChange={setAsOf} />
      {progress.isPending ? (
        <Loading />
      ) : progress.data ? (
        <>
          <KpiCards figures={progress.data.overall} planId={planId} asOf={asOf} isToday={isToday} isSmall={isSmall} />
          <Grid container spacing={1}>
            <Grid size={{ xs: 12, md: 6 }}>
              <WorstUnits rows={progress.data.byUnit} count={isSmall ? 3 : 5} link={link} asOf={asOf} onShowAll={() => setParam('tab', 'units')} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              {changes.data ? (
                <RecentChanges changes={changes.data} since={since} shown={isSmall ? 2 : 4} fetched={CHANGES_FETCHED} />
              ) : (
                <Pending />
              )}
            </Grid>
          </Grid>
          <ReportsCard reports={progress.data.reports} />
          <Tabs
            value={tab}
            onChange={(_, value: TabName) => setParam('tab', value === 'units' ? null : value)}
            variant="scrollable"
            allowScrollButtonsMobile
            aria-label={translate('app.dashboard.tabs')}
            sx={{ borderBottom: 1, borderColor: 'divider' }}
            data-testid="dashboard-tabs"
            data-print="hide"
          >
            {TABS.map((name) => (
              <Tab
                key={name}
                value={name}
                id={`dashboard-tab-${name}`}
                aria-controls={`dashboard-panel-${name}`}
                label={name === 'overdue' ? translate('app.dashboard.tab_overdue', { count: progress.data.overall.overdue }) : translate(`app.dashboard.tab_${name}`)}
                data-testid={`tab-${name}`}
              />
            ))}
          </Tabs>
          <TabPanel name="units" current={tab}>
            <UnitRanking rows={progress.data.byUnit} planId={planId} link={link} asOf={asOf} isSmall={isSmall} />
            {!isSmall && (
              <Suspense fallback={<Pending />}>
                <UnitChart rows={progress.data.byUnit} />
              </Suspense>
            )}
          </TabPanel>
          <TabPanel name="trend" current={tab}>
            <ProgressTrend planId={planId} from={seriesStart(plan, asOf)} to={asOf} units={progress.data.byUnit} />
          </TabPanel>
          <TabPanel name="tasks" current={tab}>
            <TaskProgressTable rows={progress.data.byTask} planId={planId} asOf={link.asOf} isSmall={isSmall} />
          </TabPanel>
          <TabPanel name="overdue" current={tab}>
            {overdue.data ? (
              <OverdueList items={overdue.data.items} total={overdue.data.total} planId={planId} asOf={asOf} isToday={isToday} isSmall={isSmall} />
            ) : (
              <Pending />
            )}
          </TabPanel>
          <TabPanel name="targets" current={tab}>
            <Suspense fallback={<Pending />}>{targets.data ? <Targets targets={targets.data} isSmall={isSmall} /> : <Pending />}</Suspense>
          </TabPanel>
        </>
      ) : null}
    </Box>
  );
}
