import { Box, Button, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { Title, useAuthenticated, useTranslate } from 'react-admin';

/** A page the person's role does not open: said plainly, like the API's own refusal. */
export default function Forbidden() {
  const translate = useTranslate();
  const { isPending } = useAuthenticated();
  if (isPending) return null;
  return (
    <Box sx={{ p: 3, textAlign: 'center' }} data-testid="forbidden">
      <Title title={translate('app.forbidden.title')} />
      <Typography sx={{ mb: 2 }}>{translate('app.forbidden.message')}</Typography>
      <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.go(-1)}>
        {translate('ra.action.back')}
      </Button>
    </Box>
  );
}
