import DescriptionIcon from '@mui/icons-material/Description';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./PlanList.js')),
  show: lazyPage(() => import('./PlanShow.js')),
  edit: lazyPage(() => import('./PlanEdit.js')),
  create: lazyPage(() => import('./PlanCreate.js')),
  icon: DescriptionIcon,
  recordRepresentation: 'code',
};
