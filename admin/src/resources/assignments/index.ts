import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./AssignmentList.js')),
  show: lazyPage(() => import('./AssignmentShow.js')),
  edit: lazyPage(() => import('./AssignmentEdit.js')),
  create: lazyPage(() => import('./AssignmentCreate.js')),
  icon: AssignmentIcon,
};
