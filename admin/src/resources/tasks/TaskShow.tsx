import { DataTable, FunctionField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, type RaRecord } from 'react-admin';
import { DeadlineChipField, ScopeChipField, StatusChipField } from '../../assignments/chips.js';
import { AssumptionLine, DayField, EnumField } from '../../fields.js';

export default function TaskShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="number" />
        <TextField source="title" />
        <TextField source="description" emptyText="—" />
        <DayField source="dueDate" />
        <AssumptionLine />
        <ReferenceField source="planId" reference="Plan" />
        <ReferenceField source="parentId" reference="Task" emptyText="—" />
        <ReferenceManyField reference="Task" target="parentId" sort={{ field: 'position', order: 'ASC' }} label="resources.Task.fields.subtasks">
          <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
            <DataTable.Col source="number" />
            <DataTable.Col source="title" />
          </DataTable>
        </ReferenceManyField>
        <ReferenceManyField reference="Assignment" target="taskId" sort={{ field: 'unit', order: 'ASC' }} perPage={100} label="resources.Task.fields.assignments">
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="unitId">
              <ReferenceField source="unitId" reference="Unit" link={false} />
            </DataTable.Col>
            <DataTable.Col source="role">
              <EnumField source="role" enumName="AssignmentRole" /> <ScopeChipField />
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
