import { AutocompleteInput, DataTable, ReferenceField, ReferenceInput } from 'react-admin';
import { DayField, EnumField, EnumInput } from '../../fields.js';
import { formatDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function ReportingObligationList() {
  return (
    <ResponsiveList
      sort={{ field: 'dueBefore', order: 'ASC' }}
      filters={[
        <ReferenceInput key="reporterId" source="reporterId" reference="Unit" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
        <EnumInput key="period" source="period" enumName="ReportPeriod" alwaysOn />,
      ]}
      primaryText={(r) => r.subject}
      secondaryText={(r) => formatDay(r.dueBefore)}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="period">
          <EnumField source="period" enumName="ReportPeriod" />
        </DataTable.Col>
        <DataTable.Col source="dueBefore">
          <DayField source="dueBefore" />
        </DataTable.Col>
        <DataTable.Col source="reporterId" disableSort>
          <ReferenceField source="reporterId" reference="Unit" link={false} />
        </DataTable.Col>
        <DataTable.Col source="throughId" disableSort>
          <ReferenceField source="throughId" reference="Unit" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="recipientId" disableSort>
          <ReferenceField source="recipientId" reference="Unit" link={false} />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
