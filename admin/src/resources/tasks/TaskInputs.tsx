import { AutocompleteInput, DateInput, ReferenceInput, SimpleForm, TextInput, regex, required } from 'react-admin';

export function TaskInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <ReferenceInput source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="code" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <ReferenceInput source="parentId" reference="Task" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText={(t: { number: string; title: string }) => `${t.number}. ${t.title}`} disabled={!creating} />
      </ReferenceInput>
      <TextInput source="number" validate={[required(), regex(/^\d+(\.\d+)*$/)]} disabled={!creating} />
      <TextInput source="title" validate={required()} multiline fullWidth />
      <TextInput source="description" multiline fullWidth minRows={3} />
      <DateInput source="dueDate" />
    </SimpleForm>
  );
}
