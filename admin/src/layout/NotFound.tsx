import { Box, Button, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { Title, useAuthenticated, useTranslate } from 'react-admin';

/**
 * react-admin's page names itself in a second h1 beside the app bar's and greys its text to half
 * opacity, below readable contrast: this one puts the name in the app bar and the advice in full ink.
 */
export function NotFound() {
  const translate = useTranslate();
  const { isPending } = useAuthenticated();
  if (isPending) return null;
  return (
    <Box sx={{ p: 3, textAlign: 'center' }} data-testid="not-found">
      <Title title={translate('ra.page.not_found')} />
      <Typography sx={{ mb: 2 }}>{translate('ra.message.not_found')}.</Typography>
      <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.go(-1)}>
        {translate('ra.action.back')}
      </Button>
    </Box>
  );
}
