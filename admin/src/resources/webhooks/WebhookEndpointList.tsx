import { BooleanField, DataTable, SearchInput, TextField, useTranslate } from 'react-admin';
import { InstantField } from '../../fields.js';
import { ResponsiveList } from '../ResponsiveList.js';
import { EventsField } from './EventsField.js';

export default function WebhookEndpointList() {
  const translate = useTranslate();
  return (
    <ResponsiveList
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      primaryText={(r) => r.url}
      secondaryText={(r) => r.description ?? ''}
      tertiaryText={(r) =>
        `${(r.events as string[]).map((e) => translate(`app.enums.WebhookEventType.${e}`)).join(', ')}${r.active ? '' : ` · ${translate('app.webhook.inactive')}`}`
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="url" />
        <DataTable.Col source="description" disableSort>
          <TextField source="description" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="events" disableSort>
          <EventsField />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <InstantField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
