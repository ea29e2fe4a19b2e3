import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, SearchInput } from 'react-admin';
import { EnumField, EnumInput } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function UserList() {
  return (
    <ResponsiveList
      sort={{ field: 'username', order: 'ASC' }}
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <EnumInput key="role" source="role" enumName="Role" alwaysOn />,
        <ReferenceInput key="unitId" source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
      ]}
      primaryText={(r) => r.fullName}
      secondaryText={(r) => r.username}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="fullName" />
        <DataTable.Col source="role">
          <EnumField source="role" enumName="Role" />
        </DataTable.Col>
        <DataTable.Col source="unitId" disableSort>
          <ReferenceField source="unitId" reference="Unit" link={false} />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
