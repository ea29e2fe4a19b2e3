import { DataTable, FilterButton, FunctionField, ReferenceField, TopToolbar, CreateButton, usePermissions, type RaRecord } from 'react-admin';
import { DeadlineChip, DeadlineChipField, ScopeChip, ScopeChipField, StatusChipField } from '../../assignments/chips.js';
import { ExportButtons } from '../../assignments/ExportButtons.js';
import { assignmentFilters } from '../../assignments/filters.js';
import { EnumField, TaskTitle } from '../../fields.js';
import { formatDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

function Actions() {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {permissions === 'ADMIN' && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
}

/** The whole plan's assignments, filterable by unit, status, deadline class and due dates. */
export default function AssignmentList() {
  return (
    <ResponsiveList
      sort={{ field: 'task', order: 'ASC' }}
      filters={assignmentFilters({ withUnit: true })}
      actions={<Actions />}
      primaryText={(r) => (
        <ReferenceField source="taskId" reference="Task" record={r} link={false}>
          <TaskTitle />
        </ReferenceField>
      )}
      secondaryText={(r) => (
        <>
          <ReferenceField source="unitId" reference="Unit" record={r} link={false} /> · {formatDay(r.dueDate)} · {r.progress}%
        </>
      )}
      tertiaryText={(r) => (
        <>
          <DeadlineChip value={r.deadlineClass} /> <ScopeChip value={r.scope} />
        </>
      )}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="taskId">
          <ReferenceField source="taskId" reference="Task" link={false}>
            <TaskTitle />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="unitId">
          <ReferenceField source="unitId" reference="Unit" link={false} />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" enumName="AssignmentRole" /> <ScopeChipField />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusChipField />
        </DataTable.Col>
        <DataTable.Col source="deadlineClass" disableSort>
          <DeadlineChipField />
        </DataTable.Col>
        <DataTable.Col source="dueDate">
          <FunctionField render={(r: RaRecord) => formatDay(r.dueDate)} />
        </DataTable.Col>
        <DataTable.Col source="daysOverdue" disableSort>
          <FunctionField render={(r: RaRecord) => (r.daysOverdue ? r.daysOverdue : '')} />
        </DataTable.Col>
        <DataTable.Col source="progress">
          <FunctionField render={(r: RaRecord) => `${r.progress}%`} />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
