import { AutocompleteInput, DateInput, ReferenceInput, SimpleForm, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

/** What the catalogue owner sets: which unit does which task, in which role, by when. Progress is reported from "My work". */
export function AssignmentInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <ReferenceInput source="taskId" reference="Task" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText={(t: { number: string; title: string }) => `${t.number}. ${t.title}`} validate={required()} disabled={!creating} />
      </ReferenceInput>
      <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <EnumInput source="role" enumName="AssignmentRole" validate={required()} />
      <DateInput source="dueDate" validate={creating ? undefined : required()} />
    </SimpleForm>
  );
}
