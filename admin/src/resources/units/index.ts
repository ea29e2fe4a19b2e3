import ApartmentIcon from '@mui/icons-material/Apartment';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./UnitList.js')),
  show: lazyPage(() => import('./UnitShow.js')),
  edit: lazyPage(() => import('./UnitEdit.js')),
  create: lazyPage(() => import('./UnitCreate.js')),
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
