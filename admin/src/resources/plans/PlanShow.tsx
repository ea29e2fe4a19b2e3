import { DataTable, ReferenceField, ReferenceManyField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { AssumptionLine, DayField, EnumField } from '../../fields.js';
import { EscalationPolicyPanel } from './EscalationPolicyPanel.js';

export default function PlanShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.tabs.general">
          <TextField source="code" />
          <TextField source="title" />
          <TextField source="number" emptyText="—" />
          <TextField source="issuingBody" />
          <DayField source="issueDate" />
          <TextField source="issuePlaceAndDate" />
          <DayField source="periodStart" />
          <DayField source="periodEnd" />
          <TextField source="signerName" />
          <TextField source="signerTitle" />
          <EnumField source="status" enumName="PlanStatus" />
          <ReferenceField source="parentId" reference="Plan" emptyText="—" />
          <AssumptionLine />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Plan.fields.targets" path="targets">
          <ReferenceManyField reference="Target" target="planId" sort={{ field: 'code', order: 'ASC' }} label={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="code" />
              <DataTable.Col source="title" />
              <DataTable.Col source="thresholdPercent" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Plan.fields.tasks" path="tasks">
          <ReferenceManyField reference="Task" target="planId" sort={{ field: 'position', order: 'ASC' }} perPage={100} label={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="number" />
              <DataTable.Col source="title" />
              <DataTable.Col source="dueDate">
                <DayField source="dueDate" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.escalation.title" path="escalation">
          <EscalationPolicyPanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
