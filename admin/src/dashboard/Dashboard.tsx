import { Box, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useDataProvider, useGetList, useStore, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.js';
import { formatDay, todayInVietnam } from '../format.js';
import { KpiCards } from './KpiCards.js';
import { LatestChanges, OverdueList } from './Overdue.js';
import { ReportsCard } from './ReportsCard.js';
import { Targets } from './Targets.js';
import { TaskProgressTable } from './TaskProgress.js';
import { UnitChart, UnitRanking } from './UnitProgress.js';

/** The district plan the product was built around opens first. */
export const DEFAULT_PLAN_CODE = 'HT-CDS-TTKDTM-2022';

/** The vice-chairman's overview of one plan, as of today in Vietnam. */
export default function Dashboard() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [chosen, setChosen] = useStore<string | null>('dashboard.planId', null);
  const { data: plans, isPending: plansPending } = useGetList('Plan', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    meta: { sparseFields: ['id', 'code', 'title'] },
  });
  const planId = (plans?.find((p) => p.id === chosen) ?? plans?.find((p) => p.code === DEFAULT_PLAN_CODE) ?? plans?.[0])?.id as
    | string
    | undefined;
  const asOf = todayInVietnam();
  const enabled = !!planId;

  const progress = useQuery({ queryKey: ['planProgress', planId, asOf], queryFn: () => dataProvider.planProgress(planId!, asOf), enabled });
  const targets = useQuery({ queryKey: ['planTargets', planId], queryFn: () => dataProvider.planTargets(planId!), enabled });
  const overdue = useQuery({ queryKey: ['overdue', planId], queryFn: () => dataProvider.overdueAssignments(planId!), enabled });
  const changes = useQuery({ queryKey: ['latestChanges', planId], queryFn: () => dataProvider.latestChanges(planId!, 15), enabled });

  if (plansPending) return <Loading />;
  if (!planId) return <Typography sx={{ p: 2 }}>{translate('app.dashboard.plan_missing')}</Typography>;

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, maxWidth: '100%' }} data-testid="dashboard">
      <Title title={translate('app.dashboard.title')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('app.dashboard.plan')}
          value={planId}
          onChange={(e) => setChosen(e.target.value)}
          sx={{ width: { xs: '100%', md: 640 } }}
          slotProps={{ select: { renderValue: (value) => plans!.find((p) => p.id === value)?.code ?? '' } }}
          helperText={plans!.find((p) => p.id === planId)?.title}
          data-testid="plan-select"
        >
          {plans!.map((p) => (
            <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: 'normal', maxWidth: 640 }}>
              {p.code} — {p.title}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" data-testid="as-of">
          {translate('app.dashboard.as_of', { date: formatDay(progress.data?.asOf ?? asOf) })}
        </Typography>
      </Box>
      {progress.isPending ? (
        <Loading />
      ) : progress.data ? (
        <>
          <KpiCards figures={progress.data.overall} />
          <ReportsCard reports={progress.data.reports} />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <UnitChart rows={progress.data.byUnit} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <UnitRanking rows={progress.data.byUnit} planId={planId} />
            </Grid>
          </Grid>
          <TaskProgressTable rows={progress.data.byTask} />
        </>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>{targets.data && <Targets targets={targets.data} />}</Grid>
        <Grid size={{ xs: 12, lg: 6 }}>{overdue.data && <OverdueList items={overdue.data.items} total={overdue.data.total} />}</Grid>
      </Grid>
      {changes.data && <LatestChanges changes={changes.data} />}
    </Box>
  );
}
