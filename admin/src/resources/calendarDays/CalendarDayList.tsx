import { DataTable, FunctionField, SearchInput, SelectInput, TextField, useResourceDefinition, useTranslate, type RaRecord } from 'react-admin';
import { DayField, EnumInput } from '../../fields.js';
import { formatDay, todayInVietnam } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';
import { weekdayKey } from './calendar.js';
import { CalendarDayKindField, KindChip } from './CalendarDayKindChip.js';

const thisYear = Number(todayInVietnam().slice(0, 4));
/** The years the seeded calendar covers, and a little beyond this year for the coming announcement. */
const YEARS = Array.from({ length: Math.max(thisYear + 2, 2027) - 2022 + 1 }, (_, i) => 2022 + i).map((y) => ({ id: y, name: String(y) }));

function Weekday() {
  const translate = useTranslate();
  return (
    <FunctionField
      source="day"
      sortable={false}
      render={(r: RaRecord) => <span style={{ whiteSpace: 'nowrap' }}>{translate(weekdayKey(r.day))}</span>}
    />
  );
}

export default function CalendarDayList() {
  const translate = useTranslate();
  const { hasEdit } = useResourceDefinition();
  return (
    <ResponsiveList
      sort={{ field: 'day', order: 'ASC' }}
      perPage={50}
      filterDefaultValues={{ year: thisYear }}
      filters={[
        <SelectInput key="year" source="year" choices={YEARS} alwaysOn emptyText="ra.action.clear_input_value" />,
        <EnumInput key="kind" source="kind" enumName="CalendarDayKind" alwaysOn />,
        <SearchInput key="q" source="q" />,
      ]}
      primaryText={(r) => r.name}
      secondaryText={(r) => `${formatDay(r.day)} · ${translate(weekdayKey(r.day))}`}
      tertiaryText={(r) => <KindChip value={r.kind} />}
      linkType={hasEdit ? 'edit' : 'show'}
      // A year with no special days is still a year to look at: keep the filters, not react-admin's empty page.
      empty={false}
    >
      <DataTable rowClick={hasEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="day">
          <DayField source="day" />
        </DataTable.Col>
        <DataTable.Col source="weekday" disableSort>
          <Weekday />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <CalendarDayKindField />
        </DataTable.Col>
        <DataTable.Col source="name" />
        <DataTable.Col source="source" disableSort>
          <TextField source="source" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
