import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useTranslate } from 'react-admin';
import { SORT_ALIASES } from '../dataProvider.js';

const SORT_FIELDS = SORT_ALIASES.Assignment;

/**
 * The whole filtered list, however long, exported by the server (the browser only downloads):
 * react-admin's own exporter would stop at one page of the API.
 */
export function ExportButtons({ permanentFilter = {} }: { permanentFilter?: Record<string, unknown> }) {
  const translate = useTranslate();
  const { filterValues, sort, total } = useListContext();
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({ filter: JSON.stringify({ ...filterValues, ...permanentFilter }) });
    if (sort?.field && sort.field !== 'id') {
      params.set('sort', SORT_FIELDS[sort.field] ?? sort.field);
      params.set('order', sort.order);
    }
    return `/export/assignments.${format}?${params}`;
  };
  return (
    <>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button key={format} size="small" startIcon={<DownloadIcon />} href={href(format)} disabled={!total} data-testid={`export-${format}`}>
          {translate(`app.export.${format}`)}
        </Button>
      ))}
    </>
  );
}
