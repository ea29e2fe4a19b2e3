import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatInstant } from '../format.js';
import type { StatusChange } from '../types.js';

/** Newest first, as the API returns it: who did what, when, and what they wrote. */
export function HistoryList({ history }: { history: StatusChange[] }) {
  const translate = useTranslate();
  if (!history?.length) return <Typography variant="body2" color="text.secondary">{translate('app.assignment.history_empty')}</Typography>;
  return (
    <List dense disablePadding data-testid="history">
      {history.map((h) => (
        <ListItem key={h.id} disableGutters alignItems="flex-start">
          <ListItemText
            primary={`${formatInstant(h.at)} · ${translate('app.assignment.history_line', {
              action: translate(`app.enums.AssignmentAction.${h.action}`),
              actor: h.actorName ?? '',
            })}`}
            secondary={
              <>
                {h.fromStatus === h.toStatus
                  ? `${translate(`app.enums.AssignmentStatus.${h.toStatus}`)} · ${h.progress}%`
                  : `${translate(`app.enums.AssignmentStatus.${h.fromStatus}`)} → ${translate(`app.enums.AssignmentStatus.${h.toStatus}`)} · ${h.progress}%`}
                {h.comment ? (
                  <Typography component="span" display="block" variant="body2" color="text.primary" data-testid="history-comment">
                    “{h.comment}”
                  </Typography>
                ) : null}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
