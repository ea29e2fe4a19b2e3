import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./UserList.js')),
  show: lazyPage(() => import('./UserShow.js')),
  edit: lazyPage(() => import('./UserEdit.js')),
  create: lazyPage(() => import('./UserCreate.js')),
  icon: PeopleIcon,
  recordRepresentation: 'fullName',
};
