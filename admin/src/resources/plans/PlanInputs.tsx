import { DateInput, ReferenceInput, AutocompleteInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function PlanInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} disabled={!creating} />
      <TextInput source="title" validate={required()} multiline fullWidth />
      <TextInput source="number" />
      <TextInput source="issuingBody" validate={required()} fullWidth />
      <DateInput source="issueDate" />
      <DateInput source="periodStart" />
      <DateInput source="periodEnd" />
      <TextInput source="signerName" />
      <TextInput source="signerTitle" />
      <EnumInput source="status" enumName="PlanStatus" />
      <ReferenceInput source="parentId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="code" />
      </ReferenceInput>
    </SimpleForm>
  );
}
