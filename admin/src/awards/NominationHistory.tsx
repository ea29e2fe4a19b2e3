import { useState } from 'react';
import { Box, Button, Collapse, List, ListItem, ListItemText, Typography } from '@mui/material';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { formatInstant } from '../format.js';
import type { NominationEvent } from './api.js';

/** Folded by default: the card leads with the decision to make; the story is one tap away. Oldest first. */
export function NominationHistory({ history }: { history: NominationEvent[] }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!history.length) return null;
  return (
    <Box>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        aria-expanded={open}
        data-testid="nomination-history-toggle"
      >
        {translate('app.awards.history', { count: history.length })}
      </Button>
      <Collapse in={open} unmountOnExit>
        <List dense disablePadding data-testid="nomination-history">
          {history.map((h, i) => (
            <ListItem key={`${h.at}-${i}`} disableGutters alignItems="flex-start" data-testid="nomination-history-line" data-action={h.action}>
              <ListItemText
                primary={`${formatInstant(h.at)} · ${translate(`app.enums.NominationAction.${h.action}`)} · ${h.actorName ?? translate('app.awards.by_system')}`}
                secondary={
                  <>
                    {h.fromState && h.fromState !== h.toState
                      ? `${translate(`app.enums.NominationState.${h.fromState}`)} → ${translate(`app.enums.NominationState.${h.toState}`)}`
                      : translate(`app.enums.NominationState.${h.toState}`)}
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
      </Collapse>
    </Box>
  );
}
