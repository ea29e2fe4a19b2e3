import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
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

/** The honour list is public: a visitor who reached the sign-in page can still find it. */
function HonourLink() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', px: 2, pb: 2 }}>
      <Link component={RouterLink} to="/vinh-danh" variant="body2" data-testid="login-honour-link">
        {translate('app.auth.honour_link')}
      </Link>
    </Box>
  );
}

export function LoginPage() {
  return (
    <Login>
      <Heading />
      <LoginForm />
      <HonourLink />
    </Login>
  );
}
