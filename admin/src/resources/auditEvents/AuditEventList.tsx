import { DataTable, DateTimeInput, SearchInput, SelectArrayInput, TextField, useTranslate } from 'react-admin';
import { ENUMS, EnumField, InstantField, enumChoices } from '../../fields.js';
import { formatInstant } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

/** Newest first; search is on the username typed at sign-in (the API's q). */
export default function AuditEventList() {
  const translate = useTranslate();
  return (
    <ResponsiveList
      sort={{ field: 'at', order: 'DESC' }}
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <SelectArrayInput key="action" source="action" choices={enumChoices('AuditAction', ENUMS.AuditAction)} alwaysOn />,
        <DateTimeInput key="after" source="after" label="app.audit.after" />,
        <DateTimeInput key="before" source="before" label="app.audit.before" />,
      ]}
      primaryText={(r) => translate(`app.enums.AuditAction.${r.action}`)}
      secondaryText={(r) => [r.actorUsername ?? r.username, r.subjectUsername, r.address].filter(Boolean).join(' · ')}
      tertiaryText={(r) => formatInstant(r.at)}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="at">
          <InstantField source="at" />
        </DataTable.Col>
        <DataTable.Col source="action">
          <EnumField source="action" enumName="AuditAction" />
        </DataTable.Col>
        <DataTable.Col source="actorUsername" disableSort>
          <TextField source="actorUsername" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="username" disableSort>
          <TextField source="username" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="subjectUsername" disableSort>
          <TextField source="subjectUsername" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort>
          <TextField source="address" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="details" disableSort>
          <TextField source="details" emptyText="—" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }} />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
