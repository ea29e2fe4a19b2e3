import { useState } from 'react';
import { Button, Menu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { AppBar, RefreshIconButton, useLocaleState, useLocales } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell.js';

/**
 * The language switch, compact on phones so the page title keeps its room; its accessible name is
 * always the full language name.
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
        aria-label={current.name}
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

export function AppAppBar() {
  return (
    <AppBar
      toolbar={
        <>
          <NotificationBell />
          <LanguageSwitch />
          <RefreshIconButton />
        </>
      }
    />
  );
}
