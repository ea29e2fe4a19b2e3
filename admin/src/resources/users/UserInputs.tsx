import { AutocompleteInput, BooleanInput, PasswordInput, ReferenceInput, SimpleForm, TextInput, maxLength, minLength, required } from 'react-admin';
import { EnumInput } from '../../fields.js';

export function UserInputs({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="username" validate={required()} disabled={!creating} />
      <TextInput source="fullName" validate={required()} />
      <EnumInput source="role" enumName="Role" validate={required()} />
      <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <PasswordInput
        source="password"
        validate={creating ? [required(), minLength(8), maxLength(128)] : [minLength(8), maxLength(128)]}
        autoComplete="new-password"
        helperText="resources.User.password_hint"
      />
      {!creating && <BooleanInput source="active" />}
    </SimpleForm>
  );
}
