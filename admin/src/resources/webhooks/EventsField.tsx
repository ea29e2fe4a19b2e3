import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The subscribed events as chips, in Vietnamese. */
export function EventsField(_props: { label?: string }) {
  const record = useRecordContext<{ events?: string[] }>();
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {(record?.events ?? []).map((event) => (
        <Chip key={event} size="small" label={translate(`app.enums.WebhookEventType.${event}`)} />
      ))}
    </Stack>
  );
}
