import EventIcon from '@mui/icons-material/Event';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./CalendarDayList.js')),
  show: lazyPage(() => import('./CalendarDayShow.js')),
  edit: lazyPage(() => import('./CalendarDayEdit.js')),
  create: lazyPage(() => import('./CalendarDayCreate.js')),
  icon: EventIcon,
  recordRepresentation: 'name',
};
