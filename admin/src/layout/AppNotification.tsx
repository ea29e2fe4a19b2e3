import { useMediaQuery, type Theme } from '@mui/material';
import { Notification } from 'react-admin';

/**
 * On a phone the action buttons sit at the bottom of cards and dialogs, where a message at the bottom
 * would cover them for eight seconds: there messages drop from the top instead.
 */
export function AppNotification() {
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return <Notification anchorOrigin={isSmall ? { vertical: 'top', horizontal: 'center' } : { vertical: 'bottom', horizontal: 'center' }} />;
}
