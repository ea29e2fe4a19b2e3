import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./TaskList.js')),
  show: lazyPage(() => import('./TaskShow.js')),
  edit: lazyPage(() => import('./TaskEdit.js')),
  create: lazyPage(() => import('./TaskCreate.js')),
  icon: AccountTreeIcon,
  recordRepresentation: (r: { number: string; title: string }) => `${r.number}. ${r.title}`,
};
