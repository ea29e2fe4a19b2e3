import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, InstantField } from '../../fields.js';

export default function AuditEventShow() {
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <InstantField source="at" />
        <EnumField source="action" enumName="AuditAction" />
        <TextField source="actorUsername" emptyText="—" />
        <TextField source="actorTokenId" emptyText="—" />
        <TextField source="username" emptyText="—" />
        <TextField source="subjectUsername" emptyText="—" />
        <TextField source="address" emptyText="—" />
        <TextField source="details" emptyText="—" sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} />
      </SimpleShowLayout>
    </Show>
  );
}
