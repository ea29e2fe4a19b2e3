import { BooleanField, NumberField, ReferenceField, Show, SimpleShowLayout, TextArrayField } from 'react-admin';
import { DayField } from '../../fields.js';

export default function IndicatorValueShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="facilityId" reference="Facility" />
        <DayField source="asOf" />
        <BooleanField source="usesDigitalPlatform" />
        <BooleanField source="acceptsCashless" />
        <TextArrayField source="platforms" />
        <NumberField source="totalTransactions" emptyText="—" />
        <NumberField source="cashlessTransactions" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
