import { CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A part of the overview still on its way: a spinner with a name, so a screen reader says what it is. */
export function Pending() {
  const translate = useTranslate();
  return <CircularProgress size={24} aria-label={translate('ra.page.loading')} />;
}
