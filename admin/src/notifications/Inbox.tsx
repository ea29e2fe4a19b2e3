import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Card, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useNavigate } from 'react-router-dom';
import { Title, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../graphql.js';
import { formatInstant } from '../format.js';
import { toAppError } from '../errors.js';
import { refreshUnreadCount, useInboxState } from './live.js';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
  link: string | null;
}

interface InboxPage {
  myNotifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: InboxItem }> };
}

const PAGE = 20;
const INBOX = `query($first: Int, $after: String) { myNotifications(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id kind title body read createdAt link } } } }`;

/** The signed-in user's notifications, unread first; opening one marks it read and goes to what it is about. */
export default function Inbox() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { changes } = useInboxState();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);

  const load = useCallback(
    async (after?: string | null) => {
      try {
        const data = await gqlRequest<InboxPage>(INBOX, { first: PAGE, after: after ?? null });
        const page = data.myNotifications.edges.map((e) => e.node);
        setItems((shown) => (after && shown ? [...shown, ...page] : page));
        setNext(data.myNotifications.pageInfo.hasNextPage ? data.myNotifications.pageInfo.endCursor : null);
        setTotal(data.myNotifications.totalCount);
      } catch (error) {
        notify(toAppError(error).message, { type: 'error' });
      }
    },
    [notify],
  );

  // Whatever changed (a new notification, one read in another tab), the first page is read again.
  useEffect(() => {
    void load();
  }, [load, changes]);

  async function open(item: InboxItem) {
    try {
      if (!item.read) await gqlRequest('mutation($id: ID!) { markRead(id: $id) { id } }', { id: item.id });
    } catch (error) {
      notify(toAppError(error).message, { type: 'error' });
    }
    void refreshUnreadCount();
    if (item.link) navigate(item.link);
    else void load();
  }

  async function markAll() {
    try {
      await gqlRequest('mutation { markAllRead }');
      void refreshUnreadCount();
      await load();
    } catch (error) {
      notify(toAppError(error).message, { type: 'error' });
    }
  }

  const unread = items?.some((i) => !i.read) ?? false;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 900 }}>
      <Title title={translate('app.notifications.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1, alignItems: { xs: 'flex-start', sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {translate('app.notifications.title')}
        </Typography>
        <Button startIcon={<DoneAllIcon />} onClick={markAll} disabled={!unread} data-testid="mark-all-read">
          {translate('app.notifications.mark_all_read')}
        </Button>
      </Stack>
      <Card>
        {items && !items.length && <Typography sx={{ p: 2 }}>{translate('app.notifications.empty')}</Typography>}
        <List disablePadding data-testid="inbox">
          {items?.map((item) => (
            <ListItemButton
              key={item.id}
              divider
              onClick={() => void open(item)}
              data-testid="inbox-item"
              data-read={item.read}
              data-kind={item.kind}
              sx={{ alignItems: 'flex-start', bgcolor: item.read ? undefined : 'action.hover' }}
            >
              <ListItemText
                primary={item.title}
                secondary={
                  <>
                    <Typography component="span" variant="body2" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                      {item.body}
                    </Typography>
                    <Typography component="span" variant="caption" color="text.secondary" data-testid="inbox-item-time">
                      {formatInstant(item.createdAt)}
                    </Typography>
                  </>
                }
                slotProps={{ primary: { sx: { fontWeight: item.read ? 400 : 700, overflowWrap: 'anywhere' } } }}
              />
            </ListItemButton>
          ))}
        </List>
        {next && (
          <Box sx={{ p: 1, textAlign: 'center' }}>
            <Button onClick={() => void load(next)}>{translate('app.notifications.more', { count: total - (items?.length ?? 0) })}</Button>
          </Box>
        )}
      </Card>
    </Box>
  );
}
