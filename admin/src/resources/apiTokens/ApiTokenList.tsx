import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, SearchInput, useTranslate } from 'react-admin';
import { EnumField, EnumInput, InstantField } from '../../fields.js';
import { formatInstant } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';
import { RevokeButton } from './RevokeButton.js';

export default function ApiTokenList() {
  const translate = useTranslate();
  return (
    <ResponsiveList
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <EnumInput key="scope" source="scope" enumName="ApiTokenScope" />,
        <ReferenceInput key="unitId" source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
      ]}
      primaryText={(r) => r.name}
      secondaryText={(r) => `${r.prefix}… · ${translate(`app.enums.ApiTokenScope.${r.scope}`)}`}
      tertiaryText={(r) =>
        r.revokedAt
          ? `${translate('resources.ApiToken.fields.revokedAt')} ${formatInstant(r.revokedAt)}`
          : `${translate('resources.ApiToken.fields.expiresAt')} ${formatInstant(r.expiresAt)}`
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="unitId" disableSort>
          <ReferenceField source="unitId" reference="Unit" link={false} />
        </DataTable.Col>
        <DataTable.Col source="scope" disableSort>
          <EnumField source="scope" enumName="ApiTokenScope" />
        </DataTable.Col>
        <DataTable.Col source="prefix" disableSort />
        <DataTable.Col source="expiresAt">
          <InstantField source="expiresAt" />
        </DataTable.Col>
        <DataTable.Col source="lastUsedAt">
          <InstantField source="lastUsedAt" />
        </DataTable.Col>
        <DataTable.Col source="revokedAt" disableSort>
          <InstantField source="revokedAt" />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col label=" " disableSort>
          <RevokeButton />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
