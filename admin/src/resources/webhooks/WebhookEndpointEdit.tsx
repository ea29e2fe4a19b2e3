import { Edit } from 'react-admin';
import { WebhookEndpointInputs } from './WebhookEndpointInputs.js';

export default function WebhookEndpointEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <WebhookEndpointInputs />
    </Edit>
  );
}
