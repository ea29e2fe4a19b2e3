import { useCallback, useEffect, useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { gqlRequest } from '../../graphql.js';
import { toAppError } from '../../errors.js';
import { formatInstant } from '../../format.js';

interface Attempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

interface Delivery {
  id: string;
  eventType: string;
  messageId: string;
  state: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  history: Attempt[];
}

const DELIVERIES = `query($endpointId: ID!) { webhookDeliveries(endpointId: $endpointId, first: 50) {
  id eventType messageId state attempts lastStatusCode lastError createdAt history { at statusCode error durationMs }
} }`;

const STATE_COLOR = { PENDING: 'warning', SUCCEEDED: 'success', FAILED: 'error' } as const;

/** What was sent to the endpoint, newest first, each attempt with its HTTP status; finished ones can be sent again. */
export function DeliveriesPanel(_props: { label?: string }) {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);

  const load = useCallback(async () => {
    if (!record) return;
    try {
      const data = await gqlRequest<{ webhookDeliveries: Delivery[] }>(DELIVERIES, { endpointId: record.id });
      setDeliveries(data.webhookDeliveries);
    } catch (error) {
      const { message } = toAppError(error);
      notify(translate(message, { _: message }), { type: 'error' });
    }
  }, [record, notify, translate]);

  useEffect(() => {
    void load();
  }, [load]);

  const redeliver = async (id: string) => {
    try {
      await gqlRequest('mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id state } }', { id });
      notify('app.webhook.redelivered', { type: 'success' });
      await load();
    } catch (error) {
      const { message } = toAppError(error);
      notify(translate(message, { _: message }), { type: 'error' });
    }
  };

  return (
    <Box data-testid="webhook-deliveries" sx={{ width: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6">{translate('app.webhook.deliveries')}</Typography>
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => void load()} data-testid="webhook-deliveries-refresh">
          {translate('ra.action.refresh')}
        </Button>
      </Stack>
      {deliveries && !deliveries.length ? <Typography color="text.secondary">{translate('app.webhook.no_deliveries')}</Typography> : null}
      <Stack spacing={1}>
        {(deliveries ?? []).map((d) => (
          <Card key={d.id} variant="outlined" data-testid="webhook-delivery">
            <CardContent sx={{ '&:last-child': { pb: 2 } }}>
              <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                <Chip size="small" color={STATE_COLOR[d.state]} label={translate(`app.enums.WebhookDeliveryState.${d.state}`)} />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {translate(`app.enums.WebhookEventType.${d.eventType}`)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {formatInstant(d.createdAt)}
                </Typography>
                <Box sx={{ flexGrow: 1 }} />
                {d.state !== 'PENDING' ? (
                  <Button size="small" startIcon={<ReplayIcon />} onClick={() => void redeliver(d.id)} data-testid="webhook-redeliver">
                    {translate('app.webhook.redeliver')}
                  </Button>
                ) : null}
              </Stack>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                webhook-id: {d.messageId}
              </Typography>
              <Box component="ul" sx={{ m: 0, mt: 1, pl: 2 }}>
                {d.history.map((a, i) => (
                  <Typography component="li" variant="body2" key={i} data-testid="webhook-attempt">
                    {formatInstant(a.at)} — {a.statusCode !== null ? `HTTP ${a.statusCode}` : translate('app.webhook.no_response')}
                    {` · ${a.durationMs} ms`}
                    {a.error ? ` · ${a.error}` : ''}
                  </Typography>
                ))}
              </Box>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
