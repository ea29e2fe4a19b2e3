import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, SearchInput } from 'react-admin';
import { EnumField, EnumInput } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function FacilityList() {
  return (
    <ResponsiveList
      sort={{ field: 'code', order: 'ASC' }}
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <ReferenceInput key="communeId" source="communeId" reference="Unit" filter={{ kind: ['COMMUNE', 'TOWNSHIP'] }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
        <EnumInput key="sector" source="sector" enumName="FacilitySector" alwaysOn />,
        <EnumInput key="level" source="level" enumName="FacilityLevel" />,
      ]}
      primaryText={(r) => r.name}
      secondaryText={(r) => r.code}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="communeId" disableSort>
          <ReferenceField source="communeId" reference="Unit" link={false} />
        </DataTable.Col>
        <DataTable.Col source="sector">
          <EnumField source="sector" enumName="FacilitySector" />
        </DataTable.Col>
        <DataTable.Col source="level">
          <EnumField source="level" enumName="FacilityLevel" />
        </DataTable.Col>
        <DataTable.Col source="isDemo" disableSort>
          <BooleanField source="isDemo" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
