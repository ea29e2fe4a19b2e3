import polyglotI18nProvider from 'ra-i18n-polyglot';
import { vi } from './vi.js';
import { en } from './en.js';

const catalogues = { vi, en } as const;

/** Vietnamese by default; English on request, both bundled so switching never waits for the network. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogues[locale as keyof typeof catalogues] ?? vi,
  'vi',
  [
    { locale: 'vi', name: 'Tiếng Việt' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

