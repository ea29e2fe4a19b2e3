import FlagIcon from '@mui/icons-material/Flag';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./TargetList.js')),
  show: lazyPage(() => import('./TargetShow.js')),
  edit: lazyPage(() => import('./TargetEdit.js')),
  create: lazyPage(() => import('./TargetCreate.js')),
  icon: FlagIcon,
  recordRepresentation: (r: { code: string; title: string }) => `${r.code}. ${r.title}`,
};
