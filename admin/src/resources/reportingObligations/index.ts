import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./ReportingObligationList.js')),
  show: lazyPage(() => import('./ReportingObligationShow.js')),
  edit: lazyPage(() => import('./ReportingObligationEdit.js')),
  create: lazyPage(() => import('./ReportingObligationCreate.js')),
  icon: EventNoteIcon,
  recordRepresentation: 'subject',
};
