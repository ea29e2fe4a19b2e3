import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, InstantField } from '../../fields.js';

export default function UserShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="username" />
        <TextField source="fullName" />
        <EnumField source="role" enumName="Role" />
        <ReferenceField source="unitId" reference="Unit" />
        <BooleanField source="active" />
        <BooleanField source="isDemo" />
        <InstantField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
