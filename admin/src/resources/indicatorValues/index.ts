import InsightsIcon from '@mui/icons-material/Insights';
import { lazyPage } from '../lazy.js';

export default {
  list: lazyPage(() => import('./IndicatorValueList.js')),
  show: lazyPage(() => import('./IndicatorValueShow.js')),
  edit: lazyPage(() => import('./IndicatorValueEdit.js')),
  create: lazyPage(() => import('./IndicatorValueCreate.js')),
  icon: InsightsIcon,
};
