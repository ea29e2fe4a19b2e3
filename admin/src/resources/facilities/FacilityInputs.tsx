import { AutocompleteInput, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function FacilityInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} disabled={!creating} />
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="communeId" reference="Unit" filter={{ kind: ['COMMUNE', 'TOWNSHIP'] }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <EnumInput source="sector" enumName="FacilitySector" validate={required()} disabled={!creating} />
      <EnumInput source="level" enumName="FacilityLevel" validate={required()} />
    </SimpleForm>
  );
}
