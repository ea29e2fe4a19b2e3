import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./FacilityList.js')),
  show: lazyPage(() => import('./FacilityShow.js')),
  edit: lazyPage(() => import('./FacilityEdit.js')),
  create: lazyPage(() => import('./FacilityCreate.js')),
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
