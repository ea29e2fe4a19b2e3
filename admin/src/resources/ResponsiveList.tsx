import type { ReactElement, ReactNode } from 'react';
import { useMediaQuery, type Theme } from '@mui/material';
import { List, Pagination, SimpleList, useResourceDefinition, type ListProps, type RaRecord } from 'react-admin';

type Text = (record: RaRecord) => ReactNode;

/**
 * A list that is a table on a desk and a simple tappable list on a phone, where communes update
 * from: the same filters, sorting and pagination either way.
 */
export function ResponsiveList({
  primaryText,
  secondaryText,
  tertiaryText,
  children,
  linkType = 'show',
  ...props
}: Omit<ListProps, 'children'> & { primaryText: Text; secondaryText?: Text; tertiaryText?: Text; children: ReactElement; linkType?: 'show' | 'edit' | false }) {
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { hasCreate } = useResourceDefinition();
  // On a phone the create button floats over the bottom right corner (for those who may create, the
  // only ones App gives a create page): room below the last row keeps it (T5 of the targets) readable.
  const roomForCreateButton = isSmall && hasCreate ? { pb: 10 } : undefined;
  return (
    // Catalogue lists have no client-side export: it would stop at one page; assignments export on the server.
    <List exporter={false} pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />} sx={roomForCreateButton} {...props}>
      {isSmall ? <SimpleList primaryText={primaryText} secondaryText={secondaryText} tertiaryText={tertiaryText} linkType={linkType} /> : children}
    </List>
  );
}
