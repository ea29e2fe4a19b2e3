import { DataTable, FunctionField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, type RaRecord } from 'react-admin';
import { DeadlineChipField, ScopeChipField, StatusChipField } from '../../assignments/chips.js';
import { AssumptionLine, DayField, EnumField, TaskTitle } from '../../fields.js';

export default function UnitShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="shortName" emptyText="—" />
        <EnumField source="kind" enumName="UnitKind" />
        <ReferenceField source="parentId" reference="Unit" emptyText="—" />
        <ReferenceField source="reportsThroughId" reference="Unit" emptyText="—" />
        <AssumptionLine />
        <ReferenceManyField reference="Assignment" target="unitId" sort={{ field: 'task', order: 'ASC' }} perPage={100} label="resources.Assignment.name">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="taskId">
              <ReferenceField source="taskId" reference="Task" link={false}>
                <TaskTitle />
              </ReferenceField>{' '}
              <ScopeChipField />
            </DataTable.Col>
            <DataTable.Col source="dueDate">
              <DayField source="dueDate" />
            </DataTable.Col>
            <DataTable.Col source="status">
              <StatusChipField />
            </DataTable.Col>
            <DataTable.Col source="deadlineClass">
              <DeadlineChipField />
            </DataTable.Col>
            <DataTable.Col source="progress">
              <FunctionField render={(r: RaRecord) => `${r.progress}%`} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
