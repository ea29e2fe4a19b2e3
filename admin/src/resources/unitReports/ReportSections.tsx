import { useEffect, useState } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Confirm, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useConflictReload } from '../useConflictReload.js';
import { saveUnitReport, submitUnitReport, type ReportSections as Sections, type UnitReport } from './api.js';

const SECTIONS = ['results', 'difficulties', 'proposals'] as const;

const textsOf = (r: Pick<UnitReport, 'results' | 'difficulties' | 'proposals'>): Sections => ({
  results: r.results ?? '',
  difficulties: r.difficulties ?? '',
  proposals: r.proposals ?? '',
});

const same = (a: Sections, b: Sections) => SECTIONS.every((k) => a[k].trim() === b[k].trim());

/** The three narrative sections as read: what the unit wrote, or that it wrote nothing. */
function ReadOnly({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  return (
    <>
      {SECTIONS.map((key) => (
        <Box key={key} data-testid={`section-${key}`}>
          <Typography variant="subtitle2" component="h4">
            {translate(`resources.UnitReport.fields.${key}`)}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} color={report[key] ? 'text.primary' : 'text.secondary'}>
            {report[key] || translate('resources.UnitReport.sections.not_written')}
          </Typography>
        </Box>
      ))}
    </>
  );
}

/**
 * The unit writes its report here while it holds it (not started, drafting, returned): "Lưu" keeps the
 * text, "Gửi báo cáo" saves what is on screen and sends it. Every write carries the version the text was
 * written against; if someone else saved meanwhile, the typed text stays and the person chooses.
 */
function Editor({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useConflictReload();
  const [base, setBase] = useState({ version: report.version, texts: textsOf(report) });
  const [texts, setTexts] = useState<Sections>(() => textsOf(report));
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const dirty = !same(texts, base.texts);
  // Versions only grow: an older record is the page catching up with this form's own save.
  const stale = report.version > base.version;

  // A newer version with nothing typed here: show it. With typed text, the banner below asks first.
  useEffect(() => {
    if (report.version > base.version && !dirty) {
      setBase({ version: report.version, texts: textsOf(report) });
      setTexts(textsOf(report));
    }
  }, [report, base.version, dirty]);

  const save = async (): Promise<number> => {
    if (!dirty) return base.version;
    const saved = await saveUnitReport(report.id, base.version, texts);
    setBase({ version: saved.version, texts: textsOf(saved) });
    setTexts(textsOf(saved));
    return saved.version;
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const onSave = () =>
    run(async () => {
      await save();
      notify('resources.UnitReport.sections.saved', { type: 'success' });
      refresh();
    });

  const onSubmit = () =>
    run(async () => {
      const version = await save();
      await submitUnitReport(report.id, version);
      notify('resources.UnitReport.sections.submitted', { type: 'success', messageArgs: { unit: report.reviewingUnit.name } });
      refresh();
    });

  const noResults = !texts.results.trim();
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); void onSave(); }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="report-editor">
      {stale && dirty && (
        <Alert
          severity="warning"
          data-testid="report-stale"
          action={
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
              <Button size="small" color="inherit" onClick={() => { setBase({ version: report.version, texts: textsOf(report) }); setTexts(textsOf(report)); }}>
                {translate('resources.UnitReport.sections.load_theirs')}
              </Button>
              <Button size="small" color="inherit" onClick={() => setBase({ version: report.version, texts: textsOf(report) })}>
                {translate('resources.UnitReport.sections.keep_mine')}
              </Button>
            </Box>
          }
        >
          {translate('resources.UnitReport.sections.stale')}
        </Alert>
      )}
      {SECTIONS.map((key) => (
        <TextField
          key={key}
          label={translate(`resources.UnitReport.fields.${key}`)}
          helperText={translate(`resources.UnitReport.sections.${key}_hint`)}
          value={texts[key]}
          onChange={(e) => setTexts((t) => ({ ...t, [key]: e.target.value }))}
          multiline
          minRows={key === 'results' ? 6 : 3}
          fullWidth
          required={key === 'results'}
          slotProps={{ htmlInput: { name: key, maxLength: 20_000, 'data-testid': `section-input-${key}` } }}
        />
      ))}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button type="submit" variant="outlined" startIcon={<SaveIcon />} disabled={busy || !dirty} data-testid="report-save">
          {translate('resources.UnitReport.sections.save')}
        </Button>
        <Button
          variant="contained"
          color="success"
          startIcon={<SendIcon />}
          disabled={busy || noResults || (stale && dirty)}
          onClick={() => setConfirming(true)}
          data-testid="report-submit"
        >
          {translate('resources.UnitReport.sections.submit')}
        </Button>
        {noResults && (
          <Typography variant="caption" color="text.secondary">
            {translate('resources.UnitReport.sections.results_required')}
          </Typography>
        )}
      </Box>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="resources.UnitReport.sections.submit_title"
        content="resources.UnitReport.sections.submit_content"
        translateOptions={{ unit: report.reviewingUnit.name }}
        contentTranslateOptions={{ unit: report.reviewingUnit.name }}
        confirm="resources.UnitReport.sections.submit"
        onConfirm={onSubmit}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
}

export function ReportSections({ report }: { report: UnitReport }) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="report-sections">
      <Typography variant="h6" component="h3">
        {translate('resources.UnitReport.sections.title')}
      </Typography>
      {report.canEdit ? <Editor key={report.id} report={report} /> : <ReadOnly report={report} />}
    </Box>
  );
}
