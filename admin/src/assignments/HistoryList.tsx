import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EMPTY } from '../fields.js';
import { formatDay, formatInstant } from '../format.js';
import type { FieldChange, StatusChange } from '../types.js';

type Translate = ReturnType<typeof useTranslate>;

/** Fields whose values are enum values of the API, shown with the catalogue's names. */
const ENUM_OF: Record<string, string> = { status: 'AssignmentStatus', role: 'AssignmentRole', scope: 'AssignmentScope' };

/** One side of a change as a person reads it: dates dd/MM/yyyy, enums by name, progress in percent. */
export function changeValue(field: string, value: string | null, translate: Translate): string {
  if (value === null || value === '') return EMPTY;
  if (field === 'dueDate') return formatDay(value);
  if (field === 'progress') return `${value}%`;
  const enumName = ENUM_OF[field];
  return enumName ? translate(`app.enums.${enumName}.${value}`, { _: value }) : value;
}

/** Who made the entry: a person's name, the integrator's token ("Mã API: …"), or the system. */
export function actorLabel(entry: Pick<StatusChange, 'actorKind' | 'actorName'>, translate: Translate): string {
  if (entry.actorKind === 'SYSTEM' || !entry.actorName) return translate('app.history.system');
  return entry.actorName;
}

function Changes({ changes }: { changes: FieldChange[] }) {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'block' }} data-testid="history-changes">
      {changes.map((c) => (
        <Typography
          key={c.field}
          component="span"
          display="block"
          variant="body2"
          color="text.primary"
          data-testid="history-change"
          data-field={c.field}
          // Long notes and reasons wrap on a phone instead of widening the page.
          sx={{ overflowWrap: 'anywhere' }}
        >
          <Box component="span" sx={{ fontWeight: 500 }}>
            {translate(`app.history.fields.${c.field}`, { _: c.field })}:
          </Box>{' '}
          {changeValue(c.field, c.from, translate)} → {changeValue(c.field, c.to, translate)}
        </Typography>
      ))}
    </Box>
  );
}

/** Newest first, as the API returns it: who did what, when, what each write changed, and what they wrote. */
export function HistoryList({ history }: { history: StatusChange[] }) {
  const translate = useTranslate();
  if (!history?.length) return <Typography variant="body2" color="text.secondary">{translate('app.assignment.history_empty')}</Typography>;
  return (
    <List dense disablePadding data-testid="history">
      {history.map((h) => {
        // Entries that list their changes say the status move there; older ones say it on the status line.
        const changes = h.changes ?? [];
        // A progress report's comment is its new note, already shown as the note's change.
        const comment = changes.some((c) => c.field === 'note' && c.to === h.comment) ? null : h.comment;
        return (
          <ListItem key={h.id} disableGutters alignItems="flex-start" data-testid="history-entry" data-action={h.action}>
            <ListItemText
              primary={`${formatInstant(h.at)} · ${translate('app.assignment.history_line', {
                action: translate(`app.enums.AssignmentAction.${h.action}`, { _: h.action }),
                actor: actorLabel(h, translate),
              })}`}
              slotProps={{ primary: { 'data-testid': 'history-actor', 'data-actor-kind': h.actorKind ?? 'USER' } as object }}
              secondary={
                <>
                  {changes.length ? (
                    <Changes changes={changes} />
                  ) : h.fromStatus === h.toStatus ? (
                    `${translate(`app.enums.AssignmentStatus.${h.toStatus}`)} · ${h.progress}%`
                  ) : (
                    `${translate(`app.enums.AssignmentStatus.${h.fromStatus}`)} → ${translate(`app.enums.AssignmentStatus.${h.toStatus}`)} · ${h.progress}%`
                  )}
                  {comment ? (
                    <Typography
                      component="span"
                      display="block"
                      variant="body2"
                      color="text.primary"
                      data-testid="history-comment"
                      sx={{ overflowWrap: 'anywhere' }}
                    >
                      “{comment}”
                    </Typography>
                  ) : null}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
