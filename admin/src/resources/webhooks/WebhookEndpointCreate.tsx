import { useState } from 'react';
import { Create, useDataProvider, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { toAppError } from '../../errors.js';
import { SecretDialog } from '../apiTokens/SecretDialog.js';
import { WebhookEndpointInputs } from './WebhookEndpointInputs.js';

interface Created {
  id: string;
  url: string;
  secret: string;
}

/** As for API tokens: the secret lives only in this page's state, never in react-admin's cache. */
export default function WebhookEndpointCreate() {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<Created | null>(null);

  const save = async (values: Record<string, unknown>) => {
    const data = { url: String(values.url ?? '').trim(), description: values.description || null, events: values.events, active: values.active };
    try {
      const { data: endpoint } = await dataProvider.create<RaRecord & Created>('WebhookEndpoint', { data });
      setCreated({ id: String(endpoint.id), url: endpoint.url, secret: endpoint.secret });
    } catch (error) {
      const { message } = toAppError(error);
      notify(translate(message, { _: message }), { type: 'error', autoHideDuration: 10000 });
    }
  };

  return (
    <Create title="app.webhook.create_title">
      <WebhookEndpointInputs onSubmit={save} />
      {created ? (
        <SecretDialog
          name={created.url}
          secret={created.secret}
          messages="app.webhook"
          label="resources.WebhookEndpoint.fields.secret"
          testId="webhook"
          onClose={() => {
            const id = created.id;
            setCreated(null);
            redirect('show', 'WebhookEndpoint', id);
          }}
        />
      ) : null}
    </Create>
  );
}
