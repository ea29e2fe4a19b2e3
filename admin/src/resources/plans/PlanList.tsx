import { DataTable, SearchInput } from 'react-admin';
import { DayField, EnumField } from '../../fields.js';
import { formatDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function PlanList() {
  return (
    <ResponsiveList
      sort={{ field: 'code', order: 'ASC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      primaryText={(r) => r.title}
      secondaryText={(r) => `${r.code}${r.number ? ` · ${r.number}` : ''}`}
      tertiaryText={(r) => formatDay(r.issueDate)}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="number" disableSort />
        <DataTable.Col source="title" />
        <DataTable.Col source="issuingBody" disableSort />
        <DataTable.Col source="issueDate">
          <DayField source="issueDate" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" enumName="PlanStatus" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
