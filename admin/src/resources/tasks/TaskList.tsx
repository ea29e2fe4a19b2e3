import { Box } from '@mui/material';
import { AutocompleteInput, DataTable, FunctionField, ReferenceInput, SearchInput, type RaRecord } from 'react-admin';
import { DayField } from '../../fields.js';
import { formatDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';

const depth = (r: RaRecord) => String(r.number ?? '').split('.').length - 1;

/** Part III as the document numbers it: 1, 1.1, 1.2, 2, … (ordered by position, indented by level). */
export default function TaskList() {
  return (
    <ResponsiveList
      sort={{ field: 'position', order: 'ASC' }}
      perPage={100}
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <ReferenceInput key="planId" source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
          <AutocompleteInput optionText="code" />
        </ReferenceInput>,
      ]}
      primaryText={(r) => (
        <Box component="span" sx={{ pl: depth(r) * 2, display: 'block' }}>
          {r.number}. {r.title}
        </Box>
      )}
      secondaryText={(r) => (r.dueDate ? formatDay(r.dueDate) : '')}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort>
          <FunctionField
            render={(r: RaRecord) => (
              <Box component="span" sx={{ pl: depth(r) * 3, display: 'block', fontWeight: depth(r) ? 400 : 500 }} data-testid="task-tree-row">
                {r.number}. {r.title}
              </Box>
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="dueDate">
          <DayField source="dueDate" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
