import WebhookIcon from '@mui/icons-material/Webhook';
import { lazyPage } from '../lazy.js';

/** ADMIN only: integrators' endpoints, their signing secrets (shown once) and what was sent. */
export default {
  list: lazyPage(() => import('./WebhookEndpointList.js')),
  show: lazyPage(() => import('./WebhookEndpointShow.js')),
  create: lazyPage(() => import('./WebhookEndpointCreate.js')),
  edit: lazyPage(() => import('./WebhookEndpointEdit.js')),
  icon: WebhookIcon,
  recordRepresentation: 'url',
};
