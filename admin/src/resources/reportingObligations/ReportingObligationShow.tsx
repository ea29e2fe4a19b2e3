import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DayField, EnumField } from '../../fields.js';

export default function ReportingObligationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="planId" reference="Plan" />
        <TextField source="subject" />
        <EnumField source="period" enumName="ReportPeriod" />
        <DayField source="dueBefore" />
        <ReferenceField source="reporterId" reference="Unit" />
        <ReferenceField source="throughId" reference="Unit" emptyText="—" />
        <ReferenceField source="recipientId" reference="Unit" />
      </SimpleShowLayout>
    </Show>
  );
}
