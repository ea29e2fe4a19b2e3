import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AppAppBar } from './AppBar.js';
import { AppMenu } from './AppMenu.js';

/**
 * react-admin's layout grows to fit its widest content (minWidth: fit-content), which pushes a phone
 * screen sideways; wide tables scroll inside their own cards instead.
 */
const fitScreen = {
  minWidth: 0,
  '& .RaLayout-appFrame': { minWidth: 0 },
  '& .RaLayout-contentWithSidebar': { minWidth: 0 },
  '& .RaLayout-content': { minWidth: 0, overflowX: 'hidden' },
};

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AppMenu} appBar={AppAppBar} sx={fitScreen}>
      {children}
    </Layout>
  );
}
