import KeyIcon from '@mui/icons-material/Key';
import { lazyPage } from '../lazy.js';

/** ADMIN only. No edit: a token is never changed, only revoked and replaced. */
export default {
  list: lazyPage(() => import('./ApiTokenList.js')),
  show: lazyPage(() => import('./ApiTokenShow.js')),
  create: lazyPage(() => import('./ApiTokenCreate.js')),
  icon: KeyIcon,
  recordRepresentation: 'name',
};
