import { useState } from 'react';
import KeyIcon from '@mui/icons-material/Key';
import { Button } from '@mui/material';
import {
  BooleanField, Confirm, EditButton, Show, SimpleShowLayout, TextField, TopToolbar, useNotify, useRecordContext, useTranslate,
} from 'react-admin';
import { InstantField } from '../../fields.js';
import { gqlRequest } from '../../graphql.js';
import { toAppError } from '../../errors.js';
import { SecretDialog } from '../apiTokens/SecretDialog.js';
import { DeliveriesPanel } from './DeliveriesPanel.js';
import { EventsField } from './EventsField.js';

/** A new signing key, shown once; the old one stops working at once. */
function RotateSecretButton() {
  const record = useRecordContext<{ id: string; url: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  if (!record) return null;
  const rotate = async () => {
    setConfirming(false);
    try {
      const data = await gqlRequest<{ rotateWebhookSecret: { secret: string } }>(
        'mutation($id: ID!) { rotateWebhookSecret(id: $id) { id secret } }',
        { id: record.id },
      );
      setSecret(data.rotateWebhookSecret.secret);
    } catch (error) {
      const { message } = toAppError(error);
      notify(translate(message, { _: message }), { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setConfirming(true)} data-testid="webhook-rotate">
        {translate('app.webhook.rotate')}
      </Button>
      <Confirm
        isOpen={confirming}
        title="app.webhook.rotate_title"
        content="app.webhook.rotate_content"
        onConfirm={rotate}
        onClose={() => setConfirming(false)}
      />
      {secret ? (
        <SecretDialog
          name={record.url}
          secret={secret}
          messages="app.webhook"
          label="resources.WebhookEndpoint.fields.secret"
          testId="webhook"
          onClose={() => setSecret(null)}
        />
      ) : null}
    </>
  );
}

export default function WebhookEndpointShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RotateSecretButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="url" />
        <TextField source="description" emptyText="—" />
        <EventsField label="resources.WebhookEndpoint.fields.events" />
        <BooleanField source="active" />
        <TextField source="createdByUsername" emptyText="—" />
        <InstantField source="createdAt" />
        <DeliveriesPanel />
      </SimpleShowLayout>
    </Show>
  );
}
