import { BooleanField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DayField, EnumField } from '../../fields.js';

export default function TargetShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="title" />
        <ReferenceField source="planId" reference="Plan" />
        <EnumField source="sector" enumName="Sector" />
        <EnumField source="metric" enumName="TargetMetric" />
        <EnumField source="comparator" enumName="Comparator" />
        <NumberField source="thresholdPercent" locales="vi-VN" />
        <DayField source="deadline" />
        <NumberField source="current.valuePercent" emptyText="—" locales="vi-VN" options={{ maximumFractionDigits: 1 }} />
        <BooleanField source="current.met" />
        <BooleanField source="current.basedOnDemoData" />
      </SimpleShowLayout>
    </Show>
  );
}
