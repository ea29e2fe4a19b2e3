import type { ThemeOptions } from '@mui/material';
import { defaultLightTheme } from 'react-admin';

type CheckboxOwner = { 'aria-label'?: string };

/**
 * react-admin's light theme with colours dark enough for text: each main colour carries white text
 * at 4.5:1 or better and reads at 4.5:1 on the page's light grey (WCAG AA). The defaults (#2196f3 app
 * bar, #ed6c02 warning, #0288d1 info) sit near 3:1 and are hard to read on a phone outdoors.
 */
export const theme: ThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    // The app bar's blue, the same as the browser's theme-color in index.html.
    primary: { main: '#1565c0', contrastText: '#fff' },
    // "Chờ thẩm định" chips: purple, apart from the blue of work in progress.
    secondary: { main: '#6a1b9a', contrastText: '#fff' },
    warning: { main: '#a84300', contrastText: '#fff' },
    info: { main: '#01579b', contrastText: '#fff' },
    success: { main: '#1b5e20', contrastText: '#fff' },
    error: { main: '#c62828', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    MuiCheckbox: {
      defaultProps: {
        // react-admin labels a table row's checkbox on the wrapping <span>, where the label names
        // nothing and the checkbox itself stays unnamed: move the label onto the input.
        slotProps: {
          root: (owner: CheckboxOwner) => (owner['aria-label'] ? { 'aria-label': undefined } : {}),
          input: (owner: CheckboxOwner) => (owner['aria-label'] ? { 'aria-label': owner['aria-label'] } : {}),
        },
      },
    },
  },
} as ThemeOptions;
