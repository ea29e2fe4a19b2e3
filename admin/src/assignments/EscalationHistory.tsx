import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { formatInstantDay } from '../format.js';
import { gqlRequest } from '../graphql.js';
import type { Escalation } from '../types.js';

const QUERY = `query($id: ID!) { Assignment(id: $id) { id escalations {
  id kind level round basis workingDaysLate raisedAt recipientLabel recipients state resolvedAt } } }`;

/** "Đôn đốc": every step the ladder took for this assignment, newest first, and whether it is settled. */
export function EscalationHistory({ assignmentId, reloadKey }: { assignmentId: string; reloadKey?: string }) {
  const translate = useTranslate();
  const { data, isPending } = useQuery({
    queryKey: ['escalations', assignmentId, reloadKey],
    queryFn: async () => (await gqlRequest<{ Assignment: { escalations: Escalation[] } | null }>(QUERY, { id: assignmentId })).Assignment?.escalations ?? [],
  });
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="escalations-empty">
        {translate('app.escalation.none')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding data-testid="escalations">
      {data.map((e) => (
        <ListItem key={e.id} disableGutters alignItems="flex-start" data-testid="escalation" data-level={e.level} data-state={e.state}>
          <ListItemText
            primary={
              <>
                {`${formatInstantDay(e.raisedAt)} · ${translate(e.kind === 'REVIEW' ? 'app.escalation.review_level' : 'app.escalation.overdue', { level: e.level })}`}
                {e.round > 0 ? ` (${translate('app.escalation.repeat', { round: e.round })})` : ''}
                {' '}
                <Chip
                  size="small"
                  variant="outlined"
                  color={e.state === 'OPEN' ? 'error' : 'success'}
                  label={translate(e.state === 'OPEN' ? 'app.escalation.open' : 'app.escalation.resolved')}
                />
              </>
            }
            secondary={`${translate('app.escalation.late', { days: e.workingDaysLate })} · ${translate('app.escalation.recipients', {
              names: e.recipients.length ? `${e.recipientLabel} (${e.recipients.join(', ')})` : e.recipientLabel,
            })}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
