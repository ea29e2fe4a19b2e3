import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

function Heading() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', px: 2, pt: 1 }}>
      <Typography variant="h5" component="h1">
        {translate('app.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.auth.subtitle')}
      </Typography>
    </Box>
  );
}

export function LoginPage() {
  return (
    <Login>
      <Heading />
      <LoginForm />
    </Login>
  );
}
