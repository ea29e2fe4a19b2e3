import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./IndicatorValueList.js')),
  show: lazyPage(() => import('./IndicatorValueShow.js')),
  // Figures are entered and corrected on the facility figures page, never edited in place.
  edit: undefined,
  create: undefined,
  icon: InsightsIcon,
};
