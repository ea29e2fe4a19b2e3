import { BooleanField, DataTable, FunctionField, ReferenceField, ReferenceInput, AutocompleteInput, type RaRecord } from 'react-admin';
import { DayField, EnumField, EnumInput } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';

const current = (r: RaRecord) =>
  r.current?.valuePercent === null || r.current?.valuePercent === undefined
    ? '—'
    : `${(Math.round(r.current.valuePercent * 10) / 10).toLocaleString('vi-VN')}%`;

export default function TargetList() {
  return (
    <ResponsiveList
      sort={{ field: 'code', order: 'ASC' }}
      filters={[
        <ReferenceInput key="planId" source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
          <AutocompleteInput optionText="code" />
        </ReferenceInput>,
        <EnumInput key="sector" source="sector" enumName="Sector" />,
      ]}
      primaryText={(r) => `${r.code}. ${r.title}`}
      secondaryText={(r) => `≥ ${r.thresholdPercent}% · ${current(r)}`}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="planId" disableSort>
          <ReferenceField source="planId" reference="Plan" />
        </DataTable.Col>
        <DataTable.Col source="sector">
          <EnumField source="sector" enumName="Sector" />
        </DataTable.Col>
        <DataTable.Col source="comparator" disableSort>
          <EnumField source="comparator" enumName="Comparator" />
        </DataTable.Col>
        <DataTable.Col source="thresholdPercent" />
        <DataTable.Col source="deadline">
          <DayField source="deadline" />
        </DataTable.Col>
        <DataTable.Col source="current.valuePercent" disableSort>
          <FunctionField render={current} />
        </DataTable.Col>
        <DataTable.Col source="current.met" disableSort>
          <BooleanField source="current.met" />
        </DataTable.Col>
        <DataTable.Col source="current.basedOnDemoData" disableSort>
          <BooleanField source="current.basedOnDemoData" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
