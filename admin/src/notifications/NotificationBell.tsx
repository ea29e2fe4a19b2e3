import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useInboxState } from './live.js';

/** The app bar's bell: the unread count, kept current without reloading; opens the inbox. */
export function NotificationBell() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { unreadCount } = useInboxState();
  const count = unreadCount ?? 0;
  const label = translate('app.notifications.bell', { count, smart_count: count });
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} data-testid="notification-bell" data-unread={count} onClick={() => navigate('/inbox')}>
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
