import { useState } from 'react';
import { Button, Menu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { AppBar, RefreshIconButton, TitlePortal, UserMenu, useGetIdentity, useLocaleState, useLocales, useTranslate } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell.js';

/**
 * The language switch, compact on phones so the page title keeps its room. Its accessible name begins
 * with what it shows (people who steer by voice say the visible words) and always holds the full name.
 */
function LanguageSwitch() {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const current = locales.find((l) => l.locale === locale) ?? locales[0];
  return (
    <>
      <Button
        color="inherit"
        aria-label={isSmall ? `${current.locale.toUpperCase()} — ${current.name}` : undefined}
        aria-haspopup="true"
        startIcon={isSmall ? undefined : <TranslateIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ minWidth: 0 }}
      >
        {isSmall ? current.locale.toUpperCase() : current.name}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            selected={l.locale === locale}
            onClick={() => {
              setLocale(l.locale);
              setAnchor(null);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** The account menu names its button after the person it shows, so the name read out matches the one seen. */
function AccountMenu() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName
    ? translate('app.account_menu', { name: identity.fullName })
    : translate('ra.auth.user_menu');
  return <UserMenu label={label} />;
}

/** The page's title is its one h1; the bar is the primary blue, which carries white text legibly. */
export function AppAppBar() {
  return (
    <AppBar
      color="primary"
      userMenu={<AccountMenu />}
      toolbar={
        <>
          <NotificationBell />
          <LanguageSwitch />
          <RefreshIconButton />
        </>
      }
    >
      <TitlePortal component="h1" variant="h6" />
    </AppBar>
  );
}
