import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useNotify, useTranslate } from 'react-admin';
import type { AppError } from '../errors.js';
import { importWorkbook, templateUrl, type ImportProblem } from './api.js';

/**
 * Many facilities at once: download the commune's template, fill it in Excel, send it back. A refused
 * workbook writes nothing, and every problem is listed by row and column so the file can be fixed.
 */
export function ExcelImport({ onImported }: { onImported: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const result = await importWorkbook(file);
      notify('app.facility_figures.excel.imported', { type: 'success', messageArgs: { rows: result.rows, skipped: result.skippedRows } });
      onImported();
    } catch (e) {
      const appError = e as AppError;
      setError(translate(appError.message, { _: appError.message }));
      setProblems(Array.isArray(appError.details?.problems) ? (appError.details.problems as ImportProblem[]) : []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" data-testid="excel-import">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Typography variant="h6">{translate('app.facility_figures.excel.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.facility_figures.excel.help')}</Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <TextField type="date" size="small" label={translate('app.facility_figures.period_start')} value={periodStart}
            onChange={(e) => setPeriodStart(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ flex: 1, minWidth: 150 }} />
          <TextField type="date" size="small" label={translate('app.facility_figures.period_end')} value={periodEnd}
            onChange={(e) => setPeriodEnd(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ flex: 1, minWidth: 150 }} />
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" startIcon={<DownloadIcon />} href={templateUrl(periodStart, periodEnd)} data-testid="excel-template">
            {translate('app.facility_figures.excel.download')}
          </Button>
          <Button variant="contained" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()} data-testid="excel-upload">
            {translate('app.facility_figures.excel.upload')}
          </Button>
          <input ref={input} type="file" hidden accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void send(e)} data-testid="excel-file" />
        </Box>
        {error && <Alert severity="error" data-testid="excel-error">{error}</Alert>}
        {problems.length > 0 && (
          <TableContainer sx={{ maxHeight: 360 }}>
            <Table size="small" stickyHeader data-testid="excel-problems">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.facility_figures.excel.row')}</TableCell>
                  <TableCell>{translate('app.facility_figures.excel.column')}</TableCell>
                  <TableCell>{translate('app.facility_figures.excel.problem')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {problems.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>{p.row}</TableCell>
                    <TableCell>{p.column ?? '—'}{p.cell ? ` (${p.cell})` : ''}</TableCell>
                    <TableCell>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
