import { Box, Stack, Typography } from '@mui/material';
import {
  FilterButton, List, Pagination, TopToolbar, useGetIdentity, useListContext, useRefresh, useTranslate,
} from 'react-admin';
import { AssignmentCard } from '../assignments/AssignmentCard.js';
import { ExportButtons } from '../assignments/ExportButtons.js';
import { assignmentFilters } from '../assignments/filters.js';
import type { Assignment, Identity } from '../types.js';

function Cards() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { data, isPending } = useListContext<Assignment>();
  if (isPending) return null;
  if (!data?.length) return <Typography sx={{ p: 2 }}>{translate('app.my_work.empty')}</Typography>;
  return (
    <Stack spacing={1.5} sx={{ p: { xs: 1, sm: 2 } }}>
      {data.map((a) => (
        <AssignmentCard key={a.id} assignment={a} onChanged={refresh} />
      ))}
    </Stack>
  );
}

function Actions({ unitId }: { unitId: string }) {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButtons permanentFilter={{ unitId }} />
    </TopToolbar>
  );
}

/** An officer's own unit's assignments, soonest deadline first, with the buttons they may press. */
export default function MyWork() {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const me = identity as unknown as Identity | undefined;
  if (isPending) return null;
  if (!me?.unitId) return <Typography sx={{ p: 2 }}>{translate('app.my_work.no_unit')}</Typography>;
  return (
    <Box>
      <List
        resource="Assignment"
        storeKey="myWork"
        title={translate('app.my_work.title')}
        filter={{ unitId: me.unitId }}
        filters={assignmentFilters({ withUnit: false })}
        sort={{ field: 'dueDate', order: 'ASC' }}
        perPage={25}
        actions={<Actions unitId={me.unitId} />}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
        disableSyncWithLocation
        empty={false}
      >
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
          {translate('app.my_work.subtitle', { unit: me.unit?.name ?? '' })}
        </Typography>
        <Cards />
      </List>
    </Box>
  );
}
