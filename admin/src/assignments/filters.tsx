import { DateInput, ReferenceInput, AutocompleteInput, SearchInput } from 'react-admin';
import { EnumInput } from '../fields.js';

/** The list filters of AssignmentFilter: unit, status, deadline class, due between. */
export function assignmentFilters({ withUnit }: { withUnit: boolean }) {
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(withUnit
      ? [
          <ReferenceInput key="unitId" source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
            <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <EnumInput key="status" source="status" enumName="AssignmentStatus" alwaysOn />,
    <EnumInput key="deadlineClass" source="deadlineClass" enumName="DeadlineClass" alwaysOn />,
    <DateInput key="dueAfter" source="dueAfter" />,
    <DateInput key="dueBefore" source="dueBefore" />,
  ];
}
