import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, useTranslate, type RaRecord } from 'react-admin';
import { TargetStatusField, TargetValueField, targetValueAgainstThreshold } from '../../dashboard/TargetStatus.js';
import { DayField, EnumField, EnumInput } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';

export default function TargetList() {
  const translate = useTranslate();
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
      secondaryText={(r: RaRecord) =>
        `${r.current ? translate(`app.enums.TargetStatus.${r.current.status}`) : ''} · ${targetValueAgainstThreshold(r as never)}`
      }
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
        <DataTable.Col source="deadline">
          <DayField source="deadline" />
        </DataTable.Col>
        <DataTable.Col source="current.valuePercent" disableSort>
          <TargetValueField />
        </DataTable.Col>
        <DataTable.Col source="current.status" disableSort>
          <TargetStatusField />
        </DataTable.Col>
        <DataTable.Col source="current.basedOnDemoData" disableSort>
          <BooleanField source="current.basedOnDemoData" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
