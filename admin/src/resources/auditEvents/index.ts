import PolicyIcon from '@mui/icons-material/Policy';
import { lazyPage } from '../lazy.js';

/** ADMIN only, read-only: the API appends to the log and never changes it. */
export default {
  list: lazyPage(() => import('./AuditEventList.js')),
  show: lazyPage(() => import('./AuditEventShow.js')),
  icon: PolicyIcon,
  recordRepresentation: 'action',
};
