import { DateInput, SimpleForm, TextInput, maxLength, minLength, required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Alert, FormHelperText } from '@mui/material';
import { EnumInput } from '../../fields.js';
import { kindProblem, weekdayKey, type CalendarDayKind } from './calendar.js';

/** Checks the kind against the chosen day's weekday, as the API will. */
function validateKind(kind: CalendarDayKind, values: { day?: string }) {
  return kindProblem(values.day, kind);
}

function WeekdayOfChosenDay() {
  const translate = useTranslate();
  const day = useWatch({ name: 'day' }) as string | undefined;
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return null;
  return <FormHelperText data-testid="calendar-weekday" sx={{ mt: -1, mb: 1 }}>{translate(weekdayKey(day))}</FormHelperText>;
}

function CalendarHint() {
  const translate = useTranslate();
  return <Alert severity="info" sx={{ mb: 1 }}>{translate('app.calendar.hint')}</Alert>;
}

export function CalendarDayInputs() {
  return (
    <SimpleForm>
      <CalendarHint />
      <DateInput source="day" validate={required()} />
      <WeekdayOfChosenDay />
      <EnumInput source="kind" enumName="CalendarDayKind" validate={[required(), validateKind]} />
      <TextInput source="name" validate={[required(), minLength(2), maxLength(255)]} fullWidth />
      <TextInput source="source" validate={maxLength(255)} fullWidth />
    </SimpleForm>
  );
}
