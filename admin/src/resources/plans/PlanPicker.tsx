import { MenuItem, TextField } from '@mui/material';
import { useGetList, useStore, useTranslate } from 'react-admin';

/** The plan the overview opens on (dashboard/Dashboard.tsx), without loading the overview's charts here. */
const DEFAULT_PLAN_CODE = 'HT-CDS-TTKDTM-2022';

interface PlanOption {
  id: string;
  code: string;
  title: string;
}

/** The plan chosen anywhere in the admin (shared with the overview), or the seeded district plan. */
export function usePlanChoice() {
  const [chosen, setChosen] = useStore<string | null>('dashboard.planId', null);
  const { data, isPending } = useGetList<PlanOption>('Plan', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
    meta: { sparseFields: ['id', 'code', 'title'] },
  });
  const plans = data ?? [];
  const planId = (plans.find((p) => p.id === chosen) ?? plans.find((p) => p.code === DEFAULT_PLAN_CODE) ?? plans[0])?.id as string | undefined;
  return { plans, planId, setPlanId: setChosen, isPending };
}

/** Shown only when there is a choice to make. */
export function PlanSelect({ plans, planId, onChange }: { plans: PlanOption[]; planId: string | undefined; onChange: (id: string) => void }) {
  const translate = useTranslate();
  if (plans.length < 2) return null;
  return (
    <TextField
      select
      size="small"
      label={translate('app.dashboard.plan')}
      value={planId ?? ''}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width: { xs: '100%', md: 640 } }}
      slotProps={{ select: { renderValue: (value) => plans.find((p) => p.id === value)?.code ?? '' } }}
    >
      {plans.map((p) => (
        <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: 'normal', maxWidth: 640 }}>
          {p.code} — {p.title}
        </MenuItem>
      ))}
    </TextField>
  );
}
