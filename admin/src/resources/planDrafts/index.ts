import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { lazyPage } from '../lazy.js';

/** Imported, reviewed and activated on their own pages: no show page, no generic delete. */
export default {
  list: lazyPage(() => import('./PlanDraftList.js')),
  edit: lazyPage(() => import('./PlanDraftEdit.js')),
  create: lazyPage(() => import('./PlanDraftCreate.js')),
  icon: NoteAddIcon,
  recordRepresentation: (r: { header?: { title?: string } }) => r.header?.title ?? '',
};
