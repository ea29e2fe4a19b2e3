import { BooleanField, DataTable, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DayField, EnumField } from '../../fields.js';

export default function FacilityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="communeId" reference="Unit" />
        <EnumField source="sector" enumName="FacilitySector" />
        <EnumField source="level" enumName="FacilityLevel" />
        <BooleanField source="isDemo" />
        <ReferenceManyField reference="IndicatorValue" target="facilityId" sort={{ field: 'asOf', order: 'DESC' }} label="resources.Facility.fields.indicatorValues">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="asOf">
              <DayField source="asOf" />
            </DataTable.Col>
            <DataTable.Col source="usesDigitalPlatform">
              <BooleanField source="usesDigitalPlatform" />
            </DataTable.Col>
            <DataTable.Col source="acceptsCashless">
              <BooleanField source="acceptsCashless" />
            </DataTable.Col>
            <DataTable.Col source="totalTransactions" />
            <DataTable.Col source="cashlessTransactions" />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
