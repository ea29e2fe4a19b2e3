import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { EnumField, InstantField } from '../../fields.js';
import { RevokeButton } from './RevokeButton.js';

export default function ApiTokenShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RevokeButton redirect="list" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="unitId" reference="Unit" />
        <EnumField source="scope" enumName="ApiTokenScope" />
        <TextField source="prefix" />
        <BooleanField source="active" />
        <InstantField source="expiresAt" />
        <InstantField source="lastUsedAt" />
        <InstantField source="revokedAt" />
        <TextField source="createdByUsername" emptyText="—" />
        <InstantField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
