import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatInstant } from '../../format.js';
import type { UnitReportEvent } from './api.js';

/** Oldest first, as the API gives it: the report's story reads forwards. */
export function ReportHistory({ history }: { history: UnitReportEvent[] }) {
  const translate = useTranslate();
  return (
    <Box component="section">
      <Typography variant="h6" component="h3">
        {translate('resources.UnitReport.history.title')}
      </Typography>
      {!history.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.UnitReport.history.empty')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="report-history">
          {history.map((h) => (
            <ListItem key={`${h.reportVersion}-${h.at}`} disableGutters alignItems="flex-start" data-testid="report-history-line" data-action={h.action}>
              <ListItemText
                primary={`${formatInstant(h.at)} · ${translate(`app.enums.UnitReportAction.${h.action}`)} · ${h.actorName ?? '—'}`}
                secondary={
                  <>
                    {h.fromState === h.toState
                      ? translate(`app.enums.UnitReportState.${h.toState}`)
                      : `${translate(`app.enums.UnitReportState.${h.fromState}`)} → ${translate(`app.enums.UnitReportState.${h.toState}`)}`}
                    {h.comment ? (
                      <Typography component="span" display="block" variant="body2" color="text.primary">
                        “{h.comment}”
                      </Typography>
                    ) : null}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
