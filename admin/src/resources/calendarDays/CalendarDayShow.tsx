import { FunctionField, Show, SimpleShowLayout, TextField, useTranslate, type RaRecord } from 'react-admin';
import { DayField } from '../../fields.js';
import { weekdayKey } from './calendar.js';
import { CalendarDayKindField } from './CalendarDayKindChip.js';

export default function CalendarDayShow() {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <DayField source="day" />
        <FunctionField source="weekday" render={(r: RaRecord) => translate(weekdayKey(r.day))} />
        <CalendarDayKindField source="kind" />
        <TextField source="name" />
        <TextField source="source" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
