import { useState } from 'react';
import { Create, useDataProvider, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { toAppError } from '../../errors.js';
import { ApiTokenInputs } from './ApiTokenInputs.js';
import { SecretDialog } from './SecretDialog.js';

interface Created {
  id: string;
  name: string;
  secret: string;
}

/**
 * Creates through the data provider directly rather than react-admin's mutation, which would keep the
 * returned record, secret included, in its cache: here the secret lives only in this page's state,
 * and leaving the dialog forgets it.
 */
export default function ApiTokenCreate() {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<Created | null>(null);

  const save = async (values: Record<string, unknown>) => {
    const expiresAt = new Date(Date.now() + Number(values.validDays) * 24 * 60 * 60 * 1000).toISOString();
    const data = { name: values.name, unitId: values.unitId, scope: values.scope, expiresAt };
    try {
      const { data: token } = await dataProvider.create<RaRecord & Created>('ApiToken', { data });
      setCreated({ id: String(token.id), name: token.name, secret: token.secret });
    } catch (error) {
      const { message } = toAppError(error);
      notify(translate(message, { _: message }), { type: 'error', autoHideDuration: 10000 });
    }
  };

  return (
    <Create title="app.api_token.create_title">
      <ApiTokenInputs onSubmit={save} />
      {created ? (
        <SecretDialog
          name={created.name}
          secret={created.secret}
          onClose={() => {
            setCreated(null);
            redirect('list', 'ApiToken');
          }}
        />
      ) : null}
    </Create>
  );
}
