import { AutocompleteInput, ReferenceInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function UnitInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="code" validate={[required(), regex(/^[A-Z0-9-]+$/)]} disabled={!creating} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="shortName" />
      <EnumInput source="kind" enumName="UnitKind" validate={required()} />
      <ReferenceInput source="parentId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="reportsThroughId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
    </SimpleForm>
  );
}
