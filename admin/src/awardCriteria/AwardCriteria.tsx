import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { CONFIGURING_ROLES } from '../awards/api.js';
import { PlanSelect, usePlanChoice } from '../resources/plans/PlanPicker.js';
import { isConflict, toAppError } from '../errors.js';
import type { Role } from '../types.js';
import {
  CRITERIA_FIELDS, DECIMAL_FIELDS, FACILITY_FIELDS, FACILITY_WEIGHTS, GENERAL_FIELDS, UNIT_FIELDS, UNIT_WEIGHTS, fetchCriteria, saveCriteria,
  type AwardCriteria as Criteria, type CriteriaField,
} from './api.js';

type Form = Record<CriteriaField, string>;

const toForm = (c: Criteria): Form => Object.fromEntries(CRITERIA_FIELDS.map((f) => [f, String(c[f])])) as Form;

/** A number input's value is "" when what was typed is not a number; whole-number fields refuse decimals. */
function parse(field: CriteriaField, text: string): number | null {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isFinite(value)) return null;
  return DECIMAL_FIELDS.includes(field) || Number.isInteger(value) ? value : null;
}

/**
 * "Tiêu chí khen thưởng": the weights and thresholds the evaluation scores a period with. The leader
 * (or ADMIN) changes them for the next evaluation; others read them. The API checks every range and
 * names the field it refuses, which the form marks.
 */
export default function AwardCriteria() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<Role>();
  const mayEdit = !!role && CONFIGURING_ROLES.includes(role);
  const { plans, planId, setPlanId, isPending: plansPending } = usePlanChoice();
  const criteria = useQuery({ queryKey: ['awardCriteria', planId], queryFn: () => fetchCriteria(planId!), enabled: !!planId });
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<CriteriaField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The form starts from what was read, and again whenever a save or a reload brings a new version.
  useEffect(() => {
    if (criteria.data) {
      setForm(toForm(criteria.data));
      setErrors({});
    }
  }, [criteria.data]);

  if (plansPending || (criteria.isPending && !criteria.isError)) return <Loading />;
  if (criteria.isError) {
    const e = toAppError(criteria.error);
    return <Alert severity="error">{translate(e.message, { _: e.message })}</Alert>;
  }
  const current = criteria.data;
  if (!form || !current) return <Loading />;

  const save = async () => {
    const values: Partial<Record<CriteriaField, number>> = {};
    const wrong: Partial<Record<CriteriaField, string>> = {};
    for (const field of CRITERIA_FIELDS) {
      const value = parse(field, form[field]);
      if (value === null) wrong[field] = translate(DECIMAL_FIELDS.includes(field) ? 'app.award_criteria.number_required' : 'app.award_criteria.whole_number_required');
      else values[field] = value;
    }
    setErrors(wrong);
    setMessage(null);
    if (Object.keys(wrong).length) return;
    setSaving(true);
    try {
      const saved = await saveCriteria(current.planId, current.version, values as Record<CriteriaField, number>);
      queryClient.setQueryData(['awardCriteria', planId], saved);
      notify('app.award_criteria.saved', { type: 'success' });
    } catch (error) {
      const e = toAppError(error);
      const text = translate(e.message, { _: e.message });
      if (isConflict(e)) {
        notify(text, { type: 'error', autoHideDuration: 8000 });
        await queryClient.invalidateQueries({ queryKey: ['awardCriteria', planId] });
        return;
      }
      // The API lists every problem it found; the first one is also the error's own argument.
      const problems = Array.isArray(e.details.problems) ? (e.details.problems as Array<{ argument: string; message: string }>) : [];
      const argument = typeof e.details.argument === 'string' ? e.details.argument : null;
      const byField = Object.fromEntries(problems.map((p) => [p.argument, p.message]));
      if (argument && !byField[argument]) byField[argument] = text;
      setErrors(byField);
      setMessage(text);
    } finally {
      setSaving(false);
    }
  };

  const total = (fields: CriteriaField[]) => fields.reduce((sum, f) => sum + (parse(f, form[f]) ?? 0), 0);
  // Labels are whole sentences from the plan's wording: written above the box, where a phone has room for them.
  const field = (name: CriteriaField) => (
    <Box key={name} sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Typography component="label" htmlFor={`criteria-${name}`} variant="body2" color={errors[name] ? 'error' : 'text.primary'}>
        {translate(`app.award_criteria.fields.${name}`)}
      </Typography>
      <TextField
        id={`criteria-${name}`}
        type="number"
        size="small"
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        error={!!errors[name]}
        helperText={errors[name]}
        disabled={!mayEdit}
        sx={{ maxWidth: 200 }}
        slotProps={{
          htmlInput: { step: DECIMAL_FIELDS.includes(name) ? 'any' : 1, min: 0, 'data-testid': `criteria-${name}` },
          formHelperText: { 'data-testid': `criteria-${name}-helper`, sx: { mx: 0 } } as object,
        }}
      />
    </Box>
  );
  const section = (title: string, fields: readonly CriteriaField[], weights: CriteriaField[] | null, testId: string) => (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {weights && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid={`${testId}-total`}>
            {translate('app.award_criteria.total_weight', { total: total(weights) })}
          </Typography>
        )}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3, rowGap: 2, pt: 1 }}>{fields.map(field)}</Box>
      </CardContent>
    </Card>
  );

  return (
    <Box
      sx={{ p: { xs: 1, sm: 2 }, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0, maxWidth: 960 }}
      data-testid="award-criteria"
      data-version={current.version}
    >
      <Title title={translate('app.award_criteria.title')} />
      <PlanSelect plans={plans} planId={planId} onChange={setPlanId} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {translate('app.award_criteria.hint')}
        </Typography>
        {current.isDefault && <Chip label={translate('app.award_criteria.defaults')} data-testid="criteria-default" sx={{ alignSelf: 'flex-start' }} />}
      </Stack>
      {!mayEdit && <Alert severity="info">{translate('app.award_criteria.read_only')}</Alert>}
      {message && (
        <Alert severity="error" data-testid="criteria-error">
          {message}
        </Alert>
      )}
      {section(translate('app.award_criteria.facility_section'), FACILITY_FIELDS, FACILITY_WEIGHTS, 'criteria-facility')}
      {section(translate('app.award_criteria.unit_section'), UNIT_FIELDS, UNIT_WEIGHTS, 'criteria-unit')}
      {section(translate('app.award_criteria.general_section'), GENERAL_FIELDS, null, 'criteria-general')}
      {mayEdit && (
        <Box>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={saving} onClick={() => void save()} data-testid="criteria-save">
            {translate('ra.action.save')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
