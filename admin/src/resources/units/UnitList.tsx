import { DataTable, ReferenceField, SearchInput, TextField } from 'react-admin';
import { EnumField, EnumInput } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function UnitList() {
  return (
    <ResponsiveList
      sort={{ field: 'name', order: 'ASC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="kind" source="kind" enumName="UnitKind" alwaysOn />]}
      primaryText={(r) => r.name}
      secondaryText={(r) => r.code}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="shortName" disableSort />
        <DataTable.Col source="kind">
          <EnumField source="kind" enumName="UnitKind" />
        </DataTable.Col>
        <DataTable.Col source="reportsThroughId" disableSort>
          <ReferenceField source="reportsThroughId" reference="Unit" emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
