import SummarizeIcon from '@mui/icons-material/Summarize';
import { lazyPage } from '../lazy.js';

/** Written and decided on the report's own page through the report mutations: no generic create or edit form. */
export default {
  list: lazyPage(() => import('./UnitReportList.js')),
  show: lazyPage(() => import('./UnitReportShow.js')),
  icon: SummarizeIcon,
  recordRepresentation: (r: { subject: string }) => r.subject,
};
