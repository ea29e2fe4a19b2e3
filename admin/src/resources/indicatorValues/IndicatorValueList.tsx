import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput } from 'react-admin';
import { DayField } from '../../fields.js';
import { formatDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function IndicatorValueList() {
  return (
    <ResponsiveList
      sort={{ field: 'asOf', order: 'DESC' }}
      filters={[
        <ReferenceInput key="facilityId" source="facilityId" reference="Facility" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
      ]}
      primaryText={(r) => <ReferenceField source="facilityId" reference="Facility" record={r} link={false} />}
      secondaryText={(r) => formatDay(r.asOf)}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="facilityId" disableSort>
          <ReferenceField source="facilityId" reference="Facility" link={false} />
        </DataTable.Col>
        <DataTable.Col source="asOf">
          <DayField source="asOf" />
        </DataTable.Col>
        <DataTable.Col source="usesDigitalPlatform" disableSort>
          <BooleanField source="usesDigitalPlatform" />
        </DataTable.Col>
        <DataTable.Col source="acceptsCashless" disableSort>
          <BooleanField source="acceptsCashless" />
        </DataTable.Col>
        <DataTable.Col source="totalTransactions" disableSort />
        <DataTable.Col source="cashlessTransactions" disableSort />
      </DataTable>
    </ResponsiveList>
  );
}
