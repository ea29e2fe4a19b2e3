import { BooleanField, FunctionField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import {
  TargetFacilitiesField,
  TargetFiguresField,
  TargetNotApplicableReason,
  TargetStatusField,
  TargetValueField,
} from '../../dashboard/TargetStatus.js';
import { DayField, EnumField } from '../../fields.js';
import { formatDay } from '../../format.js';

export default function TargetShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="title" />
        <ReferenceField source="planId" reference="Plan" />
        <EnumField source="sector" enumName="Sector" />
        <EnumField source="metric" enumName="TargetMetric" />
        <DayField source="deadline" />
        <TextField source="note" emptyText="—" />
        <TargetStatusField source="current.status" />
        <TargetNotApplicableReason />
        <TargetValueField source="current.valuePercent" />
        <TargetFiguresField source="current.numerator" />
        <TargetFacilitiesField source="current.facilitiesCounted" />
        <FunctionField source="current.asOf" render={(r: { current?: { asOf: string } }) => formatDay(r.current?.asOf)} />
        <BooleanField source="current.basedOnDemoData" />
      </SimpleShowLayout>
    </Show>
  );
}
